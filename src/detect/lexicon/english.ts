import type NSpell from 'nspell';
import { ENGLISH_HUNSPELL } from './languages.js';
import { knows, loadSpeller } from './spell.js';

/** US and British English: a British spelling ("Defence", "organisations") is English, not an error. */
const VARIANTS = [ENGLISH_HUNSPELL, 'dictionary-en-gb'];

export async function englishSpellers(): Promise<NSpell[]> {
  return (await Promise.all(VARIANTS.map(loadSpeller))).filter((s): s is NSpell => s !== undefined);
}

export function knowsAny(spellers: readonly NSpell[], word: string): boolean {
  return spellers.some((s) => knows(s, word));
}

/** Exactly this form (no capitalised retry): is "gaza" itself an English word, as "president" is? */
export function knowsForm(spellers: readonly NSpell[], word: string): boolean {
  return spellers.some((s) => s.correct(word));
}
