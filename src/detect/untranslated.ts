import type { Token } from '../core/types.js';
import { UNTRANSLATED } from '../config.js';
import { stem } from '../segment/stem.js';
import { alignedRefs, evidenceOf, languageName, type RefSentence } from './context.js';
import { DictdDictionary } from './lexicon/bilingual.js';
import { englishSpellers, knowsAny } from './lexicon/english.js';
import { languageResources } from './lexicon/languages.js';
import { knows, loadSpeller, type Speller } from './lexicon/spell.js';
import { openWordList } from './lexicon/wordlist.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

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
}

/** Is this (part of a) token a source-language word and not an English one? */
export function sourceWord(token: string, lex: Lexicons): { lemma: string; ending: string } | undefined {
  // The English possessive is glued on after the letters ("Stadt's"); check the word without it.
  const possessive = /['’]s$/u.test(token) ? token.slice(-2) : '';
  const word = possessive ? token.slice(0, -2) : token;
  if (word.length < UNTRANSLATED.minLength || !/^\p{L}+$/u.test(word)) return undefined;
  if (knowsAny(lex.english, word) || knowsAny(lex.english, word.toLowerCase())) return undefined;
  // Hunspell cannot split German compounds; the bilingual dictionary's headwords list many of them.
  const isSource = (w: string) => knows(lex.source, w) || (lex.bilingual?.knows(w) ?? false);
  if (isSource(word)) return { lemma: word, ending: possessive ? "'s" : '' };
  const lower = word.toLowerCase();
  for (const ending of ENGLISH_ENDINGS) {
    const base = word.slice(0, -ending.length);
    if (lower.endsWith(ending) && base.length >= UNTRANSLATED.minLength && isSource(base)) return { lemma: base, ending };
  }
  return undefined;
}

/** The token itself, or the source-language parts of a hyphenated compound ("US-Geisel"). */
function sourceParts(token: Token, lex: Lexicons, inRefs: (norm: string) => boolean): SourceHit[] {
  const whole = sourceWord(token.text, lex);
  if (whole) return [{ from: 0, to: token.text.length, ...whole }];
  if (!token.text.includes('-')) return [];
  const hits: SourceHit[] = [];
  let at = 0;
  for (const part of token.text.split('-')) {
    const hit = inRefs(part.toLowerCase()) ? undefined : sourceWord(part, lex);
    if (hit) hits.push({ from: at, to: at + part.length, ...hit });
    at += part.length + 1;
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
    if (base.length >= UNTRANSLATED.minLength && knows(lex.source, base)) forms.push(base);
  }
  return forms;
}

export class UntranslatedDetector implements Detector {
  readonly id = 'untranslated';
  readonly meta: DetectorMeta = {
    id: 'untranslated',
    finds: 'source-language words left in the English ("geiseln", "US-Geisel", "geisels")',
    how: 'not in the US/British English Hunspell dictionaries, in the source-language one (also after stripping an English ending or splitting a hyphen compound); suggestion from FreeDict, confirmed against the aligned reference sentences',
    categories: ['untranslated'],
    modes: ['comparable', 'parallel'],
  };

  constructor(private readonly lexicons?: (lang: string) => Promise<Lexicons | undefined>) {}

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const lex = await (this.lexicons ?? loadLexicons)(ctx.options.sourceLang);
    if (!lex) return [];
    const lang = languageName(ctx.options.sourceLang);
    const flags: RawFlag[] = [];
    ctx.mt.sentences.forEach((s, i) => {
      let refs: RefSentence[] | undefined;
      for (const token of s.tokens) {
        // A word the references use is English for our purposes (names, loan words).
        if (!token.word || ctx.index.words.has(token.norm)) continue;
        for (const hit of sourceParts(token, lex, (n) => ctx.index.words.has(n))) {
          // A capitalised word could be a name the source dictionary happens to list (Bloomberg): it counts
          // only when the bilingual dictionary translates it into something else.
          const part = token.text.slice(hit.from, hit.to);
          if (/^\p{Lu}/u.test(part) && !this.translatable(hit, lex)) continue;
          refs ??= alignedRefs(ctx, i);
          flags.push(this.flag(token, hit, lex, refs, lang));
        }
      }
    });
    return flags;
  }

  private translatable(hit: SourceHit, lex: Lexicons): boolean {
    if (!lex.bilingual) return false;
    const lemma = hit.lemma.toLowerCase();
    return lookupForms(hit.lemma, lex).some((f) => lex.bilingual!.translate(f).some((t) => t.toLowerCase() !== lemma));
  }

  private flag(token: Token, hit: SourceHit, lex: Lexicons, refs: RefSentence[], lang: string): RawFlag {
    const text = token.text.slice(hit.from, hit.to);
    const translations = lex.bilingual ? lookupForms(hit.lemma, lex).flatMap((f) => lex.bilingual!.translate(f)) : [];
    const confirmed = confirmedTranslation(translations, refs);
    const suggestion = confirmed?.word ?? (translations[0] ? translations[0] + (hit.ending === "'s" ? "'s" : '') : undefined);
    const gloss = translations.length ? ` (${lang} for '${translations.slice(0, 3).join("', '")}')` : '';
    const support = confirmed ? `; ${confirmed.refs.length} aligned reference sentence${confirmed.refs.length > 1 ? 's say' : ' says'} '${confirmed.word}'` : '';
    const confidence = Math.min(0.99, UNTRANSLATED.baseConfidence + (confirmed ? UNTRANSLATED.confirmedBonus : 0) + (translations.length ? UNTRANSLATED.dictionaryBonus : 0));
    return {
      start: token.start + hit.from,
      end: token.start + hit.to,
      text,
      category: 'untranslated',
      severity: 'major',
      confidence,
      message: `'${text}' is ${lang}, not English${gloss}${support}.`,
      ...(suggestion ? { suggestion } : {}),
      evidence: (confirmed?.refs ?? []).slice(0, 3).map(evidenceOf),
      detector: this.id,
    };
  }
}

const lexiconCache = new Map<string, Promise<Lexicons | undefined>>();

export function loadLexicons(lang: string): Promise<Lexicons | undefined> {
  let p = lexiconCache.get(lang);
  if (!p) {
    const res = languageResources(lang);
    p = res
      ? Promise.all([englishSpellers(), res.hunspell ? loadSpeller(res.hunspell) : undefined]).then(([english, hunspell]) => {
          const bilingual = DictdDictionary.open(res.freedict);
          // Without Hunspell: a full-form word list, else the bilingual dictionary's headwords (no inflection).
          const list = res.wordlist ? openWordList(res.wordlist) : undefined;
          const source = hunspell ?? list ?? (bilingual ? { correct: (w: string) => bilingual.knows(w) } : undefined);
          return english.length && source ? { english, source, bilingual } : undefined;
        })
      : Promise.resolve(undefined);
    lexiconCache.set(lang, p);
  }
  return p;
}
