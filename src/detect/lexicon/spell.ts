import { readCache, spellCacheDir, spellCacheFile, spellCacheKey, writeCache } from './spell-cache.js';
import { TableSpeller, tableFromNSpell } from './spell-table.js';

export { decodeTable, encodeTable, spellCacheDir, spellCacheFile, spellCacheKey } from './spell-cache.js';
export { TableSpeller, tableFromNSpell, type SpellTable } from './spell-table.js';

/** What the detectors ask of a Hunspell dictionary. An nspell instance satisfies it, and so does a cached table. */
export interface Speller {
  correct(word: string): boolean;
}

export interface OpenOptions {
  /** Where cached tables live; null: no cache (always parse). Default: spellCacheDir(). */
  cacheDir?: string | null;
}

/** Not memoised: loads `pkg` (a wooorm/dictionaries package exporting {aff, dic}), from the cache when it can. */
export async function openSpeller(pkg: string, options: OpenOptions = {}): Promise<Speller | undefined> {
  let dict: { aff: Uint8Array; dic: Uint8Array };
  try {
    dict = ((await import(pkg)) as { default: { aff: Uint8Array; dic: Uint8Array } }).default;
  } catch {
    return undefined;
  }
  const aff = Buffer.from(dict.aff);
  const dic = Buffer.from(dict.dic);
  const dir = options.cacheDir === undefined ? spellCacheDir() : options.cacheDir;
  const key = dir === null ? '' : spellCacheKey(aff, dic);
  if (dir !== null) {
    const cached = readCache(spellCacheFile(dir, pkg, key), key);
    if (cached) return new TableSpeller(cached, 'cache');
  }
  const { default: nspell } = await import('nspell');
  const parsed = nspell({ aff, dic });
  const table = tableFromNSpell(parsed, key);
  if (!table) return parsed; // an nspell whose internals we do not know: use it as it is
  if (dir !== null) writeCache(dir, pkg, table);
  return new TableSpeller(table, 'parse');
}

const loaded = new Map<string, Promise<Speller | undefined>>();

/**
 * Loads a Hunspell dictionary package once per process. A package that is not installed gives undefined
 * (the caller degrades: no source-language dictionary means no untranslated-word detection for that language).
 */
export function loadSpeller(pkg: string): Promise<Speller | undefined> {
  let p = loaded.get(pkg);
  if (!p) {
    p = openSpeller(pkg);
    loaded.set(pkg, p);
  }
  return p;
}

/** Hunspell is case-sensitive about nouns (German capitalises them); MT output often lower-cases them. */
export function knows(speller: Speller, word: string): boolean {
  if (speller.correct(word)) return true;
  const cap = word.charAt(0).toUpperCase() + word.slice(1);
  return cap !== word && speller.correct(cap);
}
