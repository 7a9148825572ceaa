/** A loaded model that turns chunks of manifest entries into records, in this thread. */
import { Analyzer } from '../analyze.js';
import { openEmbeddingCache, type SqliteEmbeddingStore } from '../embed/cache.js';
import { loadBatchEmbedder } from './embedder.js';
import type { ManifestEntry } from './manifest.js';
import { scoreChunk, type ChunkOptions, type ChunkResult } from './score-chunk.js';

/** Everything a scorer needs; plain data, so it can be handed to a worker thread as is. */
export interface ScorerSetup {
  model?: string;
  allowRemote?: boolean;
  /** Undefined: no persistent cache. */
  cacheDir?: string;
  chunk: ChunkOptions;
}

export interface Scorer {
  score(entries: readonly ManifestEntry[]): Promise<ChunkResult>;
  close(): Promise<void>;
}

export async function createLocalScorer(setup: ScorerSetup, warn: (message: string) => void): Promise<Scorer> {
  let store: SqliteEmbeddingStore | undefined;
  if (setup.cacheDir) store = openEmbeddingCache(setup.cacheDir, { warn });
  const analyzer = new Analyzer(await loadBatchEmbedder({ model: setup.model, allowRemote: setup.allowRemote, store }));
  return {
    score: (entries) => scoreChunk(analyzer, entries, setup.chunk),
    async close() {
      store?.close();
    },
  };
}
