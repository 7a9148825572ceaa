/** Turns `--input` or `--mt-dir/--ref-dir` into manifest entries. */
import { dirname, extname, resolve } from 'node:path';
import { inputError, usageError } from '../core/errors.js';
import { readText } from '../io/read.js';
import { directoryEntries } from './directory.js';
import { parseCsvManifest, parseJsonlManifest, type ManifestEntry } from './manifest.js';

/** Manifests list files, they are not articles: the article size limit would refuse a 100,000-line batch. */
const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

export interface SourceOptions {
  input?: string;
  mtDir?: string;
  refDir?: string;
  allowOutside?: boolean;
}

export function loadEntries(o: SourceOptions): ManifestEntry[] {
  const dirMode = o.mtDir !== undefined || o.refDir !== undefined;
  if (o.input !== undefined && dirMode) throw usageError('give either --input MANIFEST or --mt-dir and --ref-dir, not both');
  if (dirMode) {
    if (o.mtDir === undefined || o.refDir === undefined) throw usageError('directory mode needs both --mt-dir and --ref-dir');
    return directoryEntries(o.mtDir, o.refDir);
  }
  if (o.input === undefined) throw usageError('give --input MANIFEST (.jsonl or .csv), or --mt-dir and --ref-dir');
  const ext = extname(o.input).toLowerCase();
  if (ext !== '.jsonl' && ext !== '.json' && ext !== '.csv') throw usageError(`--input ${o.input}: use a .jsonl (or .json) or .csv manifest`);
  const text = readText(o.input, { maxBytes: MANIFEST_MAX_BYTES });
  const options = { base: dirname(resolve(o.input)), allowOutside: o.allowOutside };
  if (ext !== '.csv') return parseJsonlManifest(text, options);
  const entries = parseCsvManifest(text, options);
  if (!entries) throw inputError(`${o.input}: a CSV manifest needs a header row with the columns id, mt, refs`);
  return entries;
}
