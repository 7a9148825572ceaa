import type { Token } from '../core/types.js';
import { AUXILIARY } from '../detect/closed-class.js';
import { dot } from '../embed/vectors.js';
import type { TokenMatch } from './bertscore.js';
import { isContentTag, posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { chrf, chrfPlusPlus, spacedChrf } from './chrf.js';
import { verbDisagreement } from '../detect/verb-groups.js';
import { phraseHoles } from '../detect/phrase-holes.js';

/**
 * How far an MT sentence is from its matched reference, one number per view, each in [0, 1] with 0 for a
 * perfect match. The sentence score combines them linearly with non-negative weights (models/score.json),
 * so that a worse value never raises it.
 *
 * Casing: every view but the two casing ones reads case-folded text (MiniLM's tokenizer is uncased too), so a
 * case difference from the reference ("internet"/"Internet", a headline in title case) never moves the score.
 * Only casing that is wrong in the MT by itself counts: a sentence that starts with a lower-case letter where
 * the reference's starts upper-case, or one with no capital at all where the reference has some.
 */
export const DEVIATIONS = [
  'chrf', 'chrfpp', 'spaced', 'bertP', 'bertR', 'similarity', 'contentP', 'contentR', 'stemP', 'stemR',
  'short', 'long', 'punct', 'firstLower', 'allLower', 'missP', 'missR', 'lowP', 'lowR', 'repeat', 'spacing', 'verbs', 'holes',
] as const;

/** Below this best cosine a token counts as without counterpart (the unmatched-word detector's prior, 0.5). */
const LOW_MATCH = 0.5;

export type DeviationName = (typeof DEVIATIONS)[number];
export type Deviations = Record<DeviationName, number>;

/** One side of the comparison: its text, tokens and their contextual vectors (aligned one to one). */
export interface ScoredSide {
  text: string;
  tokens: readonly Token[];
  vectors: readonly (Float32Array | null)[];
}

const NEGATION = /^(not|n't|no|never|nobody|nothing|none|neither|nor|without)$/;

/** Words that carry the content an omission drops (negation included: it reverses the meaning). */
const masks = new WeakMap<readonly Token[], boolean[]>();

function contentMask(tokens: readonly Token[]): boolean[] {
  let mask = masks.get(tokens);
  if (!mask) {
    // Tagged case-folded, so that a lower-cased copy of a sentence has the same content words.
    const tags = posTags(tokens.map((t) => ({ ...t, text: t.norm })));
    mask = tokens.map((t, i) => t.word && (NEGATION.test(t.norm) || (isContentTag(tags[i]) && !AUXILIARY.test(t.norm))));
    masks.set(tokens, mask);
  }
  return mask;
}

/**
 * Each token's best cosine to any token of the other side (NaN for a token the model truncated away), both
 * directions from one pass over the pairs: BERTScore's greedy matching, which every vector view reads.
 */
function bestMatches(a: readonly (Float32Array | null)[], b: readonly (Float32Array | null)[]): { a: Float64Array; b: Float64Array } {
  const bestA = new Float64Array(a.length).fill(NaN);
  const bestB = new Float64Array(b.length).fill(NaN);
  for (let i = 0; i < a.length; i++) {
    const va = a[i];
    if (!va) continue;
    for (let j = 0; j < b.length; j++) {
      const vb = b[j];
      if (!vb) continue;
      const c = dot(va, vb);
      if (!(c <= bestA[i]!)) bestA[i] = c;
      if (!(c <= bestB[j]!)) bestB[j] = c;
    }
  }
  return { a: bestA, b: bestB };
}

function meanDefined(xs: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (Number.isNaN(x)) continue;
    sum += x;
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * Over one side's content words, how well the other side conveys each: 1 when the other side has a word with the
 * same stem, else the best cosine of its contextual vector to any token of the other side. `mean` averages
 * that; `miss` is the share with neither the stem nor a cosine of LOW_MATCH (an omitted or added word).
 */
function contentCoverage(from: ScoredSide, to: ScoredSide, best: Float64Array): { mean: number; miss: number } {
  const mask = contentMask(from.tokens);
  const stems = new Set(to.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
  let sum = 0;
  let missed = 0;
  let n = 0;
  from.tokens.forEach((t, i) => {
    if (!mask[i]) return;
    n++;
    if (stems.has(stem(t.norm))) return void (sum += 1);
    const cos = Number.isNaN(best[i]!) ? 0 : Math.max(0, best[i]!);
    sum += cos;
    if (cos < LOW_MATCH) missed++;
  });
  return n === 0 ? { mean: 1, miss: 0 } : { mean: sum / n, miss: missed / n };
}

/** Share of one side's words whose best cosine to any token of the other side is below LOW_MATCH. */
function lowMatchShare(from: ScoredSide, best: Float64Array): number {
  let n = 0;
  let low = 0;
  from.tokens.forEach((t, i) => {
    if (!t.word || Number.isNaN(best[i]!)) return;
    n++;
    if (best[i]! < LOW_MATCH) low++;
  });
  return n === 0 ? 0 : low / n;
}

/** A word that repeats the word before it ("lungs lungs"). */
function repeats(tokens: readonly Token[]): number {
  let n = 0;
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.word && tokens[i]!.norm === tokens[i - 1]!.norm) n++;
  return n;
}

/** Space before closing punctuation or a clitic, or after opening punctuation: tokenised text ("baby 's lungs ."). */
const SPACING = /\s[.,;:!?)\]}%]|\s['’](?:s|re|ll|ve|m|d)\b|\sn['’]t\b|[([{]\s/giu;
const spacingErrors = (text: string) => text.match(SPACING)?.length ?? 0;

/** Share of one side's content stems the other side has at all. */
function stemCoverage(from: ScoredSide, to: ScoredSide): number {
  const mask = contentMask(from.tokens);
  const want = new Set(from.tokens.filter((_, i) => mask[i]).map((t) => stem(t.norm)));
  if (want.size === 0) return 1;
  const have = new Set(to.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
  let hit = 0;
  for (const s of want) if (have.has(s)) hit++;
  return hit / want.size;
}

function counts(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** F1 of the punctuation marks as multisets; 1 when neither side has any. */
function punctuationF1(a: readonly Token[], b: readonly Token[]): number {
  const pa = counts(a.filter((t) => !t.word).map((t) => t.norm));
  const pb = counts(b.filter((t) => !t.word).map((t) => t.norm));
  const na = [...pa.values()].reduce((s, c) => s + c, 0);
  const nb = [...pb.values()].reduce((s, c) => s + c, 0);
  if (na === 0 && nb === 0) return 1;
  let match = 0;
  for (const [k, c] of pa) match += Math.min(c, pb.get(k) ?? 0);
  return (2 * match) / (na + nb);
}

const firstLetter = (text: string) => /\p{L}/u.exec(text)?.[0];
const isUpperLetter = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
const isLowerLetter = (c: string | undefined) => !!c && c !== c.toUpperCase() && c === c.toLowerCase();
const hasUpper = (text: string) => /\p{Lu}/u.test(text);

/** Phrase holes read case-folded, like every view but the casing ones; memoised, as one reference serves many MT sentences. */
const holeCounts = new WeakMap<readonly Token[], number>();

function foldedHoles(tokens: readonly Token[]): number {
  let n = holeCounts.get(tokens);
  if (n === undefined) holeCounts.set(tokens, (n = phraseHoles(tokens.map((t) => ({ ...t, text: t.norm }))).length));
  return n;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** Every deviation of an MT sentence from its matched reference (the sentence cosine is given). */
export function deviations(mt: ScoredSide, ref: ScoredSide, similarity: number): Deviations {
  return compare(mt, ref, similarity).deviations;
}

/**
 * An object whose every property is computed on first read and kept: the score reads only the deviations its
 * mix weighs (comparable mode: two of 23), while the fit and the tests read them all.
 */
function lazily<K extends string>(compute: Record<K, () => number>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [key, fn] of Object.entries(compute) as [K, () => number][]) {
    let value: number | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (value ??= fn()) });
  }
  return out;
}

function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [fn(), true];
    return value;
  };
}

/** The deviations and the BERTScore they read, from one token matching; each deviation computed when read. */
export function compare(mt: ScoredSide, ref: ScoredSide, similarity: number): { deviations: Deviations; bert: TokenMatch } {
  const mtText = mt.text.toLowerCase();
  const refText = ref.text.toLowerCase();
  const mtNorms = mt.tokens.map((t) => t.norm);
  const refNorms = ref.tokens.map((t) => t.norm);
  const mtWords = mt.tokens.filter((t) => t.word).length;
  const refWords = ref.tokens.filter((t) => t.word).length;
  const ratio = refWords > 0 ? mtWords / refWords : 1;
  const best = bestMatches(mt.vectors, ref.vectors);
  const precision = meanDefined(best.a);
  const recall = meanDefined(best.b);
  const bert: TokenMatch = { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
  const contentP = once(() => contentCoverage(mt, ref, best.a));
  const contentR = once(() => contentCoverage(ref, mt, best.b));
  const deviations: Deviations = lazily({
    chrf: () => clip(1 - chrf(mtText, refText) / 100),
    chrfpp: () => clip(1 - chrfPlusPlus(mtText, refText, mtNorms, refNorms) / 100),
    spaced: () => clip(1 - spacedChrf(mtText, refText) / 100),
    bertP: () => clip(1 - bert.precision),
    bertR: () => clip(1 - bert.recall),
    similarity: () => clip(1 - similarity),
    contentP: () => clip(1 - contentP().mean),
    contentR: () => clip(1 - contentR().mean),
    stemP: () => clip(1 - stemCoverage(mt, ref)),
    stemR: () => clip(1 - stemCoverage(ref, mt)),
    short: () => clip(1 - ratio),
    long: () => clip(ratio - 1),
    punct: () => clip(1 - punctuationF1(mt.tokens, ref.tokens)),
    firstLower: () => (isLowerLetter(firstLetter(mt.text)) && isUpperLetter(firstLetter(ref.text)) ? 1 : 0),
    allLower: () => (!hasUpper(mt.text) && hasUpper(ref.text) ? 1 : 0),
    missP: () => contentP().miss,
    missR: () => contentR().miss,
    lowP: () => lowMatchShare(mt, best.a),
    lowR: () => lowMatchShare(ref, best.b),
    // Counts per MT word: after the exposure (reference length) each such error costs about the same.
    repeat: () => clip(Math.max(0, repeats(mt.tokens) - repeats(ref.tokens)) / Math.max(1, mtWords)),
    spacing: () => clip(Math.max(0, spacingErrors(mt.text) - spacingErrors(ref.text)) / Math.max(1, mtWords)),
    // Finite verbs of the reference dropped or in another tense or aspect (paired as the tense detector pairs them).
    verbs: () => verbDisagreement(mt, ref),
    // Phrases cut before their head ("the of"), beyond any the reference has: a dropped word, per MT word.
    holes: () => clip(Math.max(0, foldedHoles(mt.tokens) - foldedHoles(ref.tokens)) / Math.max(1, mtWords)),
  });
  return { deviations, bert };
}

/** Deviations of a sentence nothing matched: everything is missing. */
const COUNTS: readonly DeviationName[] = ['firstLower', 'allLower', 'repeat', 'spacing', 'holes'];
export const UNMATCHED: Deviations = Object.fromEntries(DEVIATIONS.map((d) => [d, COUNTS.includes(d) ? 0 : 1])) as Deviations;
