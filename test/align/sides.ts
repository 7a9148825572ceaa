import type { AlignSide } from '../../src/align/index.js';

/** A deterministic embedder for alignment logic: one-hot "topics", so similarities are known exactly. */
export function side(id: string, topics: number[][], dims = 8): AlignSide {
  const sentences = topics.map((_, index) => ({ index, start: index * 10, end: index * 10 + 9, text: `s${index}` }));
  const vectors = topics.map((t) => {
    const v = new Float32Array(dims);
    for (const k of t) v[k] = 1;
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  });
  return { id, text: 'x'.repeat(topics.length * 10), sentences, vectors, lengths: topics.map(() => 10) };
}
