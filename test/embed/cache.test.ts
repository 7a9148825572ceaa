import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FILE, defaultCacheDir, openEmbeddingCache } from '../../src/embed/cache.js';
import { TransformerEmbedder, type CachedVectors, type EncodedText } from '../../src/embed/embedder.js';
import type { ModelRuntime } from '../../src/embed/runtime.js';
import type { ResolvedModel } from '../../src/embed/registry.js';

const DIM = 8;
let dir: string;
let warnings: string[];
const warn = (m: string): void => void warnings.push(m);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-cache-'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function randomVector(seed: number): Float32Array {
  const v = new Float32Array(DIM);
  let x = seed * 2654435761;
  for (let i = 0; i < DIM; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    v[i] = (x / 2147483648 - 0.5) * Math.PI; // values with full float32 mantissas
  }
  return v;
}

const bits = (v: Float32Array | null): string => (v ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') : 'null');

function sample(seed: number, tokens: number, nullAt = -1): CachedVectors {
  return {
    vector: randomVector(seed),
    tokenVectors: Array.from({ length: tokens }, (_, i) => (i === nullAt ? null : randomVector(seed * 100 + i))),
    pieces: tokens + 5,
  };
}

describe('SqliteEmbeddingStore', () => {
  it('returns exactly the float32 bits it stored, with nulls where a token had no vector', () => {
    const store = openEmbeddingCache(dir, { warn });
    const a = sample(1, 4, 2);
    const b = sample(2, 3);
    store.put('m@1', ['alpha', 'beta'], [a, b]);
    store.close();
    const again = openEmbeddingCache(dir, { warn });
    const [x, missing, y] = again.get('m@1', ['alpha', 'gamma', 'beta']);
    expect(missing).toBeUndefined();
    for (const [got, want] of [[x, a], [y, b]] as const) {
      expect(got).toBeDefined();
      expect(bits(got!.vector)).toBe(bits(want.vector));
      expect(got!.tokenVectors.map(bits)).toEqual(want.tokenVectors.map(bits));
      expect(got!.pieces).toBe(want.pieces);
    }
    expect(warnings).toEqual([]);
    again.close();
  });

  it('keeps models apart', () => {
    const store = openEmbeddingCache(dir, { warn });
    store.put('m@1', ['alpha'], [sample(1, 2)]);
    expect(store.get('m@2', ['alpha'])).toEqual([undefined]);
    expect(store.get('m@1', ['alpha'])[0]).toBeDefined();
    store.close();
  });

  it('degrades a corrupt file to "no cache" with one warning', () => {
    writeFileSync(join(dir, CACHE_FILE), 'this is not a database, just text that is long enough '.repeat(200));
    const store = openEmbeddingCache(dir, { warn });
    expect(store.get('m@1', ['alpha', 'beta'])).toEqual([undefined, undefined]);
    store.put('m@1', ['alpha'], [sample(1, 2)]);
    expect(store.get('m@1', ['alpha'])).toEqual([undefined]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/embedding cache .* unusable/);
    expect(warnings[0]).not.toContain('\n');
  });

  it('degrades a cache locked by another process to "no cache" with one warning', () => {
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (p: string) => { exec(s: string): void; close(): void };
    const holder = new Database(join(dir, CACHE_FILE));
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      const store = openEmbeddingCache(dir, { warn, busyTimeoutMs: 50 });
      expect(store.get('m@1', ['alpha'])).toEqual([undefined]);
      store.put('m@1', ['alpha'], [sample(1, 2)]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/locked|busy/i);
    } finally {
      holder.close();
    }
  });

  it('degrades an unwritable cache location to "no cache" with one warning', () => {
    writeFileSync(join(dir, 'file'), 'x');
    const store = openEmbeddingCache(join(dir, 'file', 'sub'), { warn });
    store.put('m@1', ['alpha'], [sample(1, 2)]);
    expect(store.get('m@1', ['alpha'])).toEqual([undefined]);
    expect(warnings).toHaveLength(1);
  });

  it('picks the cache directory from MTDIFF_CACHE_DIR, then XDG_CACHE_HOME, then the home directory', () => {
    expect(defaultCacheDir({ MTDIFF_CACHE_DIR: '/a', XDG_CACHE_HOME: '/b' })).toBe('/a');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/b' })).toBe(join('/b', 'mtdiff'));
    expect(defaultCacheDir({})).toMatch(/[/\\]\.cache[/\\]mtdiff$/);
  });
});

/** A stand-in model: each word piece is its char codes; its hidden states depend on the batch size (harsher than the real model). */
function fakeRuntime(): ModelRuntime & { runs: number } {
  const rt = {
    runs: 0,
    clsId: 1,
    sepId: 2,
    padId: 0,
    hiddenSize: DIM,
    pieces: (token: string) => [...token].map((c) => c.charCodeAt(0)),
    async run(ids: BigInt64Array, _mask: BigInt64Array, batch: number, seq: number) {
      rt.runs++;
      const out = new Float32Array(batch * seq * DIM);
      for (let i = 0; i < ids.length; i++) for (let d = 0; d < DIM; d++) out[i * DIM + d] = Math.sin(Number(ids[i]) * (d + 1) + batch);
      return out;
    },
  };
  return rt;
}

const fakeModel = {
  name: 'fake',
  dir: '/nonexistent',
  hash: 'deadbeef',
  entry: { dimensions: DIM, maxTokens: 16 },
} as unknown as ResolvedModel;

const snapshot = (encs: EncodedText[]): unknown =>
  encs.map((e) => ({ v: bits(e.vector), t: e.tokenVectors.map(bits), tokens: e.tokens, pieces: e.pieces }));

describe('TransformerEmbedder with a store', () => {
  const texts = ['Hamas talks in Doha.', 'A much longer sentence about the hostages, which runs past the limit of sixteen pieces.', 'Hamas talks in Doha.'];

  it('answers a second embedder from the store without running the model, bit for bit', async () => {
    const cold = fakeRuntime();
    const first = await new TransformerEmbedder(cold, fakeModel, openEmbeddingCache(dir, { warn })).encode(texts);
    expect(cold.runs).toBeGreaterThan(0);
    const warm = fakeRuntime();
    const second = await new TransformerEmbedder(warm, fakeModel, openEmbeddingCache(dir, { warn })).encode(texts);
    expect(warm.runs).toBe(0);
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(second[1]!.tokenVectors).toContain(null);
    expect(warnings).toEqual([]);
  });

  it('runs the model for texts the store lacks and still answers in order', async () => {
    await new TransformerEmbedder(fakeRuntime(), fakeModel, openEmbeddingCache(dir, { warn })).encode([texts[0]!]);
    const rt = fakeRuntime();
    const out = await new TransformerEmbedder(rt, fakeModel, openEmbeddingCache(dir, { warn })).encode(texts);
    expect(rt.runs).toBe(1);
    expect(out[0]).toBe(out[2]);
    expect(out[1]!.tokens.map((t) => t.text)).toContain('hostages');
  });

  it('works the same with a broken store, only without the speed-up', async () => {
    writeFileSync(join(dir, CACHE_FILE), 'garbage'.repeat(1000));
    const plain = await new TransformerEmbedder(fakeRuntime(), fakeModel).encode(texts);
    const broken = await new TransformerEmbedder(fakeRuntime(), fakeModel, openEmbeddingCache(dir, { warn })).encode(texts);
    expect(snapshot(broken)).toEqual(snapshot(plain));
    expect(warnings).toHaveLength(1);
  });
});
