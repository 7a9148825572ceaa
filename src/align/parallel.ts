import type { Match } from '../core/types.js';
import type { Settings } from '../core/settings.js';
import { dot } from '../embed/vectors.js';
import { SimilarityMatrix, mergeVectors } from './matrix.js';
import type { AlignSide, Alignment } from './types.js';

/** Bead shapes: MT sentences x reference sentences consumed (Vecalign/Bertalign style, no crossing). */
const BEADS = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 0],
  [0, 1],
] as const;

interface Cell {
  score: number;
  bead: number;
}

function mergedAt(side: AlignSide, k: number): Float32Array {
  return mergeVectors(side.vectors[k]!, side.lengths[k]!, side.vectors[k + 1]!, side.lengths[k + 1]!);
}

/**
 * Monotonic alignment of an MT text with one parallel reference by dynamic programming, O(m * n).
 * Every bead gains (cosine - skipPenalty), so skipping is chosen only when no pairing beats the penalty; a merged
 * bead counts only when it is clearly closer than its best one-to-one part.
 */
function alignOne(mt: AlignSide, ref: AlignSide, settings: Settings['align']): { pairs: [number[], number[], number][]; unmatchedRef: number[] } {
  const m = mt.vectors.length;
  const n = ref.vectors.length;
  const sim = new SimilarityMatrix(mt.vectors, ref.vectors);
  const gain = (cos: number) => cos - settings.skipPenalty;
  const beadSim = (i: number, j: number, b: number): number => {
    const [di, dj] = BEADS[b]!;
    if (di === 1 && dj === 1) return sim.at(i, j);
    if (di === 1 && dj === 2) return dot(mt.vectors[i]!, mergedAt(ref, j));
    return dot(mergedAt(mt, i), ref.vectors[j]!);
  };
  // A merge must beat the best one-to-one pairing inside it by mergeGain, or an unrelated neighbour rides along.
  const beadGain = (i: number, j: number, b: number): number => {
    const cos = beadSim(i, j, b);
    const [di, dj] = BEADS[b]!;
    if (di === 1 && dj === 1) return gain(cos);
    const single = di === 2 ? Math.max(sim.at(i, j), sim.at(i + 1, j)) : Math.max(sim.at(i, j), sim.at(i, j + 1));
    return cos >= single + settings.mergeGain ? gain(cos) : -Infinity;
  };
  const table: Cell[][] = Array.from({ length: m + 1 }, () => Array.from({ length: n + 1 }, () => ({ score: -Infinity, bead: -1 })));
  table[0]![0] = { score: 0, bead: -1 };
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      BEADS.forEach(([di, dj], b) => {
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0) return;
        const prev = table[pi]![pj]!.score;
        if (prev === -Infinity) return;
        const g = di === 0 || dj === 0 ? 0 : beadGain(pi, pj, b);
        if (prev + g > table[i]![j]!.score) table[i]![j] = { score: prev + g, bead: b };
      });
    }
  }
  const pairs: [number[], number[], number][] = [];
  const unmatchedRef: number[] = [];
  for (let i = m, j = n; i > 0 || j > 0; ) {
    const b = table[i]![j]!.bead;
    const [di, dj] = BEADS[b]!;
    const mtIdx = Array.from({ length: di }, (_, k) => i - di + k);
    const refIdx = Array.from({ length: dj }, (_, k) => j - dj + k);
    if (di > 0 && dj > 0) pairs.push([mtIdx, refIdx, beadSim(i - di, j - dj, b)]);
    else if (dj > 0) unmatchedRef.push(...refIdx);
    i -= di;
    j -= dj;
  }
  return { pairs: pairs.reverse(), unmatchedRef: unmatchedRef.reverse() };
}

/** Parallel references (translations of the same source, in order): one monotonic alignment per reference. */
export function alignParallel(mt: AlignSide, refs: readonly AlignSide[], settings: Settings['align']): Alignment {
  const matches: Match[][] = mt.vectors.map(() => []);
  const unmatched = refs.map((ref) => {
    const { pairs, unmatchedRef } = alignOne(mt, ref, settings);
    for (const [mtIdx, refIdx, similarity] of pairs) {
      const a = ref.sentences[refIdx[0]!]!;
      const b = ref.sentences[refIdx[refIdx.length - 1]!]!;
      for (const i of mtIdx) {
        const match: Match = { ref: ref.id, index: a.index, start: a.start, end: b.end, text: ref.text.slice(a.start, b.end), similarity };
        if (b.index !== a.index) match.merged = b.index;
        matches[i]!.push(match);
      }
    }
    return unmatchedRef;
  });
  for (const list of matches) list.sort((x, y) => y.similarity - x.similarity);
  return { matches, unmatched };
}
