import type { Token } from '../core/types.js';
import { isDigit, isLetter, isMark, isSpace, isWordChar } from './chars.js';

const DOT = 0x2e;
const COMMA = 0x2c;
const ZWJ = 0x200d;
/** Joined inside a word only when a letter/digit follows directly: "long-term", not "long -term". */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x02bc]);
/** A run of one of these ("...", "--", "!!") reads as a single mark. */
const RUNS = new Set([DOT, 0x2d, 0x21, 0x3f]);

/**
 * Words and punctuation of `text`, offsets shifted by `offset` so that a sentence's tokens
 * index the whole document. Words keep internal apostrophes and hyphens, numbers keep
 * their separators ("1,200", "48.5"), dotted initialisms keep their dots ("U.S.").
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i) ?? 0;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const word = isWordChar(c);
    const end = word ? scanWord(text, i) : scanSymbol(text, i);
    const t = text.slice(i, end);
    out.push({ text: t, norm: normalize(t), start: offset + i, end: offset + end, word });
    i = end;
  }
  return out;
}

export function wordTokens(text: string, offset = 0): Token[] {
  return tokenize(text, offset).filter((t) => t.word);
}

// Hyphen variants are unified too so that "long‑term" and "long-term" match.
function normalize(t: string): string {
  return t.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010\u2011]/g, '-');
}

function width(c: number): number {
  return c > 0xffff ? 2 : 1;
}

function cpBefore(text: string, j: number): number {
  const lo = text.charCodeAt(j - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && j >= 2) return text.codePointAt(j - 2) ?? lo;
  return lo;
}

function skipWordChars(text: string, i: number): number {
  let j = i;
  for (let c = text.codePointAt(j); c !== undefined && isWordChar(c); c = text.codePointAt(j)) j += width(c);
  return j;
}

/** End of "U.S." / "a.m." / "N.J." starting at `i` (two or more single letters, each with a dot), else `i`. */
function scanInitialism(text: string, i: number): number {
  let k = i;
  let count = 0;
  for (let c = text.codePointAt(k); c !== undefined && isLetter(c); c = text.codePointAt(k)) {
    if (text.charCodeAt(k + width(c)) !== DOT) break;
    k += width(c) + 1;
    count++;
  }
  const after = text.codePointAt(k);
  return count >= 2 && (after === undefined || !isWordChar(after)) ? k : i;
}

function scanPart(text: string, i: number): number {
  const j = scanInitialism(text, i);
  return j > i ? j : skipWordChars(text, i);
}

function scanWord(text: string, i: number): number {
  let j = scanPart(text, i);
  for (;;) {
    const c = text.charCodeAt(j);
    const next = text.codePointAt(j + 1);
    if (next === undefined) return j;
    const prev = cpBefore(text, j);
    const joins =
      (HYPHENS.has(c) && isWordChar(next)) ||
      (APOSTROPHES.has(c) && isLetter(next) && isWordChar(prev)) ||
      ((c === COMMA || c === DOT) && isDigit(prev) && isDigit(next));
    if (!joins) return j;
    j = scanPart(text, j + 1);
  }
}

/** One punctuation mark or symbol, with what renders as part of it (emoji sequences, flags, marks). */
function scanSymbol(text: string, i: number): number {
  const first = text.codePointAt(i) ?? 0;
  let j = i + width(first);
  if (RUNS.has(first)) {
    while (text.charCodeAt(j) === first) j++;
    return j;
  }
  if (isRegionalIndicator(first)) {
    const c = text.codePointAt(j);
    return c !== undefined && isRegionalIndicator(c) ? j + 2 : j;
  }
  for (let c = text.codePointAt(j); c !== undefined; c = text.codePointAt(j)) {
    if (c === ZWJ) {
      const joined = text.codePointAt(j + 1);
      if (joined === undefined || isSpace(joined)) break;
      j += 1 + width(joined);
    } else if (isExtender(c)) {
      j += width(c);
    } else {
      break;
    }
  }
  return j;
}

function isRegionalIndicator(c: number): boolean {
  return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/** Variation selectors, skin tones, emoji tags and combining marks (e.g. keycap U+20E3). */
function isExtender(c: number): boolean {
  return (
    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0020 && c <= 0xe007f) || isMark(c)
  );
}
