/**
 * The only module that imports the transformer runtime. A model from models/ runs on onnxruntime-node directly,
 * tokenised by src/embed/wordpiece.ts: the same ONNX Runtime (1.14, the one @xenova/transformers 2.17 pins) and
 * the same session options transformers.js uses, so the vectors are bit-identical to its, without importing it
 * (about 0.4 s per cold start). transformers.js is still the loader for a model downloaded with --allow-remote.
 */
import { join } from 'node:path';
import { modelError } from '../core/errors.js';
import type { ResolvedModel } from './registry.js';
import { loadWordPiece } from './wordpiece.js';

export interface LoadOptions {
  /** Off unless the user asks: mtdiff never touches the network by itself. */
  allowRemote?: boolean;
}

export interface ModelRuntime {
  /** Word-piece ids of one pre-split token, without special tokens. */
  pieces(token: string): number[];
  clsId: number;
  sepId: number;
  padId: number;
  /** Width of the model's vectors, from its config. */
  hiddenSize: number;
  /** Runs a padded batch; returns last_hidden_state as [batch, seq, dim] flattened. */
  run(ids: BigInt64Array, mask: BigInt64Array, batch: number, seq: number): Promise<Float32Array>;
}

interface TokenizerLike {
  encode(text: string, pair: null, options: { add_special_tokens: boolean }): number[];
  model: { tokens_to_ids: Map<string, number> };
  cls_token?: string;
  sep_token?: string;
  pad_token?: string;
}

interface ModelLike {
  (inputs: Record<string, unknown>): Promise<{ last_hidden_state: { data: Float32Array } }>;
  config?: { hidden_size?: number };
}

function tokenId(tokenizer: TokenizerLike, token: string | undefined, fallback: string): number {
  const id = tokenizer.model.tokens_to_ids.get(token ?? fallback);
  if (id === undefined) throw modelError(`tokenizer has no ${fallback} token`);
  return id;
}

/** The file transformers.js loads with `quantized: true`; the registry lists and verifies it. */
const MODEL_FILE = 'onnx/model_quantized.onnx';

/** The runtime prints its own stack traces and fallback notes while it fails; the error mtdiff gives is one line. */
async function quietly<T>(what: () => Promise<T>): Promise<T> {
  const saved = { error: console.error, warn: console.warn };
  console.error = console.warn = () => {};
  try {
    return await what();
  } finally {
    Object.assign(console, saved);
  }
}

interface OrtSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown }>>;
}

/** A registry model: `files` holds its verified bytes (registry.verifyModelFiles), so nothing is read twice. */
async function loadLocalRuntime(model: ResolvedModel, files: ReadonlyMap<string, Buffer>): Promise<ModelRuntime> {
  const tokenizer = loadWordPiece(model.dir);
  const special = (name: string): number => {
    const id = tokenizer.idOf(name);
    if (id === undefined) throw modelError(`tokenizer has no ${name} token`);
    return id;
  };
  const bytes = files.get(MODEL_FILE);
  if (!bytes) throw modelError(`model file missing: ${join(model.dir, MODEL_FILE)} (not listed in models/registry.json)`);
  // A CommonJS package: its exports arrive as the default export under ESM.
  const mod = await import('onnxruntime-node');
  const ort = (mod as unknown as { default?: typeof mod }).default ?? mod;
  let session: OrtSession;
  try {
    // transformers.js 2.17 passes only the execution providers; everything else stays at ONNX Runtime's defaults.
    session = (await quietly(() => ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] }))) as unknown as OrtSession;
  } catch (err) {
    throw modelError(`cannot load model '${model.name}' from ${model.dir}: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    clsId: special('[CLS]'),
    sepId: special('[SEP]'),
    padId: special('[PAD]'),
    hiddenSize: model.entry.dimensions,
    pieces: (token) => tokenizer.encode(token),
    async run(ids, mask, batch, seq) {
      const dims = [batch, seq];
      const out = await session.run({
        input_ids: new ort.Tensor('int64', ids, dims),
        attention_mask: new ort.Tensor('int64', mask, dims),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
      });
      return out.last_hidden_state!.data as Float32Array;
    },
  };
}

export async function loadRuntime(model: ResolvedModel, options: LoadOptions = {}, files?: ReadonlyMap<string, Buffer>): Promise<ModelRuntime> {
  if (files && model.hash !== 'remote') return loadLocalRuntime(model, files);
  // Imported on first use: the runtime is the heaviest module, and --help or a bad argument should not wait for it.
  const { AutoModel, AutoTokenizer, Tensor, env } = await import('@xenova/transformers');
  env.allowRemoteModels = options.allowRemote === true;
  env.allowLocalModels = true;
  env.localModelPath = model.dir.replace(/[^/\\]+[/\\]?$/, '');
  let tokenizer: TokenizerLike;
  let net: ModelLike;
  // The runtime prints its own stack traces and fallback notes while it fails; the error below is the one line.
  const saved = { error: console.error, warn: console.warn };
  console.error = console.warn = () => {};
  try {
    tokenizer = (await AutoTokenizer.from_pretrained(model.name)) as unknown as TokenizerLike;
    net = (await AutoModel.from_pretrained(model.name, { quantized: true })) as unknown as ModelLike;
  } catch (err) {
    throw modelError(`cannot load model '${model.name}' from ${model.dir}: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    Object.assign(console, saved);
  }
  const clsId = tokenId(tokenizer, tokenizer.cls_token, '[CLS]');
  const sepId = tokenId(tokenizer, tokenizer.sep_token, '[SEP]');
  const padId = tokenId(tokenizer, tokenizer.pad_token, '[PAD]');
  return {
    clsId,
    sepId,
    padId,
    hiddenSize: net.config?.hidden_size ?? model.entry.dimensions,
    pieces: (token) => tokenizer.encode(token, null, { add_special_tokens: false }),
    async run(ids, mask, batch, seq) {
      const dims = [batch, seq];
      const out = await net({
        input_ids: new Tensor('int64', ids, dims),
        attention_mask: new Tensor('int64', mask, dims),
        token_type_ids: new Tensor('int64', new BigInt64Array(ids.length), dims),
      });
      return out.last_hidden_state.data;
    },
  };
}
