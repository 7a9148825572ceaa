import { InvalidArgumentError } from 'commander';
import type { AlignMode, Analysis } from '../core/types.js';
import { usageError } from '../core/errors.js';
import type { TextInput, AnalyzeOptions } from '../analyze.js';
import { readText } from '../io/read.js';
import { uniqueRefs } from '../io/unique.js';
import { escapeControls } from '../format/sanitize.js';
import { readGlossary } from '../detect/glossary-file.js';
import { missingSourceDictionary } from '../detect/lexicon/languages.js';
import { resolveSettings, type SettingsOverrides } from '../core/settings.js';

export interface CommonOptions {
  mode: AlignMode;
  sourceLang?: string;
  allowNonEnglishRefs?: boolean;
  glossary?: string;
  maxBytes?: number;
  model?: string;
  allowRemote?: boolean;
  minConfidence?: number;
  allFlags?: boolean;
  /** From the project config: detector ids and whether they run. */
  detectors?: Record<string, boolean>;
  /** From the project config: alignment and detector settings that differ from config.ts. */
  settings?: SettingsOverrides;
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

export function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

/** A calendar date as reports print it; impossible dates (2026-13-45) are refused before any work. */
export function parseDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  if (!ok) throw new InvalidArgumentError('use a date like 2026-01-31');
  return value;
}

export function readInputs(mtPath: string, refPaths: readonly string[], opts: CommonOptions): { mt: TextInput; refs: TextInput[] } {
  if (refPaths.length === 0) throw usageError('give at least one reference file after the MT file');
  const mt = { id: mtPath, text: readText(mtPath, { maxBytes: opts.maxBytes }) };
  const unique = uniqueRefs(refPaths.map((p) => ({ id: p, path: p, text: readText(p, { maxBytes: opts.maxBytes }) })));
  for (const w of unique.warnings) process.stderr.write(`mtdiff: warning: ${escapeControls(w)}\n`);
  return { mt, refs: unique.refs.map(({ id, text }) => ({ id, text })) };
}

export function parseLanguage(value: string): string {
  if (!/^[a-z]{2,3}$/i.test(value)) throw new InvalidArgumentError('use an ISO 639 code such as de, fr or es');
  return value.toLowerCase();
}

const warned = new Set<string>();

/** One stderr line per language, never stdout: JSON and CSV output stay machine-readable. */
function warnSourceLanguage(lang: string): void {
  const missing = missingSourceDictionary(lang);
  if (!missing || warned.has(lang)) return;
  warned.add(lang);
  process.stderr.write(`mtdiff: warning: ${missing}\n`);
}

/** The analysis's own warnings (a contradicted --source-lang, an MT mostly not English): one stderr line each. */
export function warnAnalysis(analysis: Analysis): void {
  for (const w of analysis.source?.warnings ?? []) process.stderr.write(`mtdiff: warning: ${w}\n`);
}

export function analyzeOptions(opts: CommonOptions): AnalyzeOptions {
  if (opts.sourceLang) warnSourceLanguage(opts.sourceLang);
  return {
    mode: opts.mode,
    ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}),
    ...(opts.allowNonEnglishRefs ? { allowNonEnglishRefs: true } : {}),
    glossary: opts.glossary ? readGlossary(opts.glossary) : [],
    disabledDetectors: Object.entries(opts.detectors ?? {}).filter(([, on]) => !on).map(([id]) => id),
    ...(opts.settings ? { settings: resolveSettings(opts.settings) } : {}),
    ...(opts.allFlags ? { minConfidence: 0 } : opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}),
  };
}
