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

/** The values a token writes as digits, an ordinal ("20th") or a cardinal word; none for anything else. */
export function figureValue(token: Token): number[] {
  const own = numberValues(token.text);
  if (own.length) return own;
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

/** "two and a half (million)": the figure is the number plus a half; the scale word after it still applies. */
export const halfAfter = (tokens: readonly Token[], k: number): number => (tokens.slice(k + 1, k + 4).map((t) => t.norm).join(' ') === 'and a half' ? 0.5 : 0);

/**
 * Token j's figure as the words after it complete it, and without the scale word: "ten thousand" is 10,000 and
 * 10, "two and a half million" 2,500,000 and 2.5, "half a million" (at "half") 500,000.
 */
export function figuresAt(tokens: readonly Token[], j: number): number[] {
  if (tokens[j]?.norm === 'half' && tokens[j + 1]?.norm === 'a') {
    const scale = SCALE.get(tokens[j + 2]?.norm ?? '');
    return scale ? [scale / 2] : [];
  }
  const half = halfAfter(tokens, j);
  const values = figureValue(tokens[j]!).map((v) => v + half);
  const scale = SCALE.get(tokens[j + (half ? 4 : 1)]?.norm ?? '');
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
