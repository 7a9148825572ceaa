import { today } from '../io/dates.js';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { runBatch } from '../batch/run.js';
import { parseShard, type Shard } from '../batch/shard.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../batch/sink.js';
import { formatOption } from './format-option.js';
import { defaultCacheDir } from '../embed/cache.js';
import { addCommonOptions } from './options.js';
import { analyzeOptions, parsePositiveInt, type CommonOptions, parseDate } from './inputs.js';

interface ScoreOptions extends CommonOptions {
  input?: string;
  mtDir?: string;
  refDir?: string;
  allowOutside?: boolean;
  format: OutputFormat;
  output?: string;
  failUnder?: number;
  failOn?: 'critical' | 'major';
  maxMqmPer100?: number;
  jobs: number;
  resume?: boolean;
  shard?: Shard;
  reportDir?: string;
  date?: string;
  cacheDir?: string;
  /** false with --no-cache. */
  cache: boolean;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError('must be a score between 0 and 1');
  return n;
}

function parseFailOn(value: string): 'critical' | 'major' {
  const v = value.trim().toLowerCase();
  if (v !== 'critical' && v !== 'major') throw new InvalidArgumentError('must be critical or major');
  return v;
}

function parsePenalty(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && Number.isFinite(n))) throw new InvalidArgumentError('must be a number of penalty points, 0 or more');
  return n;
}

export function registerScore(program: Command): void {
  addCommonOptions(
    program
      .command('score')
      .description('score a batch of machine translations: one record per item (JSONL, JSON or CSV)')
      .option('-i, --input <manifest>', 'JSONL ({"id","mt","refs":[...]} per line) or CSV (id,mt,refs with refs ;-separated); paths relative to the manifest')
      .option('--mt-dir <dir>', 'directory mode: every file here is an item')
      .option('--ref-dir <dir>', 'directory mode: references (a subdirectory named like the MT file, else every file here)')
      .option('--allow-outside', "allow manifest paths outside the manifest's directory")
      .addOption(formatOption(OUTPUT_FORMATS, 'jsonl', 'records as jsonl, json or csv (summary columns); flags-csv or flags-tsv: one row per flag'))
      .option('-o, --output <file>', 'write records here (JSONL: appended and synced record by record) instead of stdout')
      .option('--fail-under <score>', 'exit 1 when an item scores below this (0..1)', parseScore)
      .option('--fail-on <severity>', 'exit 1 when an item has a flag this severe or worse (critical or major)', parseFailOn)
      .option('--max-mqm-per-100 <n>', 'exit 1 when an item has more than N MQM penalty points per 100 words', parsePenalty)
      .option('-j, --jobs <n>', 'worker threads, each with its own model', parsePositiveInt, 1)
      .option('--resume', 'carry on an interrupted --output JSONL run: skip the items it already holds')
      .option('--shard <K/N>', 'process only shard K of N (entries K-1, K-1+N, ...); shard outputs together make the whole', parseShard)
      .option('--report-dir <dir>', 'also write a Markdown report per item and an index.md')
      .option('--date <YYYY-MM-DD>', 'date printed in reports (default: today, UTC)', parseDate)
      .option('--cache-dir <dir>', 'every cache mtdiff writes: embeddings and dictionary tables (default: $MTDIFF_CACHE_DIR, $XDG_CACHE_HOME/mtdiff or ~/.cache/mtdiff)')
      .option('--no-cache', 'do not read or write the embedding cache'),
  ).action(async (opts: ScoreOptions) => {
    // Through the environment, so worker threads (--jobs) and the dictionary tables see the same directory.
    if (opts.cacheDir) process.env.MTDIFF_CACHE_DIR = resolve(opts.cacheDir);
    process.exitCode = await runBatch({
      input: opts.input,
      mtDir: opts.mtDir,
      refDir: opts.refDir,
      allowOutside: opts.allowOutside === true,
      format: opts.format,
      output: opts.output,
      failUnder: opts.failUnder,
      failOn: opts.failOn,
      maxMqmPer100: opts.maxMqmPer100,
      jobs: opts.jobs,
      resume: opts.resume === true,
      shard: opts.shard,
      reportDir: opts.reportDir,
      date: opts.date ?? today(),
      cacheDir: opts.cache ? (opts.cacheDir ?? defaultCacheDir()) : undefined,
      model: opts.model,
      allowRemote: opts.allowRemote,
      maxBytes: opts.maxBytes,
      analyze: analyzeOptions(opts),
    });
  });
}
