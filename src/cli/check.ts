import type { Command } from 'commander';
import { createAnalyzer } from '../analyze.js';
import type { Analysis } from '../core/types.js';
import { paintFor } from '../format/colour.js';
import { formatFlagTable } from '../format/flag-rows.js';
import { formatJson } from '../format/json.js';
import { formatText } from '../format/text.js';
import { loadReview, type ReviewFile } from '../review/file.js';
import { formatOption } from './format-option.js';
import { addCommonOptions } from './options.js';
import { analyzeOptions, readInputs, warnAnalysis, type CommonOptions } from './inputs.js';
import { stderrProgress } from './progress.js';
import { reviewPath } from './report.js';

export const CHECK_FORMATS = ['text', 'json', 'csv', 'tsv'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckOptions extends CommonOptions {
  format: CheckFormat;
  verbose?: boolean;
  reviewFile?: string;
}

function render(analysis: Analysis, opts: CheckOptions, review: ReviewFile | undefined): string {
  if (opts.format === 'json') return formatJson(analysis);
  if (opts.format === 'csv' || opts.format === 'tsv') return formatFlagTable(analysis, opts.format, review);
  return formatText(analysis, { verbose: opts.verbose === true, paint: paintFor(process.stdout) });
}

export function registerCheck(program: Command): void {
  addCommonOptions(
    program
      .command('check')
      .description('analyse one machine-translated article against reference articles')
      .argument('<mt>', 'the machine-translated article (UTF-8 text)')
      .argument('<refs...>', 'English reference articles on the same story')
      .addOption(formatOption(CHECK_FORMATS, 'text', 'text for people, json (stable contract), csv or tsv (one row per flag)'))
      .option('-v, --verbose', 'text: every sentence with its scores and best match, not only the flagged ones')
      .option('--review-file <path>', 'csv/tsv: reviewer decisions for the decision column (default: <mt>.review.json when it exists)'),
  ).action(async (mtPath: string, refPaths: string[], opts: CheckOptions) => {
    const { mt, refs } = readInputs(mtPath, refPaths, opts);
    const file = opts.format === 'csv' || opts.format === 'tsv' ? reviewPath(opts, mtPath) : undefined;
    const review = file === undefined ? undefined : loadReview(file, mtPath, mt.text);
    const analyzer = await createAnalyzer({ model: opts.model, allowRemote: opts.allowRemote });
    const analysis = await analyzer.analyze(mt, refs, analyzeOptions(opts), stderrProgress());
    warnAnalysis(analysis);
    process.stdout.write(render(analysis, opts, review));
  });
}
