/**
 * Writing systems English never uses. A word in one of them inside English text is untranslated whatever the
 * source language, with no dictionary needed: the script alone says so, and for most scripts it also names the
 * language (Hangul is Korean, Thai script is Thai). Where one script serves several languages (Cyrillic, Arabic,
 * Devanagari) the language is left to language identification over the words.
 */
export interface ScriptInfo {
  /** Unicode script name, as in \p{Script=...}. */
  script: string;
  /** ISO 639-1 code when the script identifies one language by itself. */
  lang?: string;
}

const SCRIPTS: readonly ScriptInfo[] = [
  { script: 'Han', lang: 'zh' },
  { script: 'Hiragana', lang: 'ja' },
  { script: 'Katakana', lang: 'ja' },
  { script: 'Hangul', lang: 'ko' },
  { script: 'Cyrillic' },
  { script: 'Greek', lang: 'el' },
  { script: 'Arabic' },
  { script: 'Hebrew', lang: 'he' },
  { script: 'Devanagari' },
  { script: 'Bengali', lang: 'bn' },
  { script: 'Gurmukhi', lang: 'pa' },
  { script: 'Gujarati', lang: 'gu' },
  { script: 'Tamil', lang: 'ta' },
  { script: 'Telugu', lang: 'te' },
  { script: 'Kannada', lang: 'kn' },
  { script: 'Malayalam', lang: 'ml' },
  { script: 'Sinhala', lang: 'si' },
  { script: 'Thai', lang: 'th' },
  { script: 'Lao', lang: 'lo' },
  { script: 'Khmer', lang: 'km' },
  { script: 'Myanmar', lang: 'my' },
  { script: 'Georgian', lang: 'ka' },
  { script: 'Armenian', lang: 'hy' },
  { script: 'Ethiopic', lang: 'am' },
  { script: 'Tibetan', lang: 'bo' },
  { script: 'Mongolian', lang: 'mn' },
];

const MATCHERS = SCRIPTS.map((info) => ({ info, re: new RegExp(`\\p{Script=${info.script}}`, 'u') }));

const BEYOND_LATIN = /[^\u0000-\u036f]/u;

/** The first non-Latin script a word is written in, or undefined for Latin, digits and punctuation. */
export function foreignScript(word: string): ScriptInfo | undefined {
  // Most tokens are Latin, digits and punctuation: one test, no walk over the characters.
  if (!BEYOND_LATIN.test(word)) return undefined;
  for (const ch of word) {
    if (ch.charCodeAt(0) < 0x370) continue; // Basic Latin to IPA extensions: no foreign script there
    const hit = MATCHERS.find((m) => m.re.test(ch));
    if (hit) return hit.info;
  }
  return undefined;
}

/** Japanese writes Han characters too; any kana in the document decides for Japanese over Chinese. */
export function hanLanguage(text: string): 'ja' | 'zh' {
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh';
}

/**
 * Latin letters that no English word uses, not even a loan word or a name English keeps its accents for (café,
 * naïve, jalapeño, Zoë, Brontë): Czech ř ě ů, Polish ł ą ę ś ź ż ń, Hungarian ő ű, Romanian ș ț ă, Turkish ğ ı,
 * the Baltic and Nordic letters, Icelandic þ ð. A lower-case word with one of them is not English.
 */
const NON_ENGLISH_LETTERS = /[ăąćčďđěęğħıĳłľĺńňőœřŕśšşșťţțůűųźżžāēīūķļņģėįþðøåæßẞ]/iu;

export function nonEnglishLetters(word: string): boolean {
  return NON_ENGLISH_LETTERS.test(word);
}

/** Human name of a script for messages ("Han script"). */
export function scriptName(info: ScriptInfo): string {
  return `${info.script} script`;
}
