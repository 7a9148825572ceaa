/**
 * Screen geometry, as plain arithmetic so it is testable without a terminal. The tunables are local
 * constants because they describe this screen only (not the analysis); they were chosen by trying 80x24,
 * 100x30 and 160x50 terminals.
 */

/** Smallest terminal the layout is drawn for; below it the app asks for a bigger window. */
export const MIN_SIZE = { columns: 40, rows: 12 } as const;
/** Share of the body rows the sentences / reference panes get at least (the rest: diff and flags). */
const TOP_SHARE = 0.5;
/** Rows the diff and flags keep however long the selected sentence is (2 diff rows, 4 flag rows). */
const MIN_LOWER = 6;
/** When diff and flags do not both fit, the diff still gets this share of the lower rows. */
const DIFF_SHARE = 0.4;
/** The MT sentences are what the reviewer reads; their pane is a little wider than the reference pane. */
const LEFT_SHARE = 0.55;
/** Lines an unselected sentence may take in the list before it is cut with an ellipsis. */
export const OTHER_SENTENCE_LINES = 2;
/** Of the rows left around the selected sentence, the share shown above it (context before, more after). */
const ABOVE_SHARE = 1 / 3;

export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 2;

export interface Budget {
  columns: number;
  /** Rows the app draws: one less than the terminal so Ink never has to clear the whole screen. */
  rows: number;
  /** Rows of the sentences and reference panes, title included. */
  top: number;
  /** Rows of the diff, title included. */
  diff: number;
  /** Rows of the flags pane, title included. */
  flags: number;
  left: number;
  right: number;
}

/** Column split of the top panes (known before any text is wrapped). */
export function columnsSplit(columns: number): { left: number; right: number } {
  const left = Math.floor((columns - 1) * LEFT_SHARE);
  return { left, right: columns - left - 1 };
}

/**
 * Row split. `need` is what the content would like, titles included: the selected sentence's rows in the
 * list, the diff's rows and the flag pane's rows. A long selected sentence borrows rows from below so it is
 * read whole; the diff gets what the flags leave, but never less than its share.
 */
export function budget(columns: number, terminalRows: number, need: { top: number; diff: number; flags: number }): Budget {
  const rows = terminalRows - 1;
  // Never more rows than the terminal has: a taller frame scrolls the header away and leaves stale lines.
  const body = Math.max(4, rows - HEADER_ROWS - FOOTER_ROWS);
  const lowerMin = Math.min(MIN_LOWER, body - 3);
  const top = Math.max(2, Math.min(Math.max(Math.ceil(body * TOP_SHARE), need.top), body - lowerMin));
  const lower = body - top;
  const share = Math.max(2, Math.floor(lower * DIFF_SHARE));
  const diff = Math.min(need.diff, Math.max(share, lower - need.flags), lower - 1);
  return { columns, rows, top, diff: Math.max(1, diff), flags: Math.max(0, lower - Math.max(1, diff)), ...columnsSplit(columns) };
}

/**
 * Which items of a list (by position) fit in `available` rows around the selected one: the selected item
 * always, then some context above, then as much as fits below, then above again.
 */
export function windowAround(count: number, selected: number, heightOf: (i: number) => number, available: number): { from: number; to: number } {
  if (count === 0) return { from: 0, to: 0 };
  const sel = Math.min(Math.max(0, selected), count - 1);
  let from = sel;
  let to = sel + 1;
  let used = heightOf(sel);
  const aboveLimit = Math.floor(Math.max(0, available - used) * ABOVE_SHARE);
  let above = 0;
  // The sentence before is always worth showing when it fits; more context above only up to the share.
  while (from > 0 && used + heightOf(from - 1) <= available && (from === sel || above + heightOf(from - 1) <= aboveLimit)) {
    above += heightOf(from - 1);
    used += heightOf(--from);
  }
  while (to < count && used + heightOf(to) <= available) used += heightOf(to++);
  while (from > 0 && used + heightOf(from - 1) <= available) used += heightOf(--from);
  return { from, to };
}
