import type { AlignedSentence } from '../core/types.js';
import { REPORT_LAYOUT } from './layout.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `fraction` (0..1) of `width` characters, in eighth-character steps. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

export interface Band {
  /** Lower bound of the band; the band is [low, low + width), the top one includes 1. */
  low: number;
  high: number;
  /** Sentence indices (0-based) whose score falls in the band. */
  sentences: number[];
}

/** Sentence scores binned into equal bands, best band first (where a reader looks for trouble: the bottom). */
export function scoreBands(sentences: readonly AlignedSentence[], bands = REPORT_LAYOUT.scoreBands): Band[] {
  const out: Band[] = Array.from({ length: bands }, (_, i) => ({ low: i / bands, high: (i + 1) / bands, sentences: [] }));
  for (const s of sentences) {
    const i = Math.min(bands - 1, Math.max(0, Math.floor(s.score * bands)));
    out[i]!.sentences.push(s.index);
  }
  return out.reverse();
}
