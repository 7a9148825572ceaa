import { diffArrays } from 'diff';
import type { Token } from '../core/types.js';

/** One place where the word sequences of two sentences differ. */
export interface Hunk {
  /** MT words replaced or dropped there (empty when the reference only adds words). */
  mt: Token[];
  /** Reference words in their place (empty when the MT only adds words). */
  ref: Token[];
  /** Index in the MT's word list where the hunk starts: the next shared MT word when `mt` is empty. */
  at: number;
  /** Shared words stand right before and right after it: the sentences' frame holds around the change. */
  bounded: boolean;
}

/**
 * The one word diff behind the detectors that compare an MT sentence with a nearly identical reference sentence
 * (substitution, polarity, quotes): jsdiff over lower-cased word tokens, consecutive changes grouped into hunks.
 */
export function wordHunks(mtWords: readonly Token[], refWords: readonly Token[]): Hunk[] {
  const parts = diffArrays(
    mtWords.map((t) => t.norm),
    refWords.map((t) => t.norm),
  );
  const shared = (k: number) => parts[k] !== undefined && !parts[k]!.added && !parts[k]!.removed;
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < parts.length; ) {
    if (shared(k)) {
      const n = parts[k]!.count ?? parts[k]!.value.length;
      i += n;
      j += n;
      k++;
      continue;
    }
    const start = k;
    const hunk: Hunk = { mt: [], ref: [], at: i, bounded: false };
    for (; k < parts.length && !shared(k); k++) {
      const part = parts[k]!;
      const n = part.count ?? part.value.length;
      if (part.removed) hunk.mt.push(...mtWords.slice(i, (i += n)));
      else hunk.ref.push(...refWords.slice(j, (j += n)));
    }
    hunk.bounded = shared(start - 1) && shared(k);
    hunks.push(hunk);
  }
  return hunks;
}
