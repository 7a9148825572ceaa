import type { Analysis, Span } from '../core/types.js';

/** Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen: invisible, and they split words. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);

function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (INVISIBLE.has(text.charCodeAt(i))) return true;
  return false;
}

export interface Stripped {
  text: string;
  /** Original UTF-16 offset of each offset of `text` (one more entry for its end). */
  original: number[];
}

/**
 * The text without invisible characters, so "Ka\u200Btari" is analysed as the word it shows; undefined when there
 * are none. Analysis runs on the stripped text and its spans are mapped back (remapAnalysis).
 */
export function stripInvisible(text: string): Stripped | undefined {
  if (!hasInvisible(text)) return undefined;
  let out = '';
  const original: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE.has(text.charCodeAt(i))) continue;
    out += text[i];
    original.push(i);
  }
  original.push(text.length);
  return { text: out, original };
}

function mapSpan<T extends Span>(s: T, map: number[]): T {
  const start = map[s.start]!;
  const end = s.end > s.start ? map[s.end - 1]! + 1 : start;
  return { ...s, start, end };
}

/** Spans of an analysis of the stripped text, as offsets and slices of the text the user gave. */
export function remapAnalysis(analysis: Analysis, text: string, stripped: Stripped): Analysis {
  const map = stripped.original;
  return {
    ...analysis,
    sentences: analysis.sentences.map((s) => {
      const m = mapSpan(s, map);
      return { ...m, text: text.slice(m.start, m.end) };
    }),
    flags: analysis.flags.map((f) => {
      const m = mapSpan(f, map);
      return { ...m, text: text.slice(m.start, m.end) };
    }),
  };
}
