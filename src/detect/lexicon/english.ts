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

/**
 * Is this token, as written, an English word? A capitalised token is when the dictionary has it in any case; a
 * lower-case one only when the dictionary has it in lower case: "que", "les" and "campos" are English only as
 * names (Que., Les, Campos), and a name is never written in lower case mid-sentence.
 */
export function englishToken(spellers: readonly Speller[], word: string): boolean {
  return word === word.toLowerCase() ? knowsForm(spellers, word) : knowsAny(spellers, word) || knowsAny(spellers, word.toLowerCase());
}

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * A lower-case word with a diacritic (génèrerait, naïve) that English knows neither as written nor without its
 * accents (naive, cafe): English keeps accents only in loan words its dictionaries list.
 */
export function foreignAccents(spellers: readonly Speller[], word: string): boolean {
  if (word !== word.toLowerCase() || !/[^\p{ASCII}]/u.test(word)) return false;
  const plain = fold(word);
  return plain !== word && /^[a-z]+$/.test(plain) && !knowsForm(spellers, plain) && !knowsForm(spellers, word);
}
