/**
 * The only module that imports the transformer runtime. A model from models/ runs on onnxruntime-node directly,
 * tokenised by src/embed/wordpiece.ts: the same ONNX Runtime (1.14, the one @xenova/transformers 2.17 pins) and
 * the same session options transformers.js uses, so the vectors are bit-identical to its, without importing it
 * (about 0.4 s per cold start). transformers.js is still the loader for a model downloaded with --allow-remote.
 */
import { join } from 'node:path';
import { modelError } from '../core/errors.js';
import { resolveModel, type ResolvedModel } from './registry.js';
import { startSession, type SessionFailure, type ThreadSession } from './session-thread.js';
import { loadWordPiece, type WordPiece } from './wordpiece.js';

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
export const MODEL_FILE = 'onnx/model_quantized.onnx';

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

const preloaded = new Map<string, ThreadSession>();
const sessionKey = (file: string, sha256: string): string => `${file}\0${sha256}`;

/**
 * Starts the default model's session on its thread now, before the command's modules are imported and its
 * inputs read. Whoever loads the same file later takes it over; any problem (a missing or corrupt file, a bad
 * registry) is left for that load to report, in its place among the command's checks.
 */
export function preloadDefaultModel(): void {
  try {
    const model = resolveModel();
    const sha256 = model.entry.files[MODEL_FILE];
    const file = join(model.dir, MODEL_FILE);
    if (sha256 && !preloaded.has(sessionKey(file, sha256))) preloaded.set(sessionKey(file, sha256), startSession(file, sha256));
  } catch {
    // reported by the real load
  }
}

function sessionFor(file: string, sha256: string): ThreadSession {
  const key = sessionKey(file, sha256);
  const session = preloaded.get(key) ?? startSession(file, sha256);
  preloaded.delete(key);
  for (const other of preloaded.values()) other.close();
  preloaded.clear();
  return session;
}

function failureMessage(model: ResolvedModel, file: string, expected: string, failure: SessionFailure): string {
  if (failure.kind === 'missing') return `model file missing: ${file} (reinstall mtdiff or run scripts/convert_model.py)`;
  if (failure.kind === 'corrupt') return `model file corrupt: ${file} (sha256 ${failure.detail.slice(0, 12)}…, registry says ${expected.slice(0, 12)}…)`;
  return `cannot load model '${model.name}' from ${model.dir}: ${failure.detail}`;
}

/** Runtimes that loaded, by file and checksum: a process analysing many articles (a library user, the tests) loads each model once. */
const loaded = new Map<string, Promise<ModelRuntime>>();

/** A registry model (its other files already verified): the session on its thread, our WordPiece tokenizer here. */
export function loadLocalRuntime(model: ResolvedModel): Promise<ModelRuntime> {
  const file = join(model.dir, MODEL_FILE);
  const sha256 = model.entry.files[MODEL_FILE];
  if (!sha256) return Promise.reject(modelError(`model file missing: ${file} (not listed in models/registry.json)`));
  const key = sessionKey(file, sha256);
  let runtime = loaded.get(key);
  if (!runtime) {
    runtime = openLocalRuntime(model, file, sha256);
    loaded.set(key, runtime);
    // A failure is reported to this caller and not kept: the file may be fixed before the next load.
    runtime.catch(() => loaded.delete(key));
  }
  return runtime;
}

async function openLocalRuntime(model: ResolvedModel, file: string, sha256: string): Promise<ModelRuntime> {
  const session = sessionFor(file, sha256);
  let tokenizer: WordPiece;
  try {
    tokenizer = loadWordPiece(model.dir);
  } catch (err) {
    session.close();
    throw err;
  }
  const failure = await session.whenReady();
  if (failure) {
    session.close();
    throw modelError(failureMessage(model, file, sha256, failure));
  }
  const special = (name: string): number => {
    const id = tokenizer.idOf(name);
    if (id === undefined) throw modelError(`tokenizer has no ${name} token`);
    return id;
  };
  return {
    clsId: special('[CLS]'),
    sepId: special('[SEP]'),
    padId: special('[PAD]'),
    hiddenSize: model.entry.dimensions,
    pieces: (token) => tokenizer.encode(token),
    run: (ids, mask, batch, seq) => session.run(ids, mask, [batch, seq]),
  };
}

/** A model downloaded with --allow-remote: transformers.js fetches, tokenises and runs it. */
export async function loadRuntime(model: ResolvedModel, options: LoadOptions = {}): Promise<ModelRuntime> {
  // Imported on first use: the runtime is the heaviest module, and --help or a bad argument should not wait for it.
  const { AutoModel, AutoTokenizer, Tensor, env } = await import('@xenova/transformers');
  env.allowRemoteModels = options.allowRemote === true;
  env.allowLocalModels = true;
  env.localModelPath = model.dir.replace(/[^/\\]+[/\\]?$/, '');
  let tokenizer: TokenizerLike;
  let net: ModelLike;
  try {
    tokenizer = await quietly(async () => (await AutoTokenizer.from_pretrained(model.name)) as unknown as TokenizerLike);
    net = await quietly(async () => (await AutoModel.from_pretrained(model.name, { quantized: true })) as unknown as ModelLike);
  } catch (err) {
    throw modelError(`cannot load model '${model.name}' from ${model.dir}: ${(err as Error).message.split('\n')[0]}`);
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
