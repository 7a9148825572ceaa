import { escapeControls } from '../format/sanitize.js';

export interface SegStyle {
  color?: string;
  bold?: boolean;
  dim?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
}

/** A run of text with one style; lines of segments are what the components render. */
export interface Seg {
  text: string;
  style?: SegStyle;
}

/**
 * Article text as the screen shows it: line breaks inside a sentence become spaces (one for one, so offsets
 * computed on the raw text still apply piecewise), then every other control is made visible by escapeControls.
 */
export function clean(text: string): string {
  return escapeControls(text.replace(/[\r\n\t]/g, ' '));
}

function codeWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  // East Asian wide and fullwidth ranges (the common ones; terminals draw these two cells wide).
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += codeWidth(ch.codePointAt(0)!);
  return w;
}

/** The longest prefix of text that fits in `width` cells. */
export function cut(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = codeWidth(ch.codePointAt(0)!);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** Cuts text to at most `width` cells, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  return `${cut(text, width - 1)}…`;
}

interface Piece {
  text: string;
  style?: SegStyle;
  width: number;
}

/** Splits segments into words (maximal non-space runs, possibly spanning several styles) and spaces. */
function words(segs: readonly Seg[]): { space: boolean; pieces: Piece[]; width: number }[] {
  const out: { space: boolean; pieces: Piece[]; width: number }[] = [];
  for (const seg of segs) {
    for (const m of seg.text.matchAll(/\s+|\S+/g)) {
      const space = /^\s/.test(m[0]);
      const piece = { text: space ? ' '.repeat(m[0].length) : m[0], style: seg.style, width: textWidth(m[0]) };
      const last = out[out.length - 1];
      if (last && !space && !last.space) {
        last.pieces.push(piece);
        last.width += piece.width;
      } else out.push({ space, pieces: [piece], width: piece.width });
    }
  }
  return out;
}

function merge(line: Piece[]): Seg[] {
  const segs: Seg[] = [];
  for (const p of line) {
    const last = segs[segs.length - 1];
    if (last && last.style === p.style) last.text += p.text;
    else segs.push({ text: p.text, style: p.style });
  }
  return segs;
}

/** Greedy word wrap to `width` cells; words longer than a line are broken; no line starts with a space. */
export function wrapSegments(segs: readonly Seg[], width: number): Seg[][] {
  const w = Math.max(1, width);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const word of words(segs)) {
    if (word.space) {
      if (used > 0 && used + word.width <= w) {
        line.push(...word.pieces);
        used += word.width;
      } else if (used > 0) flush();
      continue;
    }
    if (used + word.width > w && used > 0) {
      while (line.length && /^\s+$/.test(line[line.length - 1]!.text)) line.pop();
      flush();
    }
    for (const piece of word.pieces) {
      if (used + piece.width <= w) {
        line.push(piece);
        used += piece.width;
        continue;
      }
      for (const ch of piece.text) {
        const cw = codeWidth(ch.codePointAt(0)!);
        if (used + cw > w && used > 0) flush();
        line.push({ text: ch, style: piece.style, width: cw });
        used += cw;
      }
    }
  }
  if (line.length || lines.length === 0) flush();
  return lines.map(merge);
}

export function wrapText(text: string, width: number, style?: SegStyle): Seg[][] {
  return wrapSegments([{ text, style }], width);
}

/** Plain text of a rendered line (for tests and width checks). */
export function lineText(line: readonly Seg[]): string {
  return line.map((s) => s.text).join('');
}

/** Cuts a line of segments to `width` cells, ending in an ellipsis when something was cut. */
export function fitLine(line: readonly Seg[], width: number): Seg[] {
  const total = line.reduce((w, s) => w + textWidth(s.text), 0);
  if (total <= width) return [...line];
  const out: Seg[] = [];
  let left = width - 1;
  for (const s of line) {
    if (left <= 0) break;
    const w = textWidth(s.text);
    if (w <= left) {
      out.push(s);
      left -= w;
      continue;
    }
    out.push({ text: cut(s.text, left), style: s.style });
    break;
  }
  out.push({ text: '…' });
  return out;
}

/** The first `height` lines; when some are cut, the last one shown ends in an ellipsis. */
export function clip(lines: readonly Seg[][], height: number, width: number): Seg[][] {
  if (lines.length <= height) return [...lines];
  const shown = lines.slice(0, Math.max(0, height));
  const last = shown[shown.length - 1];
  if (!last) return shown;
  const room = textWidth(lineText(last)) + 2 <= width;
  shown[shown.length - 1] = room ? [...last, { text: ' …' }] : fitLine([...last, { text: ' '.repeat(width) }], width);
  return shown;
}
