/** `mtdiff score`: the whole batch run, from manifest to records, reports and exit code. */
import { resolve } from 'node:path';
import type { AnalyzeOptions } from '../analyze.js';
import { EXIT, outputError, usageError } from '../core/errors.js';
import { escapeControls } from '../format/sanitize.js';
import { identities, refuseInputAsOutput } from '../io/same-file.js';
import { ensureDir } from '../io/write.js';
import { defaultReviewPath } from '../review/file.js';
import { loadEntries, type SourceOptions } from './entries.js';
import type { ManifestEntry } from './manifest.js';
import { createWorkerScorers, runOrdered } from './pool.js';
import { batchProgress, type BatchProgress } from './progress.js';
import { entryId, type BatchRecord } from './record.js';
import { decisionsOf, writeIndex, type ReportTarget } from './reports.js';
import { pendingEntries, prepareResume } from './resume.js';
import { createLocalScorer, type Scorer, type ScorerSetup } from './scorer.js';
import { selectShard, type Shard } from './shard.js';
import { openSink, type OutputFormat } from './sink.js';
import { Summary, type Gates } from './summary.js';
import { stagesLine, stagesOn } from '../core/stages.js';

/**
 * Items per unit of work. Embedding goes text by text (see embedder.ts), so a chunk only sets how much work
 * a worker takes at a time and how often records are flushed; small keeps progress smooth. Local constant.
 */
const CHUNK_ITEMS = 4;

export interface BatchOptions extends SourceOptions {
  format: OutputFormat;
  output?: string;
  failUnder?: number;
  failOn?: Gates['failOn'];
  maxMqmPer100?: number;
  jobs: number;
  resume: boolean;
  shard?: Shard;
  reportDir?: string;
  /** Printed in reports (YYYY-MM-DD). */
  date: string;
  /** Undefined: no persistent embedding cache. */
  cacheDir?: string;
  model?: string;
  allowRemote?: boolean;
  maxBytes?: number;
  analyze: AnalyzeOptions;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function once(fn: (message: string) => void): (message: string) => void {
  let said = false;
  return (message) => {
    if (!said) fn(message);
    said = true;
  };
}

/** Every file the run reads (manifest, texts, review files): none of them may be written. */
function inputIdentities(o: BatchOptions, entries: readonly ManifestEntry[]): Set<string> {
  const paths = o.input === undefined ? [] : [o.input];
  for (const e of entries) {
    if (e.kind !== 'item') continue;
    paths.push(e.item.mtPath, defaultReviewPath(e.item.mtPath), ...e.item.refPaths);
  }
  return identities(paths);
}

/** Runs the batch and returns the exit code (EXIT); fatal problems (model, output) throw MtdiffErrors. */
export async function runBatch(o: BatchOptions): Promise<number> {
  if (o.resume && !o.output) throw usageError('--resume needs --output FILE (the JSONL file to carry on)');
  if (o.resume && o.format !== 'jsonl') throw usageError('--resume works with --format jsonl (the other formats are written whole at the end)');
  const allEntries = loadEntries(o);
  const entries = selectShard(allEntries, o.shard);
  const inputs = inputIdentities(o, entries);
  if (o.output !== undefined) refuseInputAsOutput(o.output, inputs, '--output');
  const previous = o.resume ? prepareResume(o.output!) : { records: [], unreadable: 0 };
  let log: (line: string) => void = (line) => process.stderr.write(`${line}\n`);
  if (previous.unreadable) log(`mtdiff: warning: ${previous.unreadable} lines of ${escapeControls(o.output!)} are not records; left as they are`);
  const pending = pendingEntries(
    entries.map((entry) => ({ id: entryId(entry), entry })),
    previous.records,
  ).map((p) => p.entry);

  let report: ReportTarget | undefined;
  if (o.reportDir !== undefined) {
    report = { dir: resolve(o.reportDir), date: o.date, inputs };
    try {
      ensureDir(report.dir);
    } catch (err) {
      throw outputError(`cannot create ${o.reportDir}: ${(err as Error).message}`);
    }
  }
  const setup: ScorerSetup = {
    model: o.model,
    allowRemote: o.allowRemote,
    cacheDir: o.cacheDir,
    chunk: { analyze: o.analyze, maxBytes: o.maxBytes, report },
  };
  const chunks = chunked<ManifestEntry>(pending, CHUNK_ITEMS);
  const warnCache = once((message) => log(`mtdiff: warning: ${escapeControls(message)}`));
  // The model loads before the output is opened: a model that cannot load leaves an existing output untouched.
  const scorers: Scorer[] =
    chunks.length === 0 ? [] : o.jobs > 1 ? await createWorkerScorers(setup, Math.min(o.jobs, chunks.length), warnCache) : [await createLocalScorer(setup, warnCache)];

  const resumed = entries.length - pending.length;
  const summary = new Summary(
    { failUnder: o.failUnder, failOn: o.failOn, maxMqmPer100: o.maxMqmPer100 },
    { resumed, ...(o.shard ? { shard: `${o.shard.index + 1}/${o.shard.count}`, otherShards: allEntries.length - entries.length } : {}) },
  );
  let failedWrites = 0;
  const all: BatchRecord[] = report ? [...previous.records] : [];
  previous.records.forEach((r) => summary.add(r));
  let progress: BatchProgress | undefined;
  // Ctrl-C mid-run: give the terminal its cursor back and say what survived (exit status 128 + signal, as shells do).
  const interrupted = (signal: NodeJS.Signals): void => {
    progress?.stop();
    const kept = !o.output
      ? 'the records printed so far are whole'
      : o.format === 'jsonl'
        ? `finished records are in ${o.output}; rerun with --resume to carry on`
        : `${o.output} was not written (${o.format} is written at the end)`;
    process.stderr.write(`\nmtdiff: interrupted; ${escapeControls(kept)}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const sink = openSink(o.format, o.output, o.resume, decisionsOf(entries, (w) => log(`mtdiff: warning: ${escapeControls(w)}`)));
    progress = batchProgress(pending.length);
    log = progress.log;
    await runOrdered(chunks, scorers, (result) => {
      for (const record of result.records) {
        sink.write(record);
        summary.add(record);
        if (report) all.push(record);
      }
      for (const w of result.warnings) log(`mtdiff: warning: ${escapeControls(w)}`);
      for (const f of result.failedWrites) log(`mtdiff: error: ${escapeControls(f)}`);
      failedWrites += result.failedWrites.length;
      progress!.tick(result.records.length);
    });
    sink.finish();
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    progress?.stop();
    await Promise.all(scorers.map((s) => s.close()));
  }
  if (report) writeIndex(report, all);
  process.stderr.write(`${summary.lines().join('\n')}\n`);
  if (stagesOn) process.stderr.write(`${stagesLine()}\n`);
  const tally = summary.tally();
  // A report that was not written is lost output, whatever the scores say.
  if (failedWrites > 0) return EXIT.output;
  return tally.errors > 0 ? EXIT.input : tally.belowThreshold > 0 ? EXIT.belowThreshold : EXIT.ok;
}
