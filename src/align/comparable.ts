import type { Match } from '../core/types.js';
import type { Settings } from '../core/settings.js';
import { dot } from '../embed/vectors.js';
import { SimilarityMatrix, mergeVectors } from './matrix.js';
import type { AlignSide, Alignment } from './types.js';

function toMatch(ref: AlignSide, first: number, last: number, similarity: number): Match {
  const a = ref.sentences[first]!;
  const b = ref.sentences[last]!;
  const match: Match = { ref: ref.id, index: a.index, start: a.start, end: b.end, text: ref.text.slice(a.start, b.end), similarity };
  if (last !== first) match.merged = b.index;
  return match;
}

/** Tries the best match joined with its neighbour: one MT sentence often renders two reference sentences. */
function bestWithMerge(mtVec: Float32Array, ref: AlignSide, j: number, sim: number, mergeGain: number): Match {
  let best = toMatch(ref, j, j, sim);
  for (const [first, last] of [
    [j - 1, j],
    [j, j + 1],
  ] as const) {
    if (first < 0 || last >= ref.sentences.length) continue;
    const merged = mergeVectors(ref.vectors[first]!, ref.lengths[first]!, ref.vectors[last]!, ref.lengths[last]!);
    const s = dot(mtVec, merged);
    if (s > best.similarity + mergeGain) best = toMatch(ref, first, last, s);
  }
  return best;
}

/**
 * Comparable references (other articles on the same story): no order to exploit, so every MT sentence takes
 * its nearest reference sentences from all references; alternatives come from distinct sentences.
 */
export function alignComparable(mt: AlignSide, refs: readonly AlignSide[], settings: Settings['align']): Alignment {
  const cols: { ref: number; j: number }[] = [];
  refs.forEach((ref, r) => ref.vectors.forEach((_, j) => cols.push({ ref: r, j })));
  const matrix = new SimilarityMatrix(
    mt.vectors,
    refs.flatMap((r) => r.vectors),
  );
  const matches = mt.vectors.map((vec, i) => {
    const order = cols.map((_, c) => c).sort((a, b) => matrix.at(i, b) - matrix.at(i, a));
    return order.slice(0, settings.alternatives).map((c, rank) => {
      const { ref, j } = cols[c]!;
      const side = refs[ref]!;
      return rank === 0 ? bestWithMerge(vec, side, j, matrix.at(i, c), settings.mergeGain) : toMatch(side, j, j, matrix.at(i, c));
    });
  });
  return { matches, unmatched: refs.map(() => []) };
}
