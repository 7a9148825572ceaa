import type { Match } from '../core/types.js';

/** What alignment needs of one text: its sentences and their embeddings. */
export interface AlignSide {
  id: string;
  text: string;
  sentences: { index: number; start: number; end: number; text: string }[];
  /** L2-normalised sentence vectors, one per sentence. */
  vectors: Float32Array[];
  /** Word-piece counts, used to weight merged embeddings. */
  lengths: number[];
}

export interface Alignment {
  /** Per MT sentence: best match first, then alternatives; empty when nothing was aligned (parallel skip). */
  matches: Match[][];
  /** Per reference: sentence indices no MT sentence was aligned to (parallel mode only; [] in comparable). */
  unmatched: number[][];
}
