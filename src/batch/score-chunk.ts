import type { Analyzer, AnalyzeOptions, TextInput } from '../analyze.js';
import type { Analysis } from '../core/types.js';
import { errorRecord, scoreRecord, type BatchRecord } from './record.js';
import type { BatchItem, ManifestEntry } from './manifest.js';
import { readItem } from './read-item.js';
import { writeItemReport, type ReportTarget } from './reports.js';
import { recordReview, reviewNextTo } from '../review/next-to.js';

export interface ChunkOptions {
  analyze: AnalyzeOptions;
  maxBytes?: number;
  report?: ReportTarget;
}

export interface ChunkResult {
  /** One per entry, in entry order. */
  records: BatchRecord[];
  /** Lines for stderr that do not change any record (e.g. a report written without a broken review file). */
  warnings: string[];
  /** Outputs that could not be written (a --report-dir report): the run ends with exit 5. */
  failedWrites: string[];
}

const messageOf = (err: unknown): string => ((err as Error)?.message ?? String(err)).split('\n')[0]!;

interface Ready {
  slot: number;
  item: BatchItem;
  inputs: { mt: TextInput; refs: TextInput[] };
}

/**
 * Records for a chunk of entries. Items that read cleanly are analysed together (their sentences go through
 * one encode call); if that fails, they are retried one by one so that only the culprit gets an error record.
 */
export async function scoreChunk(analyzer: Analyzer, entries: readonly ManifestEntry[], options: ChunkOptions): Promise<ChunkResult> {
  const records = new Array<BatchRecord>(entries.length);
  const warnings: string[] = [];
  const failedWrites: string[] = [];
  const ready: Ready[] = [];
  entries.forEach((entry, slot) => {
    if (entry.kind === 'error') {
      records[slot] = errorRecord(entry.id, entry.error);
      return;
    }
    try {
      const { warnings: repeated, ...inputs } = readItem(entry.item, options.maxBytes);
      warnings.push(...repeated);
      ready.push({ slot, item: entry.item, inputs });
    } catch (err) {
      records[slot] = errorRecord(entry.item.id, messageOf(err));
    }
  });
  const done = (r: Ready, analysis: Analysis): void => {
    // The warnings check prints: they go to stderr with the item's id (and stay in its record).
    for (const w of analysis.source?.warnings ?? []) warnings.push(`${r.item.id}: ${w}`);
    if (options.report) writeItemReport(options.report, { ...r.item, mtText: r.inputs.mt.text }, analysis, { warnings, failedWrites });
    const review = reviewNextTo(r.item.mtPath, r.item.mt, r.inputs.mt.text, analysis, warnings, 'scored');
    // A score that is not a number (bad vectors) must never reach the records or the --fail-under gate.
    records[r.slot] = Number.isFinite(analysis.score)
      ? scoreRecord(r.item.id, r.item.mt, analysis, review && recordReview(analysis, review))
      : errorRecord(r.item.id, 'analysis failed: the score is not a number (damaged embedding vectors?)');
  };
  try {
    const analyses = await analyzer.analyzeMany(
      ready.map((r) => r.inputs),
      options.analyze,
    );
    ready.forEach((r, k) => done(r, analyses[k]!));
  } catch {
    for (const r of ready) {
      try {
        done(r, await analyzer.analyze(r.inputs.mt, r.inputs.refs, options.analyze));
      } catch (err) {
        records[r.slot] = errorRecord(r.item.id, `analysis failed: ${messageOf(err)}`);
      }
    }
  }
  return { records, warnings, failedWrites };
}
