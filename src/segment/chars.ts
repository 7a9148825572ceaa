// Single-character classifiers shared by the sentence splitter and the tokenizer.
// They take a code point (not a UTF-16 unit) so astral letters and digits classify right.

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;

export function isSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0) return true;
  if (c < 0x1680) return false;
  // Zero-width space and BOM are invisible, so they belong outside spans too.
  return (
    c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Line terminators; each one ends a paragraph (CR LF counts once). */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function asciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isLetter(c: number): boolean {
  return c < 0x80 ? asciiLetter(c) : LETTER.test(String.fromCodePoint(c));
}

export function isUpper(c: number): boolean {
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER.test(String.fromCodePoint(c));
}

export function isLower(c: number): boolean {
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER.test(String.fromCodePoint(c));
}

export function isDigit(c: number): boolean {
  return c < 0x80 ? c >= 0x30 && c <= 0x39 : DIGIT.test(String.fromCodePoint(c));
}

/** Letters, digits (any script) and combining marks: the body of a word token. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return asciiLetter(c) || (c >= 0x30 && c <= 0x39);
  return WORD.test(String.fromCodePoint(c));
}

export function isMark(c: number): boolean {
  return c >= 0x300 && MARK.test(String.fromCodePoint(c));
}

/** Quotes and brackets that open a quotation or aside. */
export const OPENERS = new Set([...'"\'“‘„‚«‹([{'].map((ch) => ch.charCodeAt(0)));
/** Quotes and brackets that may follow a sentence's final punctuation. */
export const CLOSERS = new Set([...'"\'”’»›)]}'].map((ch) => ch.charCodeAt(0)));
/** Dashes and hyphens; a sentence does not start with one. */
export const DASHES = new Set([...'-‐‑‒–—―'].map((ch) => ch.charCodeAt(0)));
