import type { Token } from '../core/types.js';
import { tokenize } from '../segment/tokens.js';
import { EMBED } from '../config.js';
import { resolveModel, verifyModelFiles, type ResolvedModel } from './registry.js';
import { loadLocalRuntime, loadRuntime, MODEL_FILE, type LoadOptions, type ModelRuntime } from './runtime.js';
import { l2normalize } from './vectors.js';
import { syncStage, timeStage } from '../core/stages.js';

/** One sentence as the model sees it: a pooled vector plus a contextual vector per token. */
export interface EncodedText {
  /** Mean-pooled, L2-normalised sentence embedding (sentence-transformers convention). */
  vector: Float32Array;
  /** Tokens with offsets relative to the encoded text. */
  tokens: Token[];
  /** L2-normalised contextual vector per token (mean of its word pieces); null past the model's length limit. */
  tokenVectors: (Float32Array | null)[];
  /** Number of word pieces fed to the model, including [CLS] and [SEP]. */
  pieces: number;
}

/** What a persistent store keeps per text: everything encode() computes except the tokens (tokenize() is deterministic). */
export type CachedVectors = Pick<EncodedText, 'vector' | 'tokenVectors' | 'pieces'>;

/** Optional persistent cache (src/embed/cache.ts), keyed by model id + text; it must never throw. */
export interface EmbeddingStore {
  get(model: string, texts: readonly string[]): (CachedVectors | undefined)[];
  put(model: string, texts: readonly string[], values: readonly CachedVectors[]): void;
}

/** For benchmarks: override EMBED.batchSize (vectors are the same at any size; only the speed changes). */
export interface EncodeOptions {
  batchSize?: number;
}

export interface Embedder {
  /** Local model name plus weight-hash prefix, for the signature. */
  readonly id: string;
  readonly dimensions: number;
  encode(texts: readonly string[], onBatch?: (done: number, total: number) => void, options?: EncodeOptions): Promise<EncodedText[]>;
}

interface Prepared {
  text: string;
  tokens: Token[];
  ids: number[];
  /** For each token, the [from, to) range of its pieces in ids (offset 1 for [CLS]); null when truncated away. */
  ranges: ([number, number] | null)[];
}

/**
 * Encodes texts with our own tokens as the model's pre-tokenisation: each token is split into word pieces
 * separately (BERT's pre-tokeniser splits on the same whitespace and punctuation), so the word pieces are
 * the model's usual ones and we know exactly which pieces belong to which token.
 */
export class TransformerEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly pieceCache = new Map<string, number[]>();
  private readonly cache = new Map<string, EncodedText>();

  constructor(
    private readonly runtime: ModelRuntime,
    readonly model: ResolvedModel,
    private readonly store?: EmbeddingStore,
  ) {
    this.id = `${model.name}@${model.hash}`;
    this.dimensions = model.entry.dimensions || runtime.hiddenSize;
  }

  private piecesOf(token: string): number[] {
    let ids = this.pieceCache.get(token);
    if (!ids) {
      ids = this.runtime.pieces(token);
      this.pieceCache.set(token, ids);
    }
    return ids;
  }

  private prepare(text: string): Prepared {
    const tokens = tokenize(text, 0);
    const limit = this.model.entry.maxTokens - 2;
    const ids: number[] = [];
    const ranges: ([number, number] | null)[] = [];
    for (const token of tokens) {
      const pieces = this.piecesOf(token.text);
      if (ids.length + pieces.length > limit || pieces.length === 0) {
        ranges.push(null);
        continue;
      }
      ranges.push([ids.length + 1, ids.length + 1 + pieces.length]);
      ids.push(...pieces);
    }
    return { text, tokens, ids, ranges };
  }

  async encode(texts: readonly string[], onBatch?: (done: number, total: number) => void, options: EncodeOptions = {}): Promise<EncodedText[]> {
    const size = options.batchSize ?? EMBED.batchSize;
    const results = new Array<EncodedText | undefined>(texts.length);
    const todo = new Map<string, number[]>();
    texts.forEach((text, i) => {
      const hit = this.cache.get(text);
      if (hit) results[i] = hit;
      else {
        // push, not spread: an article repeating one sentence a million times must stay linear
        const slots = todo.get(text);
        if (slots) slots.push(i);
        else todo.set(text, [i]);
      }
    });
    if (this.store && todo.size > 0) {
      const keys = [...todo.keys()];
      syncStage('cacheGetMs', () => this.store!.get(this.id, keys)).forEach((hit, k) => {
        const text = keys[k]!;
        const tokens = hit ? tokenize(text, 0) : [];
        // A token count that disagrees means the entry predates a tokenizer change: recompute it.
        if (!hit || tokens.length !== hit.tokenVectors.length) return;
        const enc = { ...hit, tokens };
        this.cache.set(text, enc);
        for (const i of todo.get(text)!) results[i] = enc;
        todo.delete(text);
      });
    }
    // Length-sorted batches cut padding: similar lengths share a batch.
    const prepared = [...todo.keys()].map((t) => this.prepare(t)).sort((a, b) => a.ids.length - b.ids.length);
    let done = 0;
    onBatch?.(0, prepared.length);
    for (let b = 0; b < prepared.length; b += size) {
      const batch = prepared.slice(b, b + size);
      const encoded = await this.runBatch(batch);
      if (this.store) syncStage('cachePutMs', () => this.store!.put(this.id, batch.map((p) => p.text), encoded));
      encoded.forEach((enc, k) => {
        const text = batch[k]!.text;
        this.cache.set(text, enc);
        for (const i of todo.get(text) ?? []) results[i] = enc;
      });
      done += batch.length;
      onBatch?.(done, prepared.length);
    }
    return results as EncodedText[];
  }

  private async runBatch(batch: Prepared[]): Promise<EncodedText[]> {
    const seq = Math.max(...batch.map((p) => p.ids.length)) + 2;
    const ids = new BigInt64Array(batch.length * seq).fill(BigInt(this.runtime.padId));
    const mask = new BigInt64Array(batch.length * seq);
    batch.forEach((p, r) => {
      const row = r * seq;
      const full = [this.runtime.clsId, ...p.ids, this.runtime.sepId];
      full.forEach((id, c) => {
        ids[row + c] = BigInt(id);
        mask[row + c] = 1n;
      });
    });
    const hidden = await timeStage('modelMs', () => this.runtime.run(ids, mask, batch.length, seq));
    const dim = this.dimensions;
    return batch.map((p, r) => {
      const base = r * seq * dim;
      const meanOf = (from: number, to: number): Float32Array => {
        const v = new Float32Array(dim);
        for (let t = from; t < to; t++) {
          const o = base + t * dim;
          for (let d = 0; d < dim; d++) v[d]! += hidden[o + d]!;
        }
        return v;
      };
      const pieces = p.ids.length + 2;
      return {
        vector: l2normalize(meanOf(0, pieces)),
        tokens: p.tokens,
        tokenVectors: p.ranges.map((range) => (range ? l2normalize(meanOf(range[0], range[1])) : null)),
        pieces,
      };
    });
  }
}

export interface EmbedderOptions extends LoadOptions {
  model?: string;
  modelsDir?: string;
  store?: EmbeddingStore;
}

/** The one model loader every command uses: resolve (local, or remote when allowed), verify, start the runtime. */
export async function loadModel(options: Omit<EmbedderOptions, 'store'> = {}): Promise<{ runtime: ModelRuntime; model: ResolvedModel }> {
  const model = resolveModel(options.model, options.modelsDir, options.allowRemote === true);
  if (model.hash === 'remote') return { runtime: await loadRuntime(model, options), model };
  // The model file itself is read and checked on the session's thread (src/embed/session-thread.ts).
  verifyModelFiles(model, [MODEL_FILE]);
  return { runtime: await loadLocalRuntime(model), model };
}

export async function loadEmbedder(options: EmbedderOptions = {}): Promise<TransformerEmbedder> {
  const { runtime, model } = await loadModel(options);
  return new TransformerEmbedder(runtime, model, options.store);
}
