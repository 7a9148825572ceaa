import { useMemo } from 'react';
import { useApp, useInput, type Key } from 'ink';
import type { Analysis } from '../../core/types.js';
import type { ReviewFile, Unplaced } from '../../review/file.js';
import { buildModel } from '../model.js';
import { keyToCommand } from '../keys.js';
import { existingFiles, exportDir, planExport, writeExport } from '../export.js';
import type { Palette } from '../palette.js';
import { modelFor } from '../state.js';
import { useTerminalSize, type Size } from '../useTerminalSize.js';
import { errorText, useReviewState } from '../useReviewState.js';
import { Screen, screenBudget } from './Screen.js';
import { FOOTER_ROWS, HEADER_ROWS } from '../layout.js';
import { helpMaxOffset } from '../views/footer.js';

export interface ExportSettings {
  /** The MT text as read (the corrected article and the MQM table are cut from it). */
  mtText: string;
  /** Where the MT file is (exports go next to it) and --report-dir, when given. */
  mtPath: string;
  reportDir?: string;
  /** Identities of the inputs: an export never lands on one. */
  inputs?: ReadonlySet<string>;
  date?: () => string;
}

export interface ReviewAppProps {
  analysis: Analysis;
  /** The loaded (or fresh) review file, placed in this text; its decisions and position are where the screen starts. */
  review: ReviewFile;
  reviewPath: string;
  /** What `x` needs; without it `x` says export is not available. */
  exports?: ExportSettings;
  palette?: Palette;
  /** Move on to the next undecided flag after each decision (A toggles it). */
  autoAdvance?: boolean;
  /** Review items this version of the text has no place for (listed in the help screen). */
  unplaced?: readonly Unplaced[];
  /** A first status line (e.g. how the review file was placed in an edited text). */
  notice?: string;
  /** Fixed size instead of the terminal's (tests). */
  size?: Size;
  /** Clock for decision times (tests). */
  now?: () => Date;
}

function exportFiles(analysis: Analysis, file: ReviewFile, settings: ExportSettings, overwrite: boolean): { written?: string[]; existing?: string[] } {
  const plan = planExport(analysis, file, settings.mtText, exportDir(settings.mtPath, settings.reportDir), settings.date?.());
  const existing = existingFiles(plan);
  if (existing.length > 0 && !overwrite) return { existing };
  return { written: writeExport(plan, settings.inputs) };
}

/** A stable empty list, so the model is not rebuilt on every render. */
const NOTHING_UNPLACED: readonly Unplaced[] = [];

/** One character of a burst as the key it was typed as: Enter, Tab and Backspace arrive as raw bytes. */
function burstKey(ch: string, key: Key): [string, Key] {
  if (ch === '\r' || ch === '\n') return ['', { ...key, return: true }];
  if (ch === '\t') return ['', { ...key, tab: true }];
  if (ch === '\x7f' || ch === '\b') return ['', { ...key, delete: true }];
  return [ch, key];
}

/**
 * The review screen. State changes go through the pure reducer (saved by useReviewState); this component
 * maps keys to them and runs the two other side effects: exporting and quitting, which ends the app with the
 * final review file.
 */
export function ReviewApp({ analysis, review, reviewPath, exports, palette = 'colour', autoAdvance = true, unplaced = review.unplaced ?? NOTHING_UNPLACED, notice, size, now = () => new Date() }: ReviewAppProps) {
  const model = useMemo(() => buildModel(analysis, { palette, unplaced }), [analysis, palette, unplaced]);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const { state, latest, apply, file } = useReviewState(model, review, reviewPath, autoAdvance, notice);

  const runExport = (overwrite: boolean): void => {
    if (!exports) return apply({ type: 'status', status: { text: 'export is not available here', tone: 'error' } });
    try {
      const result = exportFiles(analysis, file(), exports, overwrite);
      if (result.existing) return apply({ type: 'confirm', paths: result.existing });
      apply({ type: 'cancel' });
      apply({ type: 'status', status: { text: `written: ${result.written!.join(', ')}`, tone: 'info' } });
    } catch (err) {
      apply({ type: 'cancel' });
      apply({ type: 'status', status: { text: errorText(err), tone: 'error' } });
    }
  };

  /** Runs one key; false once the app is quitting. */
  const handle = (input: string, key: Key): boolean => {
    const current = latest();
    const page = Math.max(1, screenBudget(modelFor(model, current), current, columns, rows).top - 2);
    const command = keyToCommand(input, key, current, () => now().toISOString(), page);
    if (!command) return true;
    if (command.type === 'quit') {
      exit(file());
      return false;
    }
    if (command.type === 'export') {
      runExport(command.overwrite);
      return true;
    }
    if (command.type === 'scrollHelp') {
      // The help's length depends on the width: the bound is set here, so scrolling back up starts at once.
      const body = screenBudget(modelFor(model, current), current, columns, rows).rows - HEADER_ROWS - FOOTER_ROWS;
      apply({ ...command, max: helpMaxOffset(modelFor(model, current), columns, body) });
      return true;
    }
    apply(command);
    return true;
  };

  useInput((input, key) => {
    // Keys typed faster than the screen redraws arrive as one string ("jjj"); outside a text field each one
    // counts, and a field opened on the way receives the rest.
    if (input.length <= 1 || key.ctrl || key.meta || latest().mode.kind === 'input') {
      handle(input, key);
      return;
    }
    const chars = Array.from(input);
    for (let i = 0; i < chars.length; i++) {
      if (latest().mode.kind === 'input') {
        handle(chars.slice(i).join(''), key);
        return;
      }
      if (!handle(...burstKey(chars[i]!, key))) return;
    }
  });

  return <Screen model={modelFor(model, state)} state={state} columns={columns} rows={rows} reviewPath={reviewPath} />;
}
