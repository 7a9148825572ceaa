import type { Command } from 'commander';
import { basename } from 'node:path';
import { createAnalyzer } from '../analyze.js';
import { outputError, usageError } from '../core/errors.js';
import { escapeControls } from '../format/sanitize.js';
import { identities, refuseInputAsOutput } from '../io/same-file.js';
import { attachReview } from '../review/attach.js';
import { defaultReviewPath, failedReviewSaves, loadReview, type ReviewFile } from '../review/file.js';
import { choosePalette, colourEnv } from '../ui/palette.js';
import { previewScreen } from '../ui/preview.js';
import { addCommonOptions } from './options.js';
import { analyzeOptions, readInputs, type CommonOptions } from './inputs.js';

interface ReviewOptions extends CommonOptions {
  reviewFile?: string;
  reportDir?: string;
  autoAdvance?: boolean;
}

/** Alternate screen buffer: the review takes the whole terminal and leaves the scrollback as it was. */
const ENTER_SCREEN = '\x1b[?1049h';
const LEAVE_SCREEN = '\x1b[?1049l';

export function registerReview(program: Command): void {
  addCommonOptions(
    program
      .command('review')
      .description('review one MT article interactively: sentences, reference matches, diffs, flags and decisions')
      .argument('<mt>', 'the machine-translated article (UTF-8 text)')
      .argument('<refs...>', 'English reference articles on the same story')
      .option('--review-file <path>', 'where decisions are kept (default: <mt>.review.json next to the MT file)')
      .option('--report-dir <dir>', 'where `x` exports (default: next to the MT file)')
      .option('--no-auto-advance', 'stay on a flag after deciding it (A toggles it in the app)'),
  ).action(async (mtPath: string, refPaths: string[], opts: ReviewOptions) => {
    const inputs = identities([mtPath, ...refPaths]);
    refuseInputAsOutput(opts.reviewFile ?? defaultReviewPath(mtPath), inputs, 'the review file');
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw usageError('review needs an interactive terminal; use `mtdiff check` or `mtdiff report` instead');
    }
    // Every input problem is reported before the screen is taken over.
    const { mt, refs } = readInputs(mtPath, refPaths, opts);
    const options = analyzeOptions(opts);
    const reviewPath = opts.reviewFile ?? defaultReviewPath(mtPath);
    const review = loadReview(reviewPath, mtPath, mt.text);
    const palette = choosePalette(process.env);
    // Ink renders only a final frame when it thinks it runs in CI (CI=true); review has just checked that it
    // owns an interactive terminal, so it must draw live frames whatever the environment says. The variables are
    // removed, not set to 'false': supports-color turns colour off whenever CI is set at all. Ink's colour
    // library ignores NO_COLOR, so the palette tells it what to emit (colourEnv) before it loads.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    Object.assign(process.env, colourEnv(palette));
    // The article is on screen at once; the UI stack loads behind it (only when a screen will be drawn).
    process.stdout.write(ENTER_SCREEN);
    process.stdout.write(previewScreen(basename(mtPath), mt.text, process.stdout.columns || 80, process.stdout.rows || 24, palette !== 'plain'));
    const ui = await Promise.all([import('react'), import('ink'), import('../ui/components/ReviewSession.js')]).catch((err: unknown) => {
      process.stdout.write(LEAVE_SCREEN);
      throw err;
    });
    const [{ createElement }, { render }, { ReviewSession }] = ui;
    process.stdout.write('\x1b[H\x1b[2J');
    let final: ReviewFile | undefined;
    try {
      const app = render(
        createElement(ReviewSession, {
          mtLabel: basename(mtPath),
          mtText: mt.text,
          reviewPath,
          palette,
          autoAdvance: opts.autoAdvance !== false,
          exports: { mtText: mt.text, mtPath, reportDir: opts.reportDir, inputs: identities([mtPath, ...refPaths, reviewPath]) },
          load: async (step) => {
            step({ stage: 'model' });
            const analyzer = await createAnalyzer({ model: opts.model, allowRemote: opts.allowRemote });
            const analysis = await analyzer.analyze(mt, refs, options, (stage, done, total) => {
              step(stage === 'embedding' ? { stage, done, total } : { stage });
            });
            const placed = attachReview(review, analysis, mt.text);
            const notice = placed.moved || placed.unplaced.length ? `the MT text changed: ${placed.moved} review item(s) moved with their text, ${placed.unplaced.length} not placed (? lists them, the file keeps them)` : undefined;
            return { analysis, review: placed.review, unplaced: placed.unplaced, notice };
          },
        }),
        { exitOnCtrlC: true },
      );
      final = (await app.waitUntilExit()) as ReviewFile | undefined;
    } finally {
      process.stdout.write(LEAVE_SCREEN);
    }
    const failed = failedReviewSaves();
    if (failed > 0) throw outputError(`${reviewPath}: ${failed} save${failed === 1 ? '' : 's'} failed; the last decisions shown were not all written`);
    if (final) {
      const decided = Object.keys(final.decisions).length;
      process.stderr.write(`mtdiff: review saved to ${escapeControls(reviewPath)} (${decided} decision${decided === 1 ? '' : 's'})\n`);
    }
  });
}
