/**
 * The embedder the batch scorer uses. Two differences from the plain TransformerEmbedder:
 *
 * 1. Texts go to the model in chunks of EMBED.batchSize, longest-alike together, with a turn of the event loop
 *    after each chunk: the runtime resolves its promises without returning to the event loop, so without it
 *    Ctrl-C and progress timers would wait for the whole batch. The model quantises each token on its own
 *    (scripts/quantize_per_token.py), so a text's vectors do not depend on its chunk: that is what makes a
 *    cache keyed by text sound, shards add up to the whole run, and a resumed run equal an uninterrupted one.
 * 2. The in-memory cache is dropped every MEMORY_TEXTS texts (~40 KB each), so a long batch stays bounded;
 *    recomputing is safe because of 1.
 */
import { setImmediate } from 'node:timers/promises';
import { EMBED } from '../config.js';
import { loadModel, TransformerEmbedder, type EmbeddingStore, type Embedder, type EncodedText } from '../embed/embedder.js';

/** ~160 MB of vectors: room for the references of many stories plus the current chunk. Local constant, not tuned. */
const MEMORY_TEXTS = 4096;

export class ChunkedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private inner: Embedder;
  private held = 0;

  constructor(
    private readonly fresh: () => Embedder,
    private readonly chunk: number = EMBED.batchSize,
  ) {
    this.inner = fresh();
    this.id = this.inner.id;
    this.dimensions = this.inner.dimensions;
  }

  async encode(texts: readonly string[], onBatch?: (done: number, total: number) => void): Promise<EncodedText[]> {
    if (this.held > MEMORY_TEXTS) {
      this.inner = this.fresh();
      this.held = 0;
    }
    // Similar lengths share a chunk, so little of it is padding.
    const unique = [...new Set(texts)].sort((a, b) => a.length - b.length);
    const byText = new Map<string, EncodedText>();
    for (let b = 0; b < unique.length; b += this.chunk) {
      const part = unique.slice(b, b + this.chunk);
      const encoded = await this.inner.encode(part);
      part.forEach((text, k) => byText.set(text, encoded[k]!));
      await setImmediate();
      onBatch?.(b + part.length, unique.length);
    }
    this.held += unique.length;
    return texts.map((t) => byText.get(t)!);
  }
}

export interface BatchEmbedderOptions {
  model?: string;
  allowRemote?: boolean;
  store?: EmbeddingStore;
}

/** Loads the model once; fresh TransformerEmbedders share its runtime. */
export async function loadBatchEmbedder(options: BatchEmbedderOptions): Promise<ChunkedEmbedder> {
  const { runtime, model } = await loadModel({ model: options.model, allowRemote: options.allowRemote });
  return new ChunkedEmbedder(() => new TransformerEmbedder(runtime, model, options.store));
}
