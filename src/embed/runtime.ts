/**
 * The only module that imports the transformer runtime, so swapping @xenova/transformers for
 * @huggingface/transformers (or raw onnxruntime) touches this file alone.
 */
import { modelError } from '../core/errors.js';
import type { ResolvedModel } from './registry.js';

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

export async function loadRuntime(model: ResolvedModel, options: LoadOptions = {}): Promise<ModelRuntime> {
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
