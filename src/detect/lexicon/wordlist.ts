import { readFileSync } from 'node:fs';
import type { Speller } from './spell.js';

const lists = new Map<string, Speller | undefined>();

/**
 * A full-form word list, one word per line (Debian's /usr/share/dict/<language>): every inflected form is
 * listed, so there is nothing to expand, unlike Hunspell affix files. Undefined when the file cannot be read.
 */
export function openWordList(path: string): Speller | undefined {
  if (lists.has(path)) return lists.get(path);
  let speller: Speller | undefined;
  try {
    const words = new Set(readFileSync(path, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean));
    speller = words.size ? { correct: (w) => words.has(w) } : undefined;
  } catch {
    speller = undefined;
  }
  lists.set(path, speller);
  return speller;
}
