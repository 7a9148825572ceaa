import type { EncodedSentence } from './types.js';

/**
 * Where the run of words [first, last] of sentence `from` would sit in sentence `into`: its word neighbours are
 * found in `into` by their exact form (the nearest occurrence by relative position), and the words between them
 * there are counted. A dropped word leaves its neighbours adjacent (gap 0: "the president the law" for "the
 * president signed the law"); a paraphrase puts other words in the slot. Features for the calibration step.
 */
export interface SlotGap {
  /** How many of the run's two neighbours (none at a sentence edge) were found in the other sentence: 0-2. */
  anchored: number;
  /** Words between the two anchors in the other sentence; -1 unless both are found in order. */
  gap: number;
}

function wordPositions(s: EncodedSentence): number[] {
  return s.tokens.flatMap((t, k) => (t.word ? [k] : []));
}

function anchorOf(from: EncodedSentence, k: number, into: EncodedSentence, words: number[]): number | undefined {
  const norm = from.tokens[k]!.norm;
  const rel = k / Math.max(1, from.tokens.length - 1);
  let best: number | undefined;
  let distance = Infinity;
  for (const j of words) {
    if (into.tokens[j]!.norm !== norm) continue;
    const d = Math.abs(j / Math.max(1, into.tokens.length - 1) - rel);
    if (d < distance) [best, distance] = [j, d];
  }
  return best;
}

export function slotGap(from: EncodedSentence, first: number, last: number, into: EncodedSentence): SlotGap {
  const own = wordPositions(from);
  const before = own.filter((k) => k < first).at(-1);
  const after = own.find((k) => k > last);
  const words = wordPositions(into);
  const a = before === undefined ? undefined : anchorOf(from, before, into, words);
  const b = after === undefined ? undefined : anchorOf(from, after, into, words);
  const anchored = (a === undefined ? 0 : 1) + (b === undefined ? 0 : 1);
  const gap = a !== undefined && b !== undefined && a < b ? words.filter((j) => j > a && j < b).length : -1;
  return { anchored, gap };
}

/** The gap as features: `emptySlot` 1 when both neighbours are found side by side, `slotWords` the gap (capped). */
export function slotFeatures(g: SlotGap): { anchored: number; emptySlot: number; slotWords: number } {
  return { anchored: g.anchored, emptySlot: g.gap === 0 ? 1 : 0, slotWords: g.gap < 0 ? 3 : Math.min(3, g.gap) };
}
