import { ENGLISH_HUNSPELL } from './languages.js';
import { knows, loadSpeller, type Speller } from './spell.js';

/** US and British English: a British spelling ("Defence", "organisations") is English, not an error. */
const VARIANTS = [ENGLISH_HUNSPELL, 'dictionary-en-gb'];

export async function englishSpellers(): Promise<Speller[]> {
  return (await Promise.all(VARIANTS.map(loadSpeller))).filter((s): s is Speller => s !== undefined);
}

export function knowsAny(spellers: readonly Speller[], word: string): boolean {
  return spellers.some((s) => knows(s, word));
}

/** Exactly this form (no capitalised retry): is "gaza" itself an English word, as "president" is? */
export function knowsForm(spellers: readonly Speller[], word: string): boolean {
  return spellers.some((s) => s.correct(word));
}
