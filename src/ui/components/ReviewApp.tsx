import { useMemo } from 'react';
import { useApp, useInput, type Key } from 'ink';
import type { Analysis } from '../../core/types.js';
import type { ReviewFile } from '../../review/file.js';
import { buildModel } from '../model.js';
import { keyToCommand } from '../keys.js';
import { exportReport } from '../export.js';
import { useTerminalSize, type Size } from '../useTerminalSize.js';
import { errorText, useReviewState } from '../useReviewState.js';
import { Screen, screenBudget } from './Screen.js';

export interface ReviewAppProps {
  analysis: Analysis;
  /** The loaded (or fresh) review file; its decisions and position are where the screen starts. */
  review: ReviewFile;
  reviewPath: string;
  /** Writes the Markdown report for the current decisions and returns its path (default: reports/<mt stem>.md). */
  onExport?: (analysis: Analysis, review: ReviewFile) => string;
  /** Fixed size instead of the terminal's (tests). */
  size?: Size;
  /** Clock for decision times (tests). */
  now?: () => Date;
}

/**
 * The review screen. State changes go through the pure reducer (saved by useReviewState); this component
 * maps keys to them and runs the two other side effects: exporting the report and quitting, which ends the
 * app with the final review file.
 */
export function ReviewApp({ analysis, review, reviewPath, onExport = exportReport, size, now = () => new Date() }: ReviewAppProps) {
  const model = useMemo(() => buildModel(analysis), [analysis]);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const { state, latest, apply, file } = useReviewState(model, review, reviewPath);

  /** Runs one key; false once the app is quitting. */
  const handle = (input: string, key: Key): boolean => {
    const page = Math.max(1, screenBudget(model, latest(), columns, rows).top - 2);
    const command = keyToCommand(input, key, latest(), () => now().toISOString(), page);
    if (!command) return true;
    if (command.type === 'quit') {
      exit(file());
      return false;
    }
    if (command.type === 'export') {
      try {
        apply({ type: 'status', status: { text: `report written to ${onExport(analysis, file())}`, tone: 'info' } });
      } catch (err) {
        apply({ type: 'status', status: { text: errorText(err), tone: 'error' } });
      }
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
      if (!handle(chars[i]!, key)) return;
    }
  });

  return <Screen model={model} state={state} columns={columns} rows={rows} reviewPath={reviewPath} />;
}
