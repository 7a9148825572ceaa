import { describe, expect, it } from 'vitest';
import { IsolatedEmbedder } from '../../src/batch/embedder.js';
import type { Embedder, EncodedText } from '../../src/embed/embedder.js';

/** Records what it was asked; its vectors, like the int8 model's, depend on the whole batch. */
function fake(log: { made: number; calls: string[][] }): () => Embedder {
  return () => {
    log.made++;
    return {
      id: 'fake@0',
      dimensions: 1,
      async encode(texts) {
        log.calls.push([...texts]);
        return texts.map((t): EncodedText => ({ vector: new Float32Array([t.length + texts.length]), tokens: [], tokenVectors: [], pieces: 2 }));
      },
    };
  };
}

describe('IsolatedEmbedder', () => {
  it('sends each distinct text to the model on its own, so its vector ignores its neighbours', async () => {
    const log = { made: 0, calls: [] as string[][] };
    const e = new IsolatedEmbedder(fake(log));
    const out = await e.encode(['aa', 'b', 'aa', 'cccc']);
    expect(log.calls).toEqual([['aa'], ['b'], ['cccc']]);
    expect(out.map((x) => x.vector[0])).toEqual([3, 2, 3, 5]);
    expect(out[0]).toBe(out[2]);
    const alone = await new IsolatedEmbedder(fake({ made: 0, calls: [] })).encode(['cccc']);
    expect(alone[0]!.vector).toEqual(out[3]!.vector);
  });

  it('reports progress per text', async () => {
    const seen: [number, number][] = [];
    await new IsolatedEmbedder(fake({ made: 0, calls: [] })).encode(['a', 'b', 'a'], (d, t) => seen.push([d, t]));
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('starts a fresh inner embedder (dropping its memory cache) once it has held many texts', async () => {
    const log = { made: 0, calls: [] as string[][] };
    const e = new IsolatedEmbedder(fake(log));
    expect(log.made).toBe(1);
    await e.encode(Array.from({ length: 5000 }, (_, i) => `t${i}`));
    await e.encode(['again']);
    expect(log.made).toBe(2);
    expect(e.id).toBe('fake@0');
  });
});
