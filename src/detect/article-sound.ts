import type { Token } from '../core/types.js';

/**
 * "a" or "an" against the sound of the next word, where spelling settles it. Only clear cases count: words
 * spelt with u, h, y, x or eu/ew/one/once begin with either sound ("a unit", "an umbrella", "an hour", "a house",
 * "an X-ray"), and initialisms and figures are read letter by letter or as numbers ("an FBI agent", "an 8"), so
 * all of those are left alone.
 */
const UNCLEAR = /^(u|h|y|x|eu|ew|one|once|oui)/;

/** The article the next word needs, when it is not the one written; undefined when fine or unclear. */
export function articleFor(article: Token, next: Token, initial: boolean): 'a' | 'an' | undefined {
  if (article.norm !== 'a' && article.norm !== 'an') return undefined;
  // "Plan A", "A Coruña": a capital A inside a sentence is a letter or part of a name, not the article.
  if (/^A/.test(article.text) && !initial) return undefined;
  if (!next.word || /^\p{N}/u.test(next.text) || /^\p{Lu}{2}/u.test(next.text) || /^\p{L}$/u.test(next.text)) return undefined;
  const w = next.norm;
  if (!/^[a-z]/.test(w) || UNCLEAR.test(w)) return undefined;
  const vowel = /^[aeio]/.test(w);
  if (article.norm === 'a' && vowel) return 'an';
  if (article.norm === 'an' && !vowel) return 'a';
  return undefined;
}
