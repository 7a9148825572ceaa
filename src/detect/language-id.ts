import { languageName } from './context.js';
import { englishSpellers, englishToken, knowsAny } from './lexicon/english.js';
import { COMPOUNDING, isCompound } from './lexicon/compounds.js';
import { englishDerivation } from './lexicon/english-morph.js';
import { latinLanguages } from './lexicon/languages.js';
import { foreignScript, hanLanguage, nonEnglishLetters } from './lexicon/scripts.js';
import { knows, type Speller } from './lexicon/spell.js';
import { loadStemList, type StemList } from './lexicon/stem-list.js';
import type { ReferenceIndex } from './ref-index.js';
import type { EncodedDoc } from './types.js';

/**
 * Which language the MT was translated from, judged by its words that are not English: a non-Latin script names
 * its language (or franc picks among the languages sharing it); Latin-script words vote for every dictionary that
 * knows them, franc's trigram guess breaking ties (alone it is unreliable on single words).
 */
export interface LanguageGuess {
  lang: string;
  /** How many of the non-English words the chosen language accounts for, of `of`. */
  votes: number;
  of: number;
}

type Franc = (typeof import('franc'))['francAll'];
let francAll: Franc | undefined;

/**
 * franc's trigram tables for 187 languages take about 50 ms to load: loaded only when a decision needs them (a
 * tie between dictionaries, a whole sentence's language, a long word in a shared script).
 */
export async function loadFranc(): Promise<Franc> {
  return (francAll ??= (await import('franc')).francAll);
}

/** franc, once loadFranc() has loaded it. */
export function francNow(): Franc {
  if (!francAll) throw new Error('internal: franc used before loadFranc()');
  return francAll;
}

/** Whether scriptLanguage may consult franc for words of this script (load it first: loadFranc). */
export function sharedScript(script: string): boolean {
  return SHARED_SCRIPT[script] !== undefined;
}

/** franc's ISO 639-3 codes for the languages that share a script, most widely read first. */
const SHARED_SCRIPT: Record<string, Record<string, string>> = {
  Cyrillic: { rus: 'ru', ukr: 'uk', bul: 'bg', srp: 'sr', mkd: 'mk', bel: 'be', kaz: 'kk' },
  Arabic: { arb: 'ar', pes: 'fa', urd: 'ur' },
  Devanagari: { hin: 'hi', mar: 'mr', nep: 'ne' },
};

export interface ForeignWords {
  /** Latin-script words no English dictionary and no reference has. */
  latin: string[];
  /** Words in other scripts, by script-identified language. */
  script: Map<string, string[]>;
}

export async function foreignWords(doc: EncodedDoc, index: ReferenceIndex, english?: Speller[]): Promise<ForeignWords> {
  const en = english ?? (await englishSpellers());
  const out: ForeignWords = { latin: [], script: new Map() };
  for (const s of doc.sentences) {
    const first = s.tokens.find((t) => t.word);
    for (const t of s.tokens) {
      if (!t.word || index.words.has(t.norm)) continue;
      const script = foreignScript(t.text);
      if (script) {
        if (sharedScript(script.script)) await loadFranc();
        const lang = scriptLanguage(script.script, script.lang, t.text, doc.text);
        out.script.set(lang, [...(out.script.get(lang) ?? []), t.text]);
      } else {
        // An elided form may be listed whole (aujourd'hui), else its word counts (d'admirer -> admirer).
        const plain = t.text.replace(/’/gu, "'");
        // The parts of a hyphenated compound count one by one (EU-Kommission), and a word glued to a figure (24jährigen).
        const parts = /[-\d]/u.test(plain) ? plain.split(/[-\d]+/u).filter((p) => p && !index.words.has(p.toLowerCase())) : [];
        // A sentence's first word is capitalised by orthography: a language listing the capitalised form (a name,
        // Dutch "Pero") has no better claim to it than one listing the word (Spanish "pero").
        // Two lower-case letters English has in no case count as in the detector (Spanish "su").
        const whole = latinCandidate(t.text) ?? (/^\p{Ll}{2}$/u.test(t.text) && !knowsAny(en, t.text) ? t.text : undefined);
        const own = t === first && whole && /^\p{Lu}\p{Ll}+$/u.test(whole) ? whole.toLowerCase() : whole;
        for (const word of new Set([/^\p{L}+'\p{L}+$/u.test(plain) ? plain : undefined, own, ...parts.map(latinCandidate)]))
          if (word && !englishToken(en, word) && !englishDerivation(word, en)) out.latin.push(word);
      }
    }
  }
  return out;
}

/**
 * The part of a token to judge: the word after an elided article or pronoun (d'admirer, l'État), without an
 * English possessive or "n't". Acronyms (CZK, NATO) belong to no language.
 */
export function latinCandidate(text: string): string | undefined {
  const word = text.replace(/(['’]s|n['’]t)$/u, '').split(/['’]/u).reduce((a, b) => (b.length > a.length ? b : a), '');
  // Two letters are enough when one of them is not English (že); else short words are English fragments.
  const min = nonEnglishLetters(word) ? 2 : 3;
  if (word.length < min || !/^\p{L}+$/u.test(word) || word === word.toUpperCase()) return undefined;
  return word;
}

/** The language of a word in a non-Latin script. */
export function scriptLanguage(script: string, lang: string | undefined, word: string, context = word): string {
  if (script === 'Han') return hanLanguage(context);
  if (lang) return lang;
  const among = SHARED_SCRIPT[script];
  if (!among) return 'und';
  const letters = LETTERS_OF[script]?.find(([re]) => re.test(word));
  if (letters) return letters[1];
  // Trigram statistics need a sentence's worth of text; a word gets the script's most widely read language.
  if (word.length < FRANC_MIN) return Object.values(among)[0]!;
  const [best] = francNow()(word, { only: Object.keys(among), minLength: 1 });
  return among[best?.[0] ?? ''] ?? Object.values(among)[0]!;
}

/** Twice franc's own default minimum (10): one word is never enough. */
const FRANC_MIN = 20;

/** Letters only one language of a shared script has (Ukrainian і ї є ґ, Persian پ چ ژ گ, ...). */
const LETTERS_OF: Record<string, [RegExp, string][]> = {
  Cyrillic: [
    [/[іїєґ]/iu, 'uk'],
    [/ў/iu, 'be'],
    [/[ђћ]/iu, 'sr'],
    [/[ѓќѕ]/iu, 'mk'],
    [/[әғқңөұһ]/iu, 'kk'],
  ],
  Arabic: [
    [/[ٹڈڑںےۓ]/u, 'ur'],
    [/[پچژگ]/u, 'fa'],
  ],
};

/** The source language the foreign words point to, or undefined when there are none a dictionary knows. */
export async function guessLanguage(words: ForeignWords): Promise<LanguageGuess | undefined> {
  const scripted = [...words.script.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const latin = await latinVotes(words.latin);
  const scriptCount = scripted?.[1].length ?? 0;
  const total = words.latin.length + [...words.script.values()].reduce((n, w) => n + w.length, 0);
  if (scripted && scriptCount >= (latin?.votes ?? 0)) return { lang: scripted[0], votes: scriptCount, of: total };
  return latin && { ...latin, of: total };
}

/**
 * How strongly a language claims a word: a stem listed as written 1 (Kommission in German, not in Swedish's
 * lower-case kommission), listed in another case 0.75, a form only an affix rule or compounding explains 0.5
 * (loose stem lists explain many strings; a listed word is better evidence).
 */
export function claim(list: StemList, lang: string, word: string, english: (w: string) => boolean): number {
  if (list.written(word)) return 1;
  if (list.exact(word)) return 0.75;
  if (knows(list, word) || knows(list, word.toLowerCase())) return 0.5;
  return COMPOUNDING.has(lang) && isCompound(word, (w) => list.exact(w) || knows(list, w), english) ? 0.5 : 0;
}

/** Per Latin-script language, how much of the words its dictionary claims; franc's ranking breaks ties. */
export async function latinVotes(words: readonly string[], english?: Speller[]): Promise<{ lang: string; votes: number } | undefined> {
  if (words.length === 0) return undefined;
  const en = english ?? (await englishSpellers());
  const isEnglish = (w: string) => knowsAny(en, w);
  const langs = latinLanguages();
  const scored = await Promise.all(
    langs.map(async (l) => {
      const list = await loadStemList(l.pkg);
      const votes = list ? words.reduce((n, w) => n + claim(list, l.lang, w, isEnglish), 0) : 0;
      return { lang: l.lang, iso3: l.iso3, votes };
    }),
  );
  const top = Math.max(0, ...scored.map((x) => x.votes));
  if (top <= 0) return undefined;
  const tied = scored.filter((x) => x.votes === top);
  if (tied.length === 1) return { lang: tied[0]!.lang, votes: top };
  // Only a tie needs franc's ranking (in the order of KNOWN where franc ranks none of them).
  const ranked = (await loadFranc())(words.join(' '), { only: langs.map((l) => l.iso3), minLength: 1 }).map(([c]) => c);
  const rank = (iso3: string) => (ranked.includes(iso3) ? ranked.indexOf(iso3) : ranked.length);
  const best = [...tied].sort((a, b) => rank(a.iso3) - rank(b.iso3))[0]!;
  return { lang: best.lang, votes: top };
}

export function describeLanguage(lang: string): string {
  return lang === 'und' ? 'an unidentified language' : languageName(lang);
}
