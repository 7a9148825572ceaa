import { today } from '../io/dates.js';
import { existsSync } from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';
import type { Command } from 'commander';
import { createAnalyzer } from '../analyze.js';
import { inputError, outputError, usageError } from '../core/errors.js';
import { escapeControls } from '../format/sanitize.js';
import { identities, refuseInputAsOutput } from '../io/same-file.js';
import { ensureDir, writeFileAtomic } from '../io/write.js';
import { correctedArticle } from '../report/corrected.js';
import { renderHtml } from '../report/html.js';
import { renderReport } from '../report/markdown.js';
import { formatOption } from './format-option.js';
import { defaultReviewPath, loadReview, type ReviewFile } from '../review/file.js';
import { attachReview } from '../review/attach.js';
import { addCommonOptions } from './options.js';
import { parseDate } from './inputs.js';
import { analyzeOptions, readInputs, warnAnalysis, type CommonOptions } from './inputs.js';
import { stderrProgress } from './progress.js';

export const REPORT_FORMATS = ['md', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions extends CommonOptions {
  format: ReportFormat;
  reviewFile?: string;
  out?: string;
  date?: string;
  /** false with --no-corrected. */
  corrected: boolean;
}

export function defaultOutPath(mtPath: string, format: ReportFormat = 'md'): string {
  return join('reports', `${parse(mtPath).name}.${format}`);
}

/** `reports/x.md` -> `reports/x.corrected.txt`: beside the report, which links to it by its base name. */
export function correctedPath(out: string): string {
  const p = parse(out);
  return join(p.dir, `${p.name}.corrected.txt`);
}

/** The review file in use: an explicit --review-file must exist; the default one is used only when it does. */
export function reviewPath(opts: { reviewFile?: string }, mtPath: string): string | undefined {
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
      .description('write a QA report (Markdown or HTML): summary, problems grouped, flagged sentences; and the corrected article')
      .argument('<mt>', 'the machine-translated article (UTF-8 text)')
      .argument('<refs...>', 'English reference articles on the same story')
      .option('--review-file <path>', 'reviewer decisions to include (default: <mt>.review.json when it exists)')
      .addOption(formatOption(REPORT_FORMATS, 'md', 'md (Markdown) or html (one self-contained page)'))
      .option('--out <path>', 'where to write the report (default: reports/<mt name>.md or .html)')
      .option('--no-corrected', 'do not write the corrected article (<report name>.corrected.txt) beside the report')
      .option('--date <YYYY-MM-DD>', 'date printed in the report (default: today, UTC), for reproducible output', parseDate),
  ).action(async (mtPath: string, refPaths: string[], opts: ReportOptions) => {
    const { mt, refs } = readInputs(mtPath, refPaths, opts);
    const reviewFile = reviewPath(opts, mtPath);
    const decisions: ReviewFile | undefined = reviewFile === undefined ? undefined : loadReview(reviewFile, mtPath, mt.text);
    const out = opts.out ?? defaultOutPath(mtPath, opts.format);
    const corrected = opts.corrected ? correctedPath(out) : undefined;
    const inputs = [mtPath, ...refPaths, ...(reviewFile === undefined ? [] : [reviewFile])];
    prepareOut(out, inputs);
    if (corrected !== undefined) {
      if (corrected === out) throw usageError(`${out}: the report and the corrected article would be the same file`);
      refuseInputAsOutput(corrected, identities(inputs), 'the corrected article');
    }
    const analyzer = await createAnalyzer({ model: opts.model, allowRemote: opts.allowRemote });
    const analysis = await analyzer.analyze(mt, refs, analyzeOptions(opts), stderrProgress());
    warnAnalysis(analysis);
    const placed = decisions && attachReview(decisions, analysis, mt.text).review;
    const options = { review: placed, date: opts.date ?? today(), ...(corrected !== undefined ? { corrected: basename(corrected) } : {}) };
    writeFileAtomic(out, opts.format === 'html' ? renderHtml(analysis, options) : renderReport(analysis, options));
    if (corrected !== undefined) writeFileAtomic(corrected, correctedArticle(mt.text, analysis.flags, placed).text);
    process.stderr.write(`${escapeControls(out)}\n`);
  });
}
