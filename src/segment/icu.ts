import { isLetter, isWordChar } from './chars.js';

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
/** Characters handed to ICU at a time on long lines. */
const WINDOW = 2048;

/**
 * Interior ICU sentence boundaries of `line`. V8 re-reads the whole string on every step of a
 * segment iterator (quadratic on a long line with many sentences), so long lines are fed to
 * ICU in windows. A boundary is kept only when a letter follows it inside the window (ICU's
 * look-ahead for a lower-case continuation then ended inside it); the next window starts at
 * the last kept boundary or later at a point between two word characters, where ICU's rules
 * need no context from before.
 */
export function icuBoundaries(line: string, window = WINDOW): number[] {
  const out: number[] = [];
  let pos = 0;
  for (;;) {
    const end = Math.min(line.length, pos + window);
    const chunk = pos === 0 && end === line.length ? line : line.slice(pos, end);
    const final = end === line.length;
    const lastLetter = final ? chunk.length : lastLetterIndex(chunk);
    let pending = chunk.length;
    let kept = 0;
    for (const { index } of SEGMENTER.segment(chunk)) {
      if (index === 0) continue;
      if (index >= lastLetter) {
        pending = index;
        break;
      }
      out.push(pos + index);
      kept = index;
    }
    if (final) return out;
    let next = pending;
    while (next > kept && !restartsSafely(chunk, next)) next--;
    if (next === 0) {
      // Degenerate window (no letters, no spaces after a word): take ICU's answer as it is.
      for (const { index } of SEGMENTER.segment(chunk)) if (index > kept) out.push(pos + index);
      next = chunk.length;
    }
    pos += next;
  }
}

function lastLetterIndex(chunk: string): number {
  for (let i = chunk.length - 1; i >= 0; i--) if (isLetter(chunk.charCodeAt(i))) return i;
  return -1;
}

function restartsSafely(chunk: string, p: number): boolean {
  if (p <= 0 || p >= chunk.length) return false;
  const after = chunk.charCodeAt(p);
  return isWordChar(chunk.charCodeAt(p - 1)) && (after === 0x20 || isWordChar(after));
}
