import type { Sentence } from '../core/types.js';
import { isDottedDay } from './dates.js';
import { icuBoundaries } from './icu.js';
import { AMBIGUOUS, BEFORE_NUMBER, NEVER_FINAL, SENTENCE_STARTERS } from './abbreviations.js';
import {
  CLOSERS, DASHES, OPENERS, isDigit, isLetter, isLineBreak, isLower, isSpace, isUpper,
} from './chars.js';

const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const CR = 0x0d;
const LF = 0x0a;
/** Longest abbreviation / starter word we look at; bounds the work per boundary. */
const MAX_WORD = 24;

type NextKind = 'start' | 'cap' | 'lower' | 'digit' | 'cont' | 'other';

/**
 * Splits `text` into sentences whose offsets index `text` exactly. Each line is a paragraph
 * (news puts headlines and paragraphs on their own lines); within a line, ICU's sentence
 * boundaries are used and then corrected for abbreviations, initials, ellipses and
 * quotations continued in lower case. Paragraphs are numbered over non-blank lines, so blank
 * lines between paragraphs do not leave gaps.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (i < n && !isLineBreak(c)) continue;
    if (splitLine(text, lineStart, i, paragraph, out)) paragraph++;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    lineStart = i + 1;
  }
  return out;
}

function splitLine(text: string, start: number, end: number, paragraph: number, out: Sentence[]): boolean {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return false;
  const line = text.slice(start, end);
  let from = 0;
  const emit = (a: number, b: number): void => {
    while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
    if (b <= a) return;
    out.push({ index: out.length, text: line.slice(a, b), start: start + a, end: start + b, paragraph });
  };
  for (const cut of candidateCuts(line)) {
    if (keepTogether(line, from, cut)) continue;
    emit(from, cut);
    from = cut;
  }
  emit(from, line.length);
  return true;
}

/** ICU's boundaries merged with one after each "…" + space (ICU never breaks there, unlike "..."). */
function candidateCuts(line: string): number[] {
  const icu = icuBoundaries(line);
  const ellipses: number[] = [];
  for (let p = line.indexOf('\u2026'); p >= 0; p = line.indexOf('\u2026', p + 1)) {
    let q = p + 1;
    while (q < line.length && CLOSERS.has(line.charCodeAt(q))) q++;
    let r = q;
    while (r < line.length && isSpace(line.charCodeAt(r))) r++;
    if (r > q && r < line.length) ellipses.push(r);
  }
  if (ellipses.length === 0) return icu;
  return [...new Set([...icu, ...ellipses])].sort((a, b) => a - b);
}

/** Whether ICU's (or our) boundary at `cut` is a mistake. Looks at a bounded window only. */
function keepTogether(line: string, from: number, cut: number): boolean {
  const next = nextKind(line, cut);
  // `"... DEAD!" he wrote.`: nothing starts a sentence in lower case or with a dash/comma.
  if (next === 'lower' || next === 'cont') return true;
  let e = cut;
  while (e > from && isSpace(line.charCodeAt(e - 1))) e--;
  let t = e;
  while (t > from && CLOSERS.has(line.charCodeAt(t - 1))) t--;
  const last = line.charCodeAt(t - 1);
  if (last === ELLIPSIS || (last === DOT && line.charCodeAt(t - 2) === DOT)) return next === 'cap' || next === 'digit';
  if (last !== DOT || t !== e) return false;
  // "on 7. October": a day in source-language notation, not the end of a sentence.
  if (isDottedDay(line, t - 1)) return true;
  const word = wordBeforeDot(line, from, t - 1);
  if (word === null) return false;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  if (isInitialism(word) || AMBIGUOUS.has(lower)) return next === 'cap' || next === 'digit';
  if (BEFORE_NUMBER.has(lower)) return next === 'digit';
  return false;
}

/** The letters-and-dots word ending just before `dot` ("U.S", "Mr", "a.m"), or null. */
function wordBeforeDot(line: string, from: number, dot: number): string | null {
  let s = dot;
  while (s > from && dot - s <= MAX_WORD) {
    const c = line.charCodeAt(s - 1);
    if (c !== DOT && !isLetter(c)) break;
    s--;
  }
  if (s === dot || dot - s > MAX_WORD) return null;
  return line.slice(s, dot);
}

/** "J", "U.S", "D.C", "a.m", "N.J": a capital initial, or single letters joined by dots. */
function isInitialism(word: string): boolean {
  if (word.length === 1) return isUpper(word.charCodeAt(0));
  if (word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (i % 2 === 1 ? c !== DOT : !isLetter(c)) return false;
  }
  return true;
}

function nextKind(line: string, pos: number): NextKind {
  const n = line.length;
  let i = pos;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (i >= n) return 'other';
  let c = line.codePointAt(i) ?? 0;
  if (OPENERS.has(c)) {
    while (i < n && OPENERS.has(line.charCodeAt(i))) i++;
    c = line.codePointAt(i) ?? 0;
    return isLower(c) ? 'lower' : isUpper(c) || isDigit(c) ? 'start' : 'other';
  }
  if (isLower(c)) return 'lower';
  if (isDigit(c)) return 'digit';
  if (DASHES.has(c) || CLOSERS.has(c) || c === 0x2c || c === 0x3b || c === 0x3a) return 'cont';
  if (!isUpper(c)) return 'other';
  let j = i;
  while (j < n && j - i <= MAX_WORD && isLetter(line.charCodeAt(j))) j++;
  // "J. A. Smith": a lone capital before a dot is another initial, not the article "A".
  if (j - i === 1 && line.charCodeAt(j) === DOT) return 'cap';
  return SENTENCE_STARTERS.has(line.slice(i, j).toLowerCase()) ? 'start' : 'cap';
}
