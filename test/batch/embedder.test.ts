import { describe, expect, it } from 'vitest';
import { ChunkedEmbedder } from '../../src/batch/embedder.js';
import type { Embedder, EncodedText } from '../../src/embed/embedder.js';

/** Records what it was asked; its vector is the text's length. */
function fake(log: { made: number; calls: string[][] }): () => Embedder {
  return () => {
    log.made++;
    return {
      id: 'fake@0',
      dimensions: 1,
      async encode(texts) {
        log.calls.push([...texts]);
        return texts.map((t): EncodedText => ({ vector: new Float32Array([t.length]), tokens: [], tokenVectors: [], pieces: 2 }));
      },
    };
  };
}

describe('ChunkedEmbedder', () => {
  it('sends each distinct text once, in length-sorted chunks, and returns vectors in input order', async () => {
    const log = { made: 0, calls: [] as string[][] };
    const e = new ChunkedEmbedder(fake(log), 2);
    const out = await e.encode(['aaa', 'b', 'aaa', 'cccc', 'dd']);
    expect(log.calls).toEqual([['b', 'dd'], ['aaa', 'cccc']]);
    expect(out.map((x) => x.vector[0])).toEqual([3, 1, 3, 4, 2]);
    expect(out[0]).toBe(out[2]);
  });

  it('reports progress per chunk', async () => {
    const seen: [number, number][] = [];
    await new ChunkedEmbedder(fake({ made: 0, calls: [] }), 2).encode(['a', 'b', 'a', 'c'], (d, t) => seen.push([d, t]));
    expect(seen).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('starts a fresh inner embedder (dropping its memory cache) once it has held many texts', async () => {
    const log = { made: 0, calls: [] as string[][] };
    const e = new ChunkedEmbedder(fake(log));
    expect(log.made).toBe(1);
    await e.encode(Array.from({ length: 5000 }, (_, i) => `t${i}`));
    await e.encode(['again']);
    expect(log.made).toBe(2);
    expect(e.id).toBe('fake@0');
  });
});
