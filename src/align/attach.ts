import type { Match } from '../core/types.js';
import type { AlignSide, Alignment } from './types.js';

/** Share of reference sentence j (of reference r) that MT sentence i says in its own words, 0 to 1. */
export type RenderedShare = (i: number, r: number, j: number) => number;

/**
 * Parallel mode: a reference sentence the monotonic alignment skipped joins the match of the adjacent MT sentence
 * that says most of it (a translation that joins two sentences into one). Sentence vectors miss these joins: the
 * mean-pooled vector of a long sentence leans on its first clause, so the merged bead scores below the single
 * one, and every word-level detector would then read the second sentence's words as missing from the reference.
 */
export function attachRendered(alignment: Alignment, refs: readonly AlignSide[], share: RenderedShare, minShare: number): Alignment {
  const matches = alignment.matches.map((list) => [...list]);
  const unmatched = alignment.unmatched.map((skipped, r) => {
    const ref = refs[r];
    if (!ref) return skipped;
    return skipped.filter((j) => {
      let best: { i: number; at: number; share: number } | undefined;
      matches.forEach((list, i) => {
        const at = list.findIndex((m) => m.ref === ref.id && ((m.merged ?? m.index) === j - 1 || m.index === j + 1));
        // A match two MT sentences share (a split sentence) stays as the alignment made it.
        if (at < 0 || sharedWithNeighbour(matches, i, list[at]!)) return;
        const s = share(i, r, j);
        if (s >= minShare && s > (best?.share ?? -1)) best = { i, at, share: s };
      });
      if (!best) return true;
      const list = matches[best.i]!;
      list[best.at] = widened(list[best.at]!, ref, j);
      return false;
    });
  });
  return { matches, unmatched };
}

function sharedWithNeighbour(matches: readonly Match[][], i: number, m: Match): boolean {
  return [matches[i - 1], matches[i + 1]].some((list) => list?.some((o) => o.ref === m.ref && o.index === m.index));
}

function widened(m: Match, ref: AlignSide, j: number): Match {
  const first = Math.min(m.index, j);
  const last = Math.max(m.merged ?? m.index, j);
  const a = ref.sentences[first]!;
  const b = ref.sentences[last]!;
  return { ...m, index: first, start: a.start, end: b.end, text: ref.text.slice(a.start, b.end), merged: last };
}
