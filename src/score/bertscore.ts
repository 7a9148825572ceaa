import { dot } from '../embed/vectors.js';

export interface TokenMatch {
  /** Mean over MT tokens of the best cosine to any reference token: how much of the MT the reference supports. */
  precision: number;
  /** Mean over reference tokens of the best cosine to any MT token: how much of the reference the MT conveys. */
  recall: number;
  f1: number;
}

/**
 * BERTScore (Zhang et al. 2020) without idf weighting or baseline rescaling: greedy matching of contextual
 * token vectors in both directions. Vectors are L2-normalised, so a dot product is a cosine. Tokens the
 * model truncated away (null) take no part.
 */
export function bertScore(mt: readonly (Float32Array | null)[], ref: readonly (Float32Array | null)[]): TokenMatch {
  const a = mt.filter((v): v is Float32Array => v !== null);
  const b = ref.filter((v): v is Float32Array => v !== null);
  if (a.length === 0 || b.length === 0) return { precision: 0, recall: 0, f1: 0 };
  // Plain loops: this runs for every aligned pair and was a visible share of a warm check's non-model time.
  const bestA = new Float64Array(a.length).fill(-1);
  const bestB = new Float64Array(b.length).fill(-1);
  for (let i = 0; i < a.length; i++) {
    const va = a[i]!;
    for (let j = 0; j < b.length; j++) {
      const c = dot(va, b[j]!);
      if (c > bestA[i]!) bestA[i] = c;
      if (c > bestB[j]!) bestB[j] = c;
    }
  }
  const precision = bestA.reduce((s, c) => s + c, 0) / a.length;
  const recall = bestB.reduce((s, c) => s + c, 0) / b.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
