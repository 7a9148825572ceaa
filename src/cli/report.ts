import { today } from '../io/dates.js';
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import type { Command } from 'commander';
import { createAnalyzer } from '../analyze.js';
import { inputError, outputError } from '../core/errors.js';
import { escapeControls } from '../format/sanitize.js';
import { identities, refuseInputAsOutput } from '../io/same-file.js';
import { ensureDir, writeFileAtomic } from '../io/write.js';
import { renderReport } from '../report/markdown.js';
import { defaultReviewPath, loadReview, type ReviewFile } from '../review/file.js';
import { attachReview } from '../review/attach.js';
import { addCommonOptions } from './options.js';
import { parseDate } from './inputs.js';
import { analyzeOptions, readInputs, warnAnalysis, type CommonOptions } from './inputs.js';
import { stderrProgress } from './progress.js';

interface ReportOptions extends CommonOptions {
  reviewFile?: string;
  out?: string;
  date?: string;
}

/** A real calendar date in YYYY-MM-DD (2026-02-30 is refused rather than silently rolled over). */
export function defaultOutPath(mtPath: string): string {
  return join('reports', `${parse(mtPath).name}.md`);
}

/** The review file in use: an explicit --review-file must exist; the default one is used only when it does. */
function reviewPath(opts: ReportOptions, mtPath: string): string | undefined {
  if (opts.reviewFile !== undefined) {
    if (!existsSync(opts.reviewFile)) throw inputError(`${opts.reviewFile}: review file not found`);
    return opts.reviewFile;
  }
  const fallback = defaultReviewPath(mtPath);
  return existsSync(fallback) ? fallback : undefined;
}

/** Fails before the analysis, not after it, when the report could not or should not be written there. */
function prepareOut(out: string, inputs: readonly string[]): void {
  refuseInputAsOutput(out, identities(inputs), 'the report');
  try {
    ensureDir(dirname(out));
  } catch (err) {
    throw outputError(`cannot write ${out}: ${(err as Error).message}`);
  }
}

export function registerReport(program: Command): void {
  addCommonOptions(
    program
      .command('report')
      .description('write a Markdown QA report: summary, what to fix, sentence by sentence')
      .argument('<mt>', 'the machine-translated article (UTF-8 text)')
      .argument('<refs...>', 'English reference articles on the same story')
      .option('--review-file <path>', 'reviewer decisions to include (default: <mt>.review.json when it exists)')
      .option('--out <path>', 'where to write the report (default: reports/<mt name>.md)')
      .option('--date <YYYY-MM-DD>', 'date printed in the report (default: today, UTC), for reproducible output', parseDate),
  ).action(async (mtPath: string, refPaths: string[], opts: ReportOptions) => {
    const { mt, refs } = readInputs(mtPath, refPaths, opts);
    const reviewFile = reviewPath(opts, mtPath);
    const decisions: ReviewFile | undefined = reviewFile === undefined ? undefined : loadReview(reviewFile, mtPath, mt.text);
    const out = opts.out ?? defaultOutPath(mtPath);
    prepareOut(out, [mtPath, ...refPaths, ...(reviewFile === undefined ? [] : [reviewFile])]);
    const analyzer = await createAnalyzer({ model: opts.model, allowRemote: opts.allowRemote });
    const analysis = await analyzer.analyze(mt, refs, analyzeOptions(opts), stderrProgress());
    warnAnalysis(analysis);
    const placed = decisions && attachReview(decisions, analysis, mt.text).review;
    writeFileAtomic(out, renderReport(analysis, { review: placed, date: opts.date ?? today() }));
    process.stderr.write(`${escapeControls(out)}\n`);
  });
}
