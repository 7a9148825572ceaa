import type { Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import type { RefSentence } from './context.js';
import type { EncodedSentence } from './types.js';

/**
 * Cardinal words a translation writes for figures ("seven years", "killing seventeen"). "one" is left out: it is
 * as often a pronoun ("a new one") as a count.
 */
const WORDS = new Map<string, number>([
  ...'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i): [string, number] => [w, i + 2]),
  ...'thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i): [string, number] => [w, (i + 3) * 10]),
]);

const ORDINAL = /^(\d+)(st|nd|rd|th)$/u;

const NUMBER = /^\d{1,3}([,.]\d{3})+$|^\d+([.,]\d+)?$/;

/** Every value a written number can mean: "1.200" is 1200 in German notation and 1.2 in English. */
export function numberValues(text: string): number[] {
  if (!NUMBER.test(text)) return [];
  const values = new Set<number>();
  values.add(Number(text.replace(/,/g, '')));
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) values.add(Number(text.replace(/\./g, '')));
  if (/^\d+,\d{1,2}$/.test(text)) values.add(Number(text.replace(',', '.')));
  return [...values].filter((v) => Number.isFinite(v));
}

const VULGAR = new Map([
  ['½', 1 / 2],
  ['¼', 1 / 4],
  ['¾', 3 / 4],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
]);

/** The values a token writes as digits (with a vulgar fraction: "2½"), an ordinal ("20th") or a cardinal word. */
export function figureValue(token: Token): number[] {
  const own = numberValues(token.text);
  if (own.length) return own;
  const mixed = /^(\d+)([½¼¾⅓⅔])$/u.exec(token.text);
  if (mixed) return [Number(mixed[1]) + VULGAR.get(mixed[2]!)!];
  const ordinal = ORDINAL.exec(token.norm);
  if (ordinal) return [Number(ordinal[1])];
  const word = WORDS.get(token.norm);
  return word === undefined ? [] : [word];
}

const SCALE = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
]);

/**
 * The fraction written after the number at k, and how many tokens it takes: "two and a half", "2 1/2", "3 ¼".
 * The scale word after it still applies ("2 1/2 million").
 */
export function fractionAfter(tokens: readonly Token[], k: number): { value: number; length: number } {
  if (tokens.slice(k + 1, k + 4).map((t) => t.norm).join(' ') === 'and a half') return { value: 0.5, length: 3 };
  const vulgar = VULGAR.get(tokens[k + 1]?.text ?? '');
  if (vulgar !== undefined && numberValues(tokens[k]?.text ?? '').length) return { value: vulgar, length: 1 };
  const [a, slash, b] = [tokens[k + 1], tokens[k + 2], tokens[k + 3]];
  if (a && b && slash?.text === '/' && /^\d+$/.test(tokens[k]?.text ?? '') && /^[1-9]$/.test(a.text) && /^[2-9]$/.test(b.text) && Number(a.text) < Number(b.text))
    return { value: Number(a.text) / Number(b.text), length: 3 };
  return { value: 0, length: 0 };
}

/** Whether token k is the numerator or the denominator of a fraction after a whole number ("2 1/2"). */
export function inFraction(tokens: readonly Token[], k: number): boolean {
  const numerator = tokens[k + 1]?.text === '/' && fractionAfter(tokens, k - 1).length === 3;
  const denominator = tokens[k - 1]?.text === '/' && fractionAfter(tokens, k - 3).length === 3;
  return numerator || denominator;
}

/**
 * Token j's figure as the words after it complete it, and without the scale word: "ten thousand" is 10,000 and
 * 10, "two and a half million" 2,500,000 and 2.5, "half a million" (at "half") 500,000.
 */
export function figuresAt(tokens: readonly Token[], j: number): number[] {
  if (tokens[j]?.norm === 'half' && tokens[j + 1]?.norm === 'a') {
    const scale = SCALE.get(tokens[j + 2]?.norm ?? '');
    return scale ? [scale / 2] : [];
  }
  const fraction = fractionAfter(tokens, j);
  const values = figureValue(tokens[j]!).map((v) => v + fraction.value);
  const scale = SCALE.get(tokens[j + fraction.length + 1]?.norm ?? '');
  return scale ? [...values.map((v) => v * scale), ...values] : values;
}

export interface Counterpart {
  token: Token;
  value: number;
  /** Cosine of the two figures' contextual vectors: how surely they stand in the same slot. */
  similarity: number;
  /** Figures of the reference sentence that the MT sentence does not give, this one included. */
  unmatched: number;
}

/**
 * In a parallel reference (a translation of the same sentence) a figure of ours that it lacks has a counterpart
 * among its figures that we lack: the closest of them by contextual vectors. "nine years" against "a seven year
 * contract", "3-0" against "2:0". None when the reference gives no figure we lack.
 */
export function parallelCounterpart(s: EncodedSentence, k: number, ref: RefSentence): Counterpart | undefined {
  const ours = new Set(s.tokens.flatMap((_, j) => figuresAt(s.tokens, j)));
  const v = s.vectors[k];
  const candidates = ref.tokens.flatMap((token, j) => {
    const values = figuresAt(ref.tokens, j);
    return values.length && !values.some((x) => ours.has(x)) ? [{ token, value: values[0]!, j }] : [];
  });
  let best: Counterpart | undefined;
  for (const c of candidates) {
    const w = ref.vectors[c.j];
    const similarity = v && w ? dot(v, w) : 0;
    if (!best || similarity > best.similarity) best = { token: c.token, value: c.value, similarity, unmatched: candidates.length };
  }
  return best;
}
