import { InvalidArgumentError } from 'commander';
import type { AlignMode } from '../core/types.js';
import { usageError } from '../core/errors.js';
import type { TextInput, AnalyzeOptions } from '../analyze.js';
import { readText } from '../io/read.js';
import { readGlossary } from '../detect/glossary-file.js';

export interface CommonOptions {
  mode: AlignMode;
  sourceLang: string;
  glossary?: string;
  maxBytes?: number;
  model?: string;
  allowRemote?: boolean;
}

export function parseMode(value: string): AlignMode {
  if (value !== 'comparable' && value !== 'parallel') throw new InvalidArgumentError('use comparable or parallel');
  return value;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

export function readInputs(mtPath: string, refPaths: readonly string[], opts: CommonOptions): { mt: TextInput; refs: TextInput[] } {
  if (refPaths.length === 0) throw usageError('give at least one reference file after the MT file');
  const mt = { id: mtPath, text: readText(mtPath, { maxBytes: opts.maxBytes }) };
  const refs = refPaths.map((p) => ({ id: p, text: readText(p, { maxBytes: opts.maxBytes }) }));
  return { mt, refs };
}

export function analyzeOptions(opts: CommonOptions): AnalyzeOptions {
  return {
    mode: opts.mode,
    sourceLang: opts.sourceLang,
    glossary: opts.glossary ? readGlossary(opts.glossary) : [],
  };
}
