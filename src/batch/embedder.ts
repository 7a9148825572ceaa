/**
 * The embedder the batch scorer uses. Two differences from the plain TransformerEmbedder:
 *
 * 1. Each text goes through the model on its own. The int8 model quantises activations per tensor, with a
 *    scale taken over the whole batch, so a sentence's vector changes (cosines by up to ~0.02) with whatever
 *    else shares its batch. Alone, a text's vectors depend on the text only: that is what makes a cache keyed
 *    by text sound, shards add up to the whole run, and a resumed run equal an uninterrupted one.
 * 2. The in-memory cache is dropped every MEMORY_TEXTS texts (~40 KB each), so a long batch stays bounded;
 *    recomputing is safe because of 1.
 */
import { setImmediate } from 'node:timers/promises';
import { TransformerEmbedder, type EmbeddingStore, type Embedder, type EncodedText } from '../embed/embedder.js';
import { resolveModel, verifyModelFiles } from '../embed/registry.js';
import { loadRuntime } from '../embed/runtime.js';

/** ~160 MB of vectors: room for the references of many stories plus the current chunk. Local constant, not tuned. */
const MEMORY_TEXTS = 4096;

export class IsolatedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private inner: Embedder;
  private held = 0;

  constructor(private readonly fresh: () => Embedder) {
    this.inner = fresh();
    this.id = this.inner.id;
    this.dimensions = this.inner.dimensions;
  }

  async encode(texts: readonly string[], onBatch?: (done: number, total: number) => void): Promise<EncodedText[]> {
    if (this.held > MEMORY_TEXTS) {
      this.inner = this.fresh();
      this.held = 0;
    }
    const unique = [...new Set(texts)];
    const byText = new Map<string, EncodedText>();
    for (const [k, text] of unique.entries()) {
      const [enc] = await this.inner.encode([text]);
      byText.set(text, enc!);
      // The runtime resolves its promises without returning to the event loop; without this, Ctrl-C and
      // progress timers would wait for the whole batch.
      await setImmediate();
      onBatch?.(k + 1, unique.length);
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
export async function loadBatchEmbedder(options: BatchEmbedderOptions): Promise<IsolatedEmbedder> {
  const model = resolveModel(options.model);
  verifyModelFiles(model);
  const runtime = await loadRuntime(model, { allowRemote: options.allowRemote });
  return new IsolatedEmbedder(() => new TransformerEmbedder(runtime, model, options.store));
}
