import type { Key } from 'ink';
import { SEVERITY_KEYS, type Action, type ReviewState } from './state.js';
import type { LineEdit } from './line.js';

/** Side effects the app runs itself; everything else is a reducer action. */
export type Command = Action | { type: 'quit' } | { type: 'export'; overwrite: boolean };

/** The key bindings, in the order the help overlay and the README list them. */
export const BINDINGS: readonly (readonly [keys: string, what: string])[] = [
  ['↑ ↓  j k', 'previous / next sentence (in the flags pane: previous / next flag)'],
  ['PgUp PgDn  g G', 'page up / down, first / last sentence (Home/End too)'],
  ['n N', 'next / previous flag (moves the sentence selection too)'],
  ['space', 'next undecided flag'],
  ['tab', 'switch pane: sentences / flags'],
  ['r', 'cycle through alternative reference matches'],
  ['/', 'search the MT text (enter: next sentence containing it; empty: repeat)'],
  ['f', 'cycle the filter: all, flagged, undecided, unsupported, low scores, critical, major, minor, each category'],
  ['a', 'accept the selected flag (the error stands)'],
  ['d', 'dismiss the selected flag as a false alarm (an added error: remove it)'],
  ['1 2 3', 'accept the flag as minor / major / critical'],
  ['t', 'change the category (first letter or ← → and enter)'],
  ['i', 'add an error mtdiff missed: select words (← → move, shift+← → or H L extend), enter, category, severity, fix'],
  ['o / w', 'mark the sentence OK / needs rewrite (again: remove the mark)'],
  ['A', 'auto-advance to the next undecided flag after a decision: on / off (on at start)'],
  ['backspace', 'clear the decision on the selected flag'],
  ['u / U', 'undo / redo any change (also Ctrl-Z / Ctrl-R)'],
  ['e', 'edit the fix: ← → Home End, Ctrl-A/E start/end, Ctrl-U/K delete to start/end, Ctrl-W word; enter saves, esc cancels'],
  ['c', 'comment on the selected flag (same keys; enter saves, esc cancels)'],
  ['x', 'export next to the MT file (or --report-dir): report, corrected article with its diff, MQM table; asks before overwriting'],
  ['?', 'help on / off (j k PgUp PgDn scroll it)'],
  ['q', 'quit (every change is already saved)'],
];

/** Short labels for the footer, most useful first; the footer shows as many as fit. */
export const FOOTER: readonly (readonly [keys: string, what: string])[] = [
  ['a/d', 'accept/dismiss'],
  ['1-3', 'severity'],
  ['space', 'next open'],
  ['jk', 'move'],
  ['n/N', 'flag'],
  ['t', 'category'],
  ['i', 'add'],
  ['o/w', 'ok/rewrite'],
  ['u/U', 'undo/redo'],
  ['e', 'fix'],
  ['c', 'comment'],
  ['x', 'export'],
  ['f', 'filter'],
  ['tab', 'pane'],
  ['r', 'ref'],
  ['/', 'find'],
];

function lineEdit(input: string, key: Key): LineEdit | undefined {
  if (key.leftArrow) return { op: key.ctrl || key.meta ? 'wordLeft' : 'left' };
  if (key.rightArrow) return { op: key.ctrl || key.meta ? 'wordRight' : 'right' };
  if (key.home) return { op: 'home' };
  if (key.end) return { op: 'end' };
  // Ink reports the Backspace key of most terminals (DEL, 0x7f) as `delete`, like the forward Delete key:
  // both erase backwards; Ctrl-D deletes forwards.
  if (key.backspace || key.delete) return { op: 'backspace' };
  if (key.ctrl) {
    const ops: Record<string, LineEdit['op']> = { a: 'home', e: 'end', u: 'killStart', k: 'killEnd', w: 'killWord', b: 'left', f: 'right', h: 'backspace', d: 'delete' };
    const op = ops[input];
    return op ? ({ op } as LineEdit) : undefined;
  }
  if (key.meta) return input === 'b' ? { op: 'wordLeft' } : input === 'f' ? { op: 'wordRight' } : undefined;
  return undefined;
}

function modalKey(input: string, key: Key, state: ReviewState, now: () => string, page: number): Command | undefined | false {
  const mode = state.mode;
  switch (mode.kind) {
    case 'input': {
      if (key.return) return { type: 'submit', at: now() };
      if (key.escape) return { type: 'cancel' };
      const edit = lineEdit(input, key);
      if (edit) return { type: 'edit', edit };
      if (key.ctrl || key.meta || key.tab || !input) return undefined;
      return { type: 'type', text: input };
    }
    case 'help':
      if (input === '?' || input === 'q' || key.escape) return { type: 'help' };
      if (key.downArrow || input === 'j') return { type: 'scrollHelp', delta: 1 };
      if (key.upArrow || input === 'k') return { type: 'scrollHelp', delta: -1 };
      if (key.pageDown || input === ' ') return { type: 'scrollHelp', delta: page };
      if (key.pageUp) return { type: 'scrollHelp', delta: -page };
      if (input === 'g' || key.home) return { type: 'scrollHelp', delta: -Infinity };
      if (input === 'G' || key.end) return { type: 'scrollHelp', delta: Infinity };
      return undefined;
    case 'select':
      if (key.escape) return { type: 'cancel' };
      if (key.return) return { type: 'pickOpen' };
      if (key.leftArrow || input === 'h') return { type: 'selectMove', delta: -1, extend: key.shift };
      if (key.rightArrow || input === 'l') return { type: 'selectMove', delta: 1, extend: key.shift };
      if (input === 'H') return { type: 'selectMove', delta: -1, extend: true };
      if (input === 'L') return { type: 'selectMove', delta: 1, extend: true };
      return undefined;
    case 'pick':
      if (key.escape) return { type: 'cancel' };
      if (key.return) return { type: 'submit', at: now() };
      if (key.leftArrow || key.upArrow || input === 'k' || input === 'h') return { type: 'pickMove', delta: -1 };
      if (key.rightArrow || key.downArrow || input === 'j' || input === 'l') return { type: 'pickMove', delta: 1 };
      return input ? { type: 'pickKey', key: input, at: now() } : undefined;
    case 'confirm':
      if (input === 'y' || input === 'Y') return { type: 'export', overwrite: true };
      return { type: 'cancel' };
    case 'browse':
      return false;
  }
}

export function keyToCommand(input: string, key: Key, state: ReviewState, now: () => string, page: number): Command | undefined {
  const modal = modalKey(input, key, state, now, page);
  if (modal !== false) return modal;
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'move', delta: -page };
  if (key.pageDown) return { type: 'move', delta: page };
  if (key.home) return { type: 'jump', to: 'first' };
  if (key.end) return { type: 'jump', to: 'last' };
  if (key.tab) return { type: 'pane' };
  if (key.escape) return { type: 'status', status: undefined };
  if (key.backspace || key.delete) return { type: 'undecide' };
  if (key.ctrl) return input === 'z' ? { type: 'undo' } : input === 'r' ? { type: 'redo' } : undefined;
  if (key.meta) return undefined;
  const severity = SEVERITY_KEYS[input];
  if (severity) return { type: 'decide', status: 'accepted', severity, at: now() };
  const simple: Record<string, Command> = {
    k: { type: 'move', delta: -1 },
    j: { type: 'move', delta: 1 },
    g: { type: 'jump', to: 'first' },
    G: { type: 'jump', to: 'last' },
    n: { type: 'flag', delta: 1 },
    N: { type: 'flag', delta: -1 },
    ' ': { type: 'nextUndecided' },
    r: { type: 'match' },
    f: { type: 'filter' },
    '?': { type: 'help' },
    u: { type: 'undo' },
    U: { type: 'redo' },
    A: { type: 'autoAdvance' },
    t: { type: 'pickOpen' },
    i: { type: 'select' },
    e: { type: 'open', purpose: 'suggestion' },
    c: { type: 'open', purpose: 'comment' },
    '/': { type: 'open', purpose: 'search' },
    x: { type: 'export', overwrite: false },
    q: { type: 'quit' },
  };
  if (input === 'a' || input === 'd') return { type: 'decide', status: input === 'a' ? 'accepted' : 'dismissed', at: now() };
  if (input === 'o' || input === 'w') return { type: 'mark', status: input === 'o' ? 'ok' : 'rewrite', at: now() };
  return simple[input];
}
