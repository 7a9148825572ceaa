/** `--report-dir`: one Markdown report per analysed item (written where the analysis is) plus index.md. */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Analysis } from '../core/types.js';
import { refuseInputAsOutput } from '../io/same-file.js';
import { writeFileAtomic } from '../io/write.js';
import { renderIndex, type IndexEntry } from '../report/index-page.js';
import { renderReport } from '../report/markdown.js';
import { defaultReviewPath, loadReview, type ReviewFile } from '../review/file.js';
import { readText } from '../io/read.js';
import type { ManifestEntry } from './manifest.js';
import { reviewNextTo } from '../review/next-to.js';
import { isError, type BatchRecord } from './record.js';

export const INDEX_FILE = 'index.md';
const MAX_NAME = 80;

/**
 * A file name for an id that may hold slashes, dots or anything else: unsafe characters become `_`, and a
 * short hash of the id is appended whenever that changed anything, so two ids never share a file.
 */
export function reportFileName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]+/, '').slice(0, MAX_NAME);
  const clean = safe === id && safe !== '' && safe.toLowerCase() !== 'index';
  return `${clean ? safe : `${safe || 'item'}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`}.md`;
}


/**
 * For the per-flag exports: each item's review decisions, read through the review-file reader from the
 * default file next to its MT (as `--report-dir` does). Only items that have such a file cost a read.
 */
export function decisionsOf(entries: readonly ManifestEntry[], warn: (line: string) => void): (id: string) => ReviewFile | undefined {
  const items = new Map(entries.flatMap((e) => (e.kind === 'item' ? [[e.item.id, e.item] as const] : [])));
  return (id) => {
    const item = items.get(id);
    if (!item || !existsSync(defaultReviewPath(item.mtPath))) return undefined;
    try {
      return loadReview(defaultReviewPath(item.mtPath), item.mt, readText(item.mtPath));
    } catch (err) {
      warn(`${item.mt}: decisions left out (${(err as Error).message})`);
      return undefined;
    }
  };
}

export interface ReportTarget {
  dir: string;
  date: string;
  /** Identities (same-file.ts) of the run's inputs: a report is never written over one. */
  inputs?: ReadonlySet<string>;
}

function writeReportFile(target: ReportTarget, path: string, text: string): void {
  if (target.inputs) refuseInputAsOutput(path, target.inputs, 'the report');
  writeFileAtomic(path, text);
}

export function writeItemReport(
  target: ReportTarget,
  item: { id: string; mt: string; mtPath: string; mtText: string },
  analysis: Analysis,
  out: { warnings: string[]; failedWrites: string[] },
): void {
  const review = reviewNextTo(item.mtPath, item.mt, item.mtText, analysis, out.warnings);
  try {
    writeReportFile(target, join(target.dir, reportFileName(item.id)), renderReport(analysis, { review, date: target.date }));
  } catch (err) {
    out.failedWrites.push(`${item.id}: ${(err as Error).message}`);
  }
}

/**
 * The index needs each item's headline numbers and flags, not its sentences: records carry exactly that,
 * so the main thread builds the index without holding thousands of full analyses.
 */
function headline(record: Exclude<BatchRecord, { error: string }>): Analysis {
  return {
    version: 1,
    signature: '',
    mt: record.mt,
    refs: [],
    mode: 'comparable',
    score: record.score,
    mqm: record.mqm,
    mqmPer100: record.mqmPer100,
    words: record.words,
    sentences: [],
    flags: record.flags,
  };
}

export function writeIndex(target: ReportTarget, records: readonly BatchRecord[]): void {
  const entries: IndexEntry[] = records.map((r) =>
    isError(r) ? { id: r.id, path: reportFileName(r.id), error: r.error } : { id: r.id, path: reportFileName(r.id), analysis: headline(r), ...(r.review ? { afterReview: r.review } : {}) },
  );
  writeReportFile(target, join(target.dir, INDEX_FILE), renderIndex(entries, target.date));
}
