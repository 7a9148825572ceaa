import type { Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { relatedStems } from './lexicon/wordnet.js';

const wordStems = (tokens: readonly Token[]): string[] => [...new Set(tokens.filter((t) => t.word && /^\p{L}{3,}$/u.test(t.text)).map((t) => stem(t.norm)))];

/**
 * Share of `words` that have a WordNet near relative (one synset or one link apart) among the other side's words:
 * an unmatched word with one ("static" against "still", "groups" against "batches") is more often a paraphrase
 * than an error. A calibration feature, not a filter: "dog" against "animal" is a relative and still a loss.
 */
export function relativeShare(words: readonly Token[], others: readonly Token[]): number {
  const mine = wordStems(words);
  if (!mine.length) return 0;
  const theirs = wordStems(others);
  return mine.filter((a) => theirs.some((b) => relatedStems(a, b))).length / mine.length;
}
