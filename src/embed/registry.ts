import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelError } from '../core/errors.js';

export interface ModelEntry {
  /** Upstream id, e.g. sentence-transformers/all-MiniLM-L6-v2. */
  id: string;
  revision: string;
  source: string;
  dimensions: number;
  pooling: 'mean';
  normalize: boolean;
  maxTokens: number;
  quantization: string;
  license: string;
  /** Relative path -> sha256 hex, for every file of the model. */
  files: Record<string, string>;
}

export interface Registry {
  default: string;
  models: Record<string, ModelEntry>;
}

/** models/ sits at the package root; src/embed and dist/embed are both two levels below it. */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

export function modelsDir(): string {
  return process.env.MTDIFF_MODELS_DIR || DEFAULT_MODELS_DIR;
}

export function loadRegistry(dir = modelsDir()): Registry {
  const path = join(dir, 'registry.json');
  if (!existsSync(path)) throw modelError(`model registry not found: ${path}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw modelError(`model registry is not valid JSON: ${path}`);
  }
  if (!isRegistry(data)) throw modelError(`model registry has the wrong structure: ${path} (needs "default" and "models" with "files" of sha256 hashes)`);
  return data;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields the code relies on; a hand-edited registry missing one must be a model error, not a crash. */
function isRegistry(data: unknown): data is Registry {
  if (!isObject(data) || typeof data.default !== 'string' || !isObject(data.models)) return false;
  return Object.values(data.models).every((m) => isObject(m) && isObject(m.files) && Object.values(m.files).every((h) => typeof h === 'string'));
}

export interface ResolvedModel {
  /** Local name (the folder under models/). */
  name: string;
  dir: string;
  entry: ModelEntry;
  /** First 8 hex digits of the hash over all file hashes: names the exact weights in the signature. */
  hash: string;
}

export function resolveModel(name?: string, dir = modelsDir(), allowRemote = false): ResolvedModel {
  const registry = loadRegistry(dir);
  const chosen = name ?? registry.default;
  const entry = registry.models[chosen];
  if (!entry && allowRemote && chosen.includes('/')) return remoteModel(chosen, dir);
  if (!entry) {
    const known = Object.keys(registry.models).join(', ');
    throw modelError(`unknown model '${chosen}' (registry has: ${known}; a Hugging Face id with --allow-remote downloads one)`);
  }
  const combined = createHash('sha256');
  for (const file of Object.keys(entry.files).sort()) combined.update(`${file}:${entry.files[file]}\n`);
  return { name: chosen, dir: join(dir, chosen), entry, hash: combined.digest('hex').slice(0, 8) };
}

/**
 * Checks every file against the registry before the runtime sees it, so a corrupt file is one clear error.
 * `except`: files checked elsewhere (the ONNX file, on the session's thread).
 */
export function verifyModelFiles(model: ResolvedModel, except: readonly string[] = []): void {
  for (const [file, expected] of Object.entries(model.entry.files)) {
    if (except.includes(file)) continue;
    const path = join(model.dir, file);
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      throw modelError(`model file missing: ${path} (reinstall mtdiff or run scripts/convert_model.py)`);
    }
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== expected) {
      throw modelError(`model file corrupt: ${path} (sha256 ${actual.slice(0, 12)}…, registry says ${expected.slice(0, 12)}…)`);
    }
  }
}

/**
 * A model the user asked to download (--allow-remote with a Hugging Face id such as Xenova/all-MiniLM-L12-v2).
 * Nothing to verify against: its signature names it "remote", so scores made with it are never mistaken for
 * the registry's. Assumes a sentence-transformers export with mean pooling, as transformers.js publishes them.
 */
function remoteModel(id: string, dir: string): ResolvedModel {
  const entry: ModelEntry = {
    id,
    revision: 'remote',
    source: 'downloaded at run time (--allow-remote)',
    dimensions: 0,
    pooling: 'mean',
    normalize: true,
    maxTokens: 256,
    quantization: 'as published',
    license: 'see the model card',
    files: {},
  };
  return { name: id, dir: join(dir, id), entry, hash: 'remote' };
}
