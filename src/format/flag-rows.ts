/**
 * Per-error exports (`check --format csv|tsv`, `score --format flags-csv|flags-tsv`): one row per shown flag
 * for spreadsheets and annotation tools. Cells go through the batch CSV's csvText (formula neutralisation,
 * controls escaped); TSV has no quoting, so its line breaks are escaped as well.
 */
import { basename } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Analysis, Flag } from '../core/types.js';
import { csvText } from './sanitize.js';
import { decisionFor, type ReviewFile } from '../review/file.js';

export type RowFormat = 'csv' | 'tsv';

export const FLAG_COLUMNS = [
  'document',
  'sentence',
  'start',
  'end',
  'text',
  'category',
  'severity',
  'confidence',
  'fix',
  'evidence',
  'decision',
  'message',
] as const;

/** What the reviewer decided, in one cell: "accepted", "dismissed: comment", "accepted, fix: X", or empty (open). */
export function decisionText(review: ReviewFile | undefined, flag: Flag): string {
  const d = decisionFor(review, flag);
  if (!d) return '';
  const fix = d.suggestion !== undefined ? `, fix: ${d.suggestion}` : '';
  return `${d.status}${fix}${d.comment ? `: ${d.comment}` : ''}`;
}

function evidenceText(flag: Flag): string {
  return flag.evidence.map((e) => `${basename(e.ref)} #${e.index + 1}: ${e.text}`).join(' | ');
}

/** Sentence numbers count from 1 (people read these); start/end are the JSON's UTF-16 offsets. */
export function flagRow(document: string, flag: Flag, review?: ReviewFile): string[] {
  return [
    document,
    String(flag.sentence + 1),
    String(flag.start),
    String(flag.end),
    flag.text,
    flag.category,
    flag.severity,
    String(flag.confidence),
    flag.suggestion ?? '',
    evidenceText(flag),
    decisionText(review, flag),
    flag.message,
  ];
}

function cell(value: string, format: RowFormat): string {
  const text = csvText(value);
  return format === 'tsv' ? text.replace(/\n/g, '\\n') : text;
}

export function rowLines(rows: readonly (readonly string[])[], format: RowFormat): string {
  const safe = rows.map((r) => r.map((v) => cell(v, format)));
  return stringify(safe, format === 'tsv' ? { delimiter: '\t', quote: false, record_delimiter: 'unix' } : { record_delimiter: 'unix' });
}

export const flagHeader = (format: RowFormat): string => rowLines([[...FLAG_COLUMNS]], format);

/** The rows of one analysis, in reading order. */
export function flagRows(analysis: Analysis, review?: ReviewFile): string[][] {
  return [...analysis.flags].sort((a, b) => a.start - b.start || a.end - b.end).map((f) => flagRow(analysis.mt, f, review));
}

export function formatFlagTable(analysis: Analysis, format: RowFormat, review?: ReviewFile): string {
  return flagHeader(format) + rowLines(flagRows(analysis, review), format);
}
