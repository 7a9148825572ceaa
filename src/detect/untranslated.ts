import type { Token } from '../core/types.js';
import type { Settings } from '../core/settings.js';
import { stem } from '../segment/stem.js';
import { alignedRefs, evidenceOf, languageName, type RefSentence } from './context.js';
import { DictdDictionary } from './lexicon/bilingual.js';
import { englishSpellers, englishToken, foreignAccents, knowsAny, knowsForm } from './lexicon/english.js';
import { languageResources, latinLanguages } from './lexicon/languages.js';
import { knows, loadSpeller, TableSpeller, type Speller } from './lexicon/spell.js';
import { openWordList } from './lexicon/wordlist.js';
import { nonEnglishLetters, foreignScript } from './lexicon/scripts.js';
import { loadStemList } from './lexicon/stem-list.js';
import { cognateIn, SLOT_BONUS, slotWord, type SlotWord } from './slot-word.js';
import { editDistance } from './lexicon/distance.js';
import { COMPOUNDING, isCompound } from './lexicon/compounds.js';
import { englishDerivation } from './lexicon/english-morph.js';
import { latinCandidate } from './language-id.js';
import { scriptFlags } from './untranslated-script.js';
import { untranslatedSentences } from './untranslated-sentence.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

/**
 * Shorter tokens collide with abbreviations and English fragments in every language. A property of the word
 * lists rather than a threshold to tune, so it is not among the settings. Prior.
 */
const MIN_LENGTH = 3;

/** English inflection a source-language stem picks up in MT output ("geisels"); longest first. */
const ENGLISH_ENDINGS = ['ing', 'ed', 'es', 's'];

interface SourceHit {
  /** The part of the token that is a source-language word, offsets relative to the token. */
  from: number;
  to: number;
  /** The source-language form found in the dictionary. */
  lemma: string;
  /** English ending glued to it, if any. */
  ending: string;
}

export interface Lexicons {
  english: Speller[];
  source: Speller;
  bilingual?: DictdDictionary;
  /** The language writes closed compounds (compounds.ts). */
  compounds?: boolean;
  /** Listed forms only, without the stem list's loose affix rules: what a capitalised word must be (not a name). */
  strict?: Speller;
  lang?: string;
}

/** Is this (part of a) token a source-language word and not an English one? */
export function sourceWord(token: string, lex: Lexicons): { lemma: string; ending: string } | undefined {
  // The English possessive is glued on after the letters ("Stadt's"); check the word without it.
  const possessive = /['’]s$/u.test(token) ? token.slice(-2) : '';
  const word = possessive ? token.slice(0, -2) : token;
  if (/^\p{L}+['’]\p{L}+$/u.test(word)) return elidedWord(word, lex);
  // Two letters suffice for a lower-case word English has in no case at all (Spanish "su"); other short tokens
  // are abbreviations and English fragments in every language.
  const lowerForeign = word === word.toLowerCase() && !knowsAny(lex.english, word);
  const min = nonEnglishLetters(word) || lowerForeign ? 2 : MIN_LENGTH;
  if (word.length < min || !/^\p{L}+$/u.test(word) || word === word.toUpperCase()) return undefined;
  if (englishToken(lex.english, word)) return undefined;
  if (!nonEnglishLetters(word) && englishDerivation(word, lex.english)) return undefined;
  // Hunspell cannot split German compounds; the bilingual dictionary's headwords list many of them.
  const listed = (w: string) => knows(lex.source, w) || (lex.bilingual?.knows(w) ?? false);
  const isSource = (w: string) => listed(w) || (!!lex.compounds && isCompound(w, listed, (x) => knowsAny(lex.english, x)));
  // Letters English never uses (ř, ł, ő) mark a lower-case word as foreign even where the dictionary has gaps.
  // Neither do accents English does not keep (génèrerait: misspelt, so in no dictionary).
  if (isSource(word) || (word === word.toLowerCase() && (nonEnglishLetters(word) || foreignAccents(lex.english, word)))) return { lemma: word, ending: possessive ? "'s" : '' };
  const lower = word.toLowerCase();
  for (const ending of ENGLISH_ENDINGS) {
    const base = word.slice(0, -ending.length);
    if (lower.endsWith(ending) && base.length >= MIN_LENGTH && isSource(base)) return { lemma: base, ending };
  }
  return undefined;
}

/**
 * A reference word that is not a name: a name in the slot says the MT word is a name too (Napoli/Naples). The
 * English dictionary decides, not the reference's capitals: titles capitalise common words ("National Security
 * Advisor").
 */
const commonWord = (slot: SlotWord | undefined, english: readonly Speller[]): boolean => slot !== undefined && knowsForm(english, slot.word.toLowerCase());

/** Languages that capitalise common nouns: there a capitalised word may be a noun, elsewhere only a name. */
const CAPITALISED_NOUNS = new Set(['de', 'lb']);

const firstWord = (s: EncodedSentence): Token | undefined => s.tokens.find((t) => t.word);

/**
 * Whether a capitalised source word is a word to translate, not a name. The first word of a sentence is capitalised
 * by orthography: it counts as its lower-case form when that is listed. Elsewhere, outside German, a word the
 * dictionary lists only capitalised is a name; and every capitalised word needs corroboration (`supported`).
 */
function capitalisedWord(hit: SourceHit, lex: Lexicons, first: boolean, supported: () => boolean, exonym: () => boolean): boolean {
  const strict = lex.strict ?? lex.source;
  const lower = hit.lemma.toLowerCase();
  if (first && strict.correct(lower)) return true;
  // Sentence-first, an inflected form only the affix rules explain (Czech "Takové"): as any capitalised word, it
  // needs corroboration.
  if (first && lex.source.correct(lower)) return supported();
  if (!CAPITALISED_NOUNS.has(lex.lang ?? '') && !strict.correct(lower) && !(lex.bilingual?.knows(lower) ?? false)) return exonym();
  return listedStrictly(hit.lemma, lex) && (supported() || exonym());
}

/**
 * A capitalised word that is a name: spelt nearly as a reference name (Catri/Catry, Médecins/Medecines: a
 * misspelt name is the entity check's), or beside a capitalised word the reference has as written that English does
 * not know (Comercial Mexicana, Médecins Sans Frontières: one name, the reference keeps part of it).
 */
function partOfName(ctx: DetectContext, s: EncodedSentence, token: Token, refs: readonly RefSentence[], english: readonly Speller[]): boolean {
  const k = s.tokens.indexOf(token);
  const named = (t: Token | undefined) => t !== undefined && t.word && /^\p{Lu}/u.test(t.text) && ctx.index.words.has(t.norm) && !knowsAny(english, t.text.toLowerCase());
  if (named(s.tokens[k - 1]) && s.tokens[k - 1] !== firstWord(s)) return true;
  if (named(s.tokens[k + 1])) return true;
  const w = foldCase(token.text);
  const limit = w.length >= 7 ? 2 : 1;
  return refs.some((r) =>
    r.tokens.some((t) => t.word && /^\p{Lu}/u.test(t.text) && !knowsForm(english, t.norm) && Math.abs(t.text.length - w.length) <= limit && editDistance(foldCase(t.text), w) <= limit),
  );
}

/**
 * Of these capitalised words, the ones another language's dictionary lists as written too: a name several
 * languages spell alike (Napoli in Italian, Polish and Romanian) is the name's international form, which English
 * may use as well (the club Napoli), not one language's exonym. Read only when an exonym is in question.
 */
async function sharedNames(words: string[], sourceLang: string): Promise<Set<string>> {
  const others = latinLanguages().filter((l) => l.lang !== sourceLang.toLowerCase());
  const lists = (await Promise.all(others.map((l) => loadStemList(l.pkg)))).filter((x) => x !== undefined);
  return new Set(words.filter((w) => lists.some((list) => list.written(w))));
}

/** Accents and case aside: Novak is Novák, only spelt without the accent English type lacks. */
const foldCase = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A name the source language spells its own way (Argentinien, Komoren, Alemania), left so: the source dictionary
 * lists it capitalised as written, and the parallel reference has another name in exactly its slot (between the
 * same neighbours), which the MT lacks. A name both languages share stands in the reference as written and never
 * gets here.
 */
function exonym(ctx: DetectContext, s: EncodedSentence, token: Token, refs: RefSentence[], hit: SourceHit, lex: Lexicons): boolean {
  if (ctx.options.mode !== 'parallel' || !(lex.strict ?? lex.source).correct(hit.lemma)) return false;
  const slot = slotWord(ctx, s, token, refs);
  return slot?.bracketed === true && /^\p{Lu}/u.test(slot.word) && foldCase(slot.word) !== foldCase(hit.lemma);
}

/**
 * A short lower-case word right between two capitalised ones, or two such words, is a particle of a name
 * (Charles de Gaulle, Ursula von der Leyen): no punctuation between, nothing longer than three letters.
 */
function nameParticle(s: EncodedSentence, token: Token): boolean {
  const k = s.tokens.indexOf(token);
  const capital = (t: Token | undefined) => t !== undefined && t.word && /^\p{Lu}/u.test(t.text);
  const particle = (t: Token | undefined) => t !== undefined && t.word && /^\p{Ll}{1,3}$/u.test(t.text);
  if (!particle(token)) return false;
  const [l1, l2, r1, r2] = [s.tokens[k - 1], s.tokens[k - 2], s.tokens[k + 1], s.tokens[k + 2]];
  return (capital(l1) && (capital(r1) || (particle(r1) && capital(r2)))) || (particle(l1) && capital(l2) && capital(r1));
}

/** In the strict vocabulary (or the bilingual dictionary), whole or as a compound of strictly listed words. */
function listedStrictly(lemma: string, lex: Lexicons): boolean {
  const strict = lex.strict ?? lex.source;
  const listed = (w: string) => knows(strict, w) || (lex.bilingual?.knows(w) ?? false);
  const whole = (w: string) => listed(w) || (!!lex.compounds && isCompound(w, listed, (x) => knowsAny(lex.english, x)));
  // The stem list may have taken the English ending for part of the word (Feuerwehrs): try without it too.
  return whole(lemma) || ENGLISH_ENDINGS.some((e) => lemma.toLowerCase().endsWith(e) && lemma.length - e.length >= MIN_LENGTH && whole(lemma.slice(0, -e.length)));
}

/** "aujourd'hui" as the dictionary lists it, else the word after an elided article ("d'admirer", "pouvaisn't"). */
function elidedWord(word: string, lex: Lexicons): { lemma: string; ending: string } | undefined {
  const plain = word.replace(/’/gu, "'");
  if (!knowsAny(lex.english, plain) && knows(lex.source, plain)) return { lemma: plain, ending: '' };
  const part = latinCandidate(plain);
  return part && part !== plain ? sourceWord(part, lex) : undefined;
}

/** The token itself, or the source-language parts of a hyphenated compound ("US-Geisel"). */
function sourceParts(token: Token, lex: Lexicons, inRefs: (norm: string) => boolean): SourceHit[] {
  const whole = sourceWord(token.text, lex);
  if (whole) return [{ from: 0, to: token.text.length, ...whole }];
  // Hyphens and figures glue words into one token ("US-Geisel", "24jährigen"): judge the letters between them.
  if (!/[-\d]/u.test(token.text)) return [];
  const hits: SourceHit[] = [];
  for (const m of token.text.matchAll(/[^-\d]+/gu)) {
    const part = m[0];
    const hit = inRefs(part.toLowerCase()) ? undefined : sourceWord(part, lex);
    if (hit) hits.push({ from: m.index, to: m.index + part.length, ...hit });
  }
  return hits;
}

/**
 * Among the dictionary's translations, the one the aligned references use, in the form they use it: every word
 * of the translation must stand in the reference sentence, in order ("town hall"), its last word inflected as there.
 */
function confirmedTranslation(translations: string[], refs: RefSentence[]): { word: string; refs: RefSentence[] } | undefined {
  for (const t of translations) {
    const stems = t.toLowerCase().split(/\s+/).map(stem);
    const found = refs
      .map((r) => ({ r, words: phraseIn(r.tokens.filter((tok) => tok.word), stems) }))
      .filter((x): x is { r: RefSentence; words: Token[] } => x.words !== undefined);
    if (found.length === 0) continue;
    return { word: found[0]!.words.map((w) => w.norm).join(' '), refs: found.map((x) => x.r) };
  }
  return undefined;
}

function phraseIn(words: Token[], stems: string[]): Token[] | undefined {
  for (let i = 0; i + stems.length <= words.length; i++) {
    const slice = words.slice(i, i + stems.length);
    if (slice.every((w, k) => stem(w.norm) === stems[k])) return slice;
  }
  return undefined;
}

/** Dictionary forms to look up: the form found, then with common inflection removed (Geiseln -> Geisel). */
function lookupForms(lemma: string, lex: Lexicons): string[] {
  const forms = [lemma];
  for (const cut of [1, 2]) {
    const base = lemma.slice(0, -cut);
    if (base.length >= MIN_LENGTH && (knows(lex.source, base) || (lex.bilingual?.knows(base) ?? false))) forms.push(base);
  }
  return forms;
}

export class UntranslatedDetector implements Detector {
  readonly id = 'untranslated';
  readonly meta: DetectorMeta = {
    finds: 'source-language words left in the English ("geiseln", "US-Geisel", "三聚氰胺", "сказал", "współpracę"); a sentence left in the source language (critical, one flag: "not translated: German")',
    how: 'a non-Latin script needs no dictionary (the script and language named); a Latin-script word in neither English dictionary nor an English derivation, but in the source language\'s (also after stripping an English ending or an elided article, or splitting a hyphen or Germanic compound), or with letters or accents English never uses (ř, ł, génèrerait); a lower-case word is English only if English has it in lower case (que, les); capitalised words need the bilingual dictionary, a cognate or a common word in the reference slot, or are a name only the source language spells so, where the parallel slot has another (Argentinien); names stay names (beside a reference name, a letter off one, particles). The fix is the aligned reference word in the same slot; FreeDict, when installed, adds its translation',
    categories: ['untranslated'],
    modes: ['comparable', 'parallel'],
  };

  constructor(private readonly lexicons?: (lang: string) => Promise<Lexicons | undefined>) {}

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const lex = await (this.lexicons ?? loadLexicons)(ctx.options.sourceLang);
    const whole = await untranslatedSentences(ctx, lex?.english ?? (await englishSpellers()), this.id);
    const flags: RawFlag[] = [...whole.flags, ...(await scriptFlags(ctx, whole.sentences, this.id))];
    if (!lex) return flags;
    const lang = languageName(ctx.options.sourceLang);
    // Flags that rest on the exonym reading alone, checked against the other languages' lists after the loop.
    const exonyms = new Set<RawFlag>();
    ctx.mt.sentences.forEach((s, i) => {
      if (whole.sentences.has(i)) return;
      let refs: RefSentence[] | undefined;
      for (const token of s.tokens) {
        // A word the references use is English for our purposes (names, loan words).
        if (!token.word || ctx.index.words.has(token.norm) || ctx.index.words.has(token.norm.replace(/['’]s$/u, '')) || foreignScript(token.text)) continue;
        for (const hit of sourceParts(token, lex, (n) => ctx.index.words.has(n))) {
          const slotRefs = (refs ??= alignedRefs(ctx, i));
          const part = token.text.slice(hit.from, hit.to);
          const cognate = cognateIn(refs, part, lex.english);
          // A capitalised word could be a name the source dictionary happens to list (Bloomberg): it counts
          // only when the bilingual dictionary translates it into something else, or when the aligned reference
          // has a cognate or an open-class English word the MT lacks in its slot (a name stands there as it is).
          const supported = () => this.translatable(hit, lex) || !!cognate || commonWord(slotWord(ctx, s, token, slotRefs), lex.english);
          if (/^\p{Lu}/u.test(part) && partOfName(ctx, s, token, refs, lex.english)) continue;
          let byExonym = false;
          const asExonym = () => (byExonym = exonym(ctx, s, token, slotRefs, hit, lex));
          if (/^\p{Lu}/u.test(part) && !capitalisedWord(hit, lex, token === firstWord(s), supported, asExonym)) continue;
          if (/^\p{Ll}/u.test(part) && nameParticle(s, token)) continue;
          const flag = this.flag(ctx.settings.untranslated, token, hit, lex, refs, lang, cognate ?? slotWord(ctx, s, token, refs, true));
          flags.push(flag);
          if (byExonym) exonyms.add(flag);
        }
      }
    });
    if (exonyms.size === 0) return flags;
    const shared = await sharedNames([...exonyms].map((f) => f.text), ctx.options.sourceLang);
    return flags.filter((f) => !exonyms.has(f) || !shared.has(f.text));
  }

  private translatable(hit: SourceHit, lex: Lexicons): boolean {
    if (!lex.bilingual) return false;
    const lemma = hit.lemma.toLowerCase();
    return lookupForms(hit.lemma, lex).some((f) => lex.bilingual!.translate(f).some((t) => t.toLowerCase() !== lemma));
  }

  private flag(prior: Settings['untranslated'], token: Token, hit: SourceHit, lex: Lexicons, refs: RefSentence[], lang: string, slot?: SlotWord): RawFlag {
    const text = token.text.slice(hit.from, hit.to);
    const translations = lex.bilingual ? lookupForms(hit.lemma, lex).flatMap((f) => lex.bilingual!.translate(f)) : [];
    const confirmed = confirmedTranslation(translations, refs);
    // The dictionary's translation when the references confirm it, else the reference word in the slot, else the
    // dictionary's first sense.
    const suggestion = confirmed?.word ?? slot?.word ?? (translations[0] ? translations[0] + (hit.ending === "'s" ? "'s" : '') : undefined);
    const gloss = translations.length ? ` (${lang} for '${translations.slice(0, 3).join("', '")}')` : '';
    const inSlot = !confirmed && slot ? `; the aligned reference has '${slot.word}' in its place` : '';
    const support = confirmed ? `; ${confirmed.refs.length} aligned reference sentence${confirmed.refs.length > 1 ? 's say' : ' says'} '${confirmed.word}'` : inSlot;
    const confidence = Math.min(0.99, prior.baseConfidence + (confirmed || slot?.cognate ? prior.confirmedBonus : slot ? SLOT_BONUS : 0) + (translations.length ? prior.dictionaryBonus : 0));
    return {
      start: token.start + hit.from,
      end: token.start + hit.to,
      text,
      category: 'untranslated',
      severity: 'major',
      confidence,
      message: `'${text}' is ${lang}, not English${gloss}${support}.`,
      ...(suggestion ? { suggestion } : {}),
      evidence: (confirmed?.refs ?? (slot ? [slot.ref] : [])).slice(0, 3).map(evidenceOf),
      detector: this.id,
    };
  }
}

const lexiconCache = new Map<string, Promise<Lexicons | undefined>>();

export function loadLexicons(lang: string): Promise<Lexicons | undefined> {
  const res = languageResources(lang);
  // Keyed by the resources too: a process that changes MTDIFF_FREEDICT_<LANG> (a library user, a test) gets them.
  const key = `${lang}\0${JSON.stringify(res ?? null)}`;
  let p = lexiconCache.get(key);
  if (!p) {
    p = res
      ? Promise.all([englishSpellers(), res.hunspell ? loadSpeller(res.hunspell) : undefined, res.stems ?? res.hunspell ? loadStemList((res.stems ?? res.hunspell)!) : undefined]).then(([english, hunspell, stems]) => {
          const bilingual = DictdDictionary.open(res.freedict);
          // Without Hunspell: a full-form word list, else a stem list, else the bilingual dictionary's headwords.
          const list = res.wordlist ? openWordList(res.wordlist) : undefined;
          // Hunspell's listed forms, without COMPOUNDRULE matches (compounds.ts splits compounds, more strictly).
          const listed: Speller | undefined = hunspell instanceof TableSpeller ? { correct: (w) => hunspell.listedForm(w) } : hunspell;
          const spellers = [listed, list, stems].filter((x): x is Speller => x !== undefined);
          const source = spellers.length ? { correct: (w: string) => spellers.some((x) => x.correct(w)) } : bilingual ? { correct: (w: string) => bilingual.knows(w) } : undefined;
          const strict = listed ?? list ?? (stems ? { correct: (w: string) => stems.listed(w) } : undefined);
          return english.length && source ? { english, source, bilingual, compounds: COMPOUNDING.has(lang.toLowerCase()), lang: lang.toLowerCase(), ...(strict ? { strict } : {}) } : undefined;
        })
      : Promise.resolve(undefined);
    lexiconCache.set(key, p);
  }
  return p;
}
