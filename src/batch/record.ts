/** One output record per manifest entry: the scores of an analysed item, or why it could not be analysed. */
import { stringify } from 'csv-stringify/sync';
import { csvText } from '../format/sanitize.js';
import { CATEGORIES, SEVERITIES, type Analysis, type Category, type Flag, type Severity } from '../core/types.js';
import type { ManifestEntry } from './manifest.js';
import type { RecordReview } from '../review/next-to.js';

export interface ScoreRecord {
  id: string;
  mt: string;
  score: number;
  mqm: number;
  mqmPer100: number;
  words: number;
  counts: Record<Severity, number>;
  /** Only the categories that occur, in CATEGORIES order. */
  categories: Partial<Record<Category, number>>;
  /** Exactly as `check --format json` gives them. */
  flags: Flag[];
  /** The numbers after review, when a review file lies next to the MT (`<mt>.review.json`). */
  review?: RecordReview;
  /** As in `check --format json`: the source language judged, and its warnings (a contradicted --source-lang, an MT mostly not English). */
  source?: { lang: string; detected: boolean; warnings?: string[] };
}

export interface ErrorRecord {
  id: string;
  error: string;
}

export type BatchRecord = ScoreRecord | ErrorRecord;

export function isError(record: BatchRecord): record is ErrorRecord {
  return 'error' in record;
}

export function entryId(entry: ManifestEntry): string {
  return entry.kind === 'item' ? entry.item.id : entry.id;
}

/** Field order is fixed here, so the same analysis always serialises to the same bytes. */
export function scoreRecord(id: string, mt: string, analysis: Analysis, review?: RecordReview): ScoreRecord {
  const counts = { critical: 0, major: 0, minor: 0 };
  for (const f of analysis.flags) counts[f.severity]++;
  const categories: Partial<Record<Category, number>> = {};
  for (const c of CATEGORIES) {
    const n = analysis.flags.filter((f) => f.category === c).length;
    if (n > 0) categories[c] = n;
  }
  return {
    id,
    mt,
    score: analysis.score,
    mqm: analysis.mqm,
    mqmPer100: analysis.mqmPer100,
    words: analysis.words,
    counts,
    categories,
    flags: analysis.flags,
    ...(review ? { review } : {}),
    ...(analysis.source ? { source: analysis.source } : {}),
  };
}

export function errorRecord(id: string, error: string): ErrorRecord {
  return { id, error };
}

export function jsonlLine(record: BatchRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export const CSV_COLUMNS = ['id', 'mt', 'score', 'mqm', 'mqmPer100', 'words', ...SEVERITIES, 'error'] as const;

export { csvText } from '../format/sanitize.js';

/** The summary columns only; an error record leaves the score columns empty. */
export function csvRow(record: BatchRecord): string[] {
  if (isError(record)) return [csvText(record.id), '', '', '', '', '', '', '', '', csvText(record.error)];
  const r = record;
  return [csvText(r.id), csvText(r.mt), String(r.score), String(r.mqm), String(r.mqmPer100), String(r.words), ...SEVERITIES.map((s) => String(r.counts[s])), ''];
}

export function csvLines(rows: string[][]): string {
  return stringify(rows, { record_delimiter: 'unix' });
}

export const CSV_HEADER = csvLines([[...CSV_COLUMNS]]);
