import type { Key } from 'ink';
import type { Action, ReviewState } from './state.js';

/** Side effects the app runs itself; everything else is a reducer action. */
export type Command = Action | { type: 'quit' } | { type: 'export' };

/** The key bindings, in the order the help overlay and the README list them. */
export const BINDINGS: readonly (readonly [keys: string, what: string])[] = [
  ['↑ ↓  j k', 'previous / next sentence (in the flags pane: previous / next flag)'],
  ['PgUp PgDn  g G', 'page up / down, first / last sentence'],
  ['n N', 'next / previous flag (moves the sentence selection too)'],
  ['tab', 'switch pane: sentences / flags'],
  ['r', 'cycle through alternative reference matches'],
  ['/', 'search the MT text (enter: next sentence containing it; empty: repeat)'],
  ['f', 'cycle the filter: all, flagged, undecided, critical, major, minor, each category'],
  ['a', 'accept the selected flag (the error stands)'],
  ['d', 'dismiss the selected flag as a false alarm'],
  ['u', 'clear the decision on the selected flag'],
  ['e', 'edit the suggestion (enter saves, esc cancels)'],
  ['c', 'comment on the selected flag (enter saves, esc cancels)'],
  ['x', 'export the Markdown QA report to reports/'],
  ['?', 'help on / off'],
  ['q', 'quit (every change is already saved)'],
];

/** Short labels for the footer, most useful first; the footer shows as many as fit. */
export const FOOTER: readonly (readonly [keys: string, what: string])[] = [
  ['jk', 'move'],
  ['n/N', 'flag'],
  ['a', 'accept'],
  ['d', 'dismiss'],
  ['e', 'edit'],
  ['c', 'comment'],
  ['tab', 'pane'],
  ['r', 'ref'],
  ['/', 'find'],
  ['f', 'filter'],
  ['x', 'export'],
  ['u', 'undo'],
];

export function keyToCommand(input: string, key: Key, state: ReviewState, now: () => string, page: number): Command | undefined {
  const mode = state.mode;
  if (mode.kind === 'input') {
    if (key.return) return { type: 'submit', at: now() };
    if (key.escape) return { type: 'cancel' };
    if (key.backspace || key.delete) return { type: 'erase' };
    if (key.ctrl || key.meta || key.tab || !input) return undefined;
    return { type: 'type', text: input };
  }
  if (mode.kind === 'help') return input === '?' || input === 'q' || key.escape ? { type: 'help' } : undefined;
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'move', delta: -page };
  if (key.pageDown) return { type: 'move', delta: page };
  if (key.home) return { type: 'jump', to: 'first' };
  if (key.end) return { type: 'jump', to: 'last' };
  if (key.tab) return { type: 'pane' };
  if (key.escape) return { type: 'status', status: undefined };
  if (key.ctrl || key.meta) return undefined;
  switch (input) {
    case 'k':
      return { type: 'move', delta: -1 };
    case 'j':
      return { type: 'move', delta: 1 };
    case 'g':
      return { type: 'jump', to: 'first' };
    case 'G':
      return { type: 'jump', to: 'last' };
    case 'n':
      return { type: 'flag', delta: 1 };
    case 'N':
      return { type: 'flag', delta: -1 };
    case 'r':
      return { type: 'match' };
    case 'f':
      return { type: 'filter' };
    case '?':
      return { type: 'help' };
    case 'a':
      return { type: 'decide', status: 'accepted', at: now() };
    case 'd':
      return { type: 'decide', status: 'dismissed', at: now() };
    case 'u':
      return { type: 'undecide' };
    case 'e':
      return { type: 'open', purpose: 'suggestion' };
    case 'c':
      return { type: 'open', purpose: 'comment' };
    case '/':
      return { type: 'open', purpose: 'search' };
    case 'x':
      return { type: 'export' };
    case 'q':
      return { type: 'quit' };
    default:
      return undefined;
  }
}
