import { dot } from '../embed/vectors.js';

/** Row-major cosine matrix of normalised vectors: O(rows * cols * dim), the only quadratic step. */
export class SimilarityMatrix {
  readonly data: Float32Array;

  constructor(
    readonly rows: readonly Float32Array[],
    readonly cols: readonly Float32Array[],
  ) {
    this.data = new Float32Array(rows.length * cols.length);
    rows.forEach((r, i) => cols.forEach((c, j) => (this.data[i * cols.length + j] = dot(r, c))));
  }

  at(i: number, j: number): number {
    return this.data[i * this.cols.length + j]!;
  }
}

/** Embedding of two adjacent sentences read as one: the length-weighted mean of their mean-pooled vectors. */
export function mergeVectors(a: Float32Array, la: number, b: Float32Array, lb: number): Float32Array {
  const v = new Float32Array(a.length);
  let n = 0;
  for (let d = 0; d < a.length; d++) {
    v[d] = a[d]! * la + b[d]! * lb;
    n += v[d]! * v[d]!;
  }
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < a.length; d++) v[d]! /= n;
  return v;
}
