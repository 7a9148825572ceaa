import { BINDINGS, FOOTER } from '../keys.js';
import { describeUnplaced } from '../../review/attach.js';
import type { ReviewModel } from '../model.js';
import { pickOptions, pickShortcut, type ReviewState } from '../state.js';
import { clean, cut, fitLine, textWidth, wrapText, type Seg } from '../text.js';

const PROMPTS = { search: 'search', suggestion: 'your fix', comment: 'comment' } as const;

/** The field with its cursor: the character under it in reverse video (a block at the end); long text scrolls. */
function inputLine(label: string, text: string, cursor: number, width: number): Seg[] {
  const head: Seg = { text: `${label}: `, style: { bold: true, color: 'cyan' } };
  const chars = Array.from(text).map((c) => clean(c));
  const room = Math.max(4, width - textWidth(head.text) - 1);
  let start = 0;
  while (start < cursor && textWidth(chars.slice(start, cursor + 1).join('')) > room - 1) start++;
  const before = chars.slice(start, cursor).join('');
  const under = chars[cursor];
  const after = cut(chars.slice(cursor + 1).join(''), Math.max(0, room - textWidth(before) - 1));
  return [head, { text: before }, under === undefined ? { text: '█' } : { text: under, style: { inverse: true } }, { text: after }];
}

function pickLine(state: ReviewState, width: number): Seg[] {
  if (state.mode.kind !== 'pick') return [];
  const { purpose, index } = state.mode;
  const label: Seg = { text: `${purpose === 'category' ? 'category' : 'severity'}: `, style: { bold: true, color: 'cyan' } };
  const options = pickOptions(purpose);
  const segs: Seg[] = [label];
  // Start the list so that the chosen option is on screen.
  let from = 0;
  const cellWidth = (i: number) => textWidth(`${pickShortcut(purpose, options[i]!)} ${options[i]!}  `);
  while (from < index && options.slice(from, index + 1).reduce((w, _, k) => w + cellWidth(from + k), textWidth(label.text)) > width - 2) from++;
  if (from > 0) segs.push({ text: '… ' });
  for (let i = from; i < options.length; i++) {
    const chosen = i === index;
    segs.push({ text: pickShortcut(purpose, options[i]!), style: { bold: true, underline: true } }, { text: ` ${options[i]!}`, style: chosen ? { inverse: true, bold: true } : undefined }, { text: '  ' });
  }
  return fitLine(segs, width);
}

function statusLine(state: ReviewState, reviewPath: string, width: number): Seg[] {
  const mode = state.mode;
  if (mode.kind === 'input') return inputLine(PROMPTS[mode.purpose], mode.text, mode.cursor, width);
  if (mode.kind === 'pick') return pickLine(state, width);
  if (mode.kind === 'confirm') {
    return fitLine([{ text: `overwrite ${mode.paths.map((p) => clean(p)).join(', ')}? `, style: { bold: true, color: 'yellow' } }, { text: 'y', style: { bold: true, inverse: true } }, { text: ' yes, any other key: no' }], width);
  }
  if (state.status) return fitLine([{ text: clean(state.status.text), style: state.status.tone === 'error' ? { color: 'red', bold: true, inverse: true } : { color: 'cyan' } }], width);
  return fitLine([{ text: `review file ${clean(reviewPath)} (saved after every change)${state.autoAdvance ? ' · auto-advance on' : ''}`, style: { dim: true } }], width);
}

const MODE_KEYS: Record<string, readonly (readonly [string, string])[]> = {
  search: [['enter', 'search'], ['esc', 'cancel'], ['← →', 'cursor'], ['^A ^E', 'start/end'], ['^U ^K ^W', 'delete']],
  field: [['enter', 'save'], ['esc', 'cancel'], ['← →', 'cursor'], ['^A ^E', 'start/end'], ['^U ^K ^W', 'delete']],
  help: [['j k PgUp PgDn', 'scroll'], ['? esc q', 'close help']],
  select: [['← →', 'move'], ['shift+← →  H L', 'extend'], ['enter', 'choose'], ['esc', 'cancel']],
  pick: [['letter/digit', 'choose'], ['← →', 'move'], ['enter', 'choose'], ['esc', 'cancel']],
  confirm: [['y', 'overwrite'], ['any other key', 'keep the files']],
};

function keysLine(state: ReviewState, width: number): Seg[] {
  const mode = state.mode;
  const items =
    mode.kind === 'input' ? MODE_KEYS[mode.purpose === 'search' ? 'search' : 'field']! : mode.kind === 'browse' ? FOOTER : MODE_KEYS[mode.kind]!;
  const tail: Seg[] = mode.kind === 'browse' ? [{ text: '?', style: { bold: true } }, { text: ' help  ' }, { text: 'q', style: { bold: true } }, { text: ' quit' }] : [];
  const tailWidth = tail.reduce((w, s) => w + textWidth(s.text), 0);
  const out: Seg[] = [];
  let used = 0;
  for (const [k, what] of items) {
    const w = textWidth(`${k} ${what}  `);
    if (used + w + tailWidth > width) break;
    out.push({ text: k, style: { bold: true } }, { text: ` ${what}  ` });
    used += w;
  }
  return fitLine([...out, ...tail], width);
}

export function footerLines(state: ReviewState, reviewPath: string, width: number): Seg[][] {
  return [statusLine(state, reviewPath, width), keysLine(state, width)];
}

/** The help overlay: every binding, the marks and the diff notation, and what the review file could not place. */
export function helpLines(model: ReviewModel, width: number): Seg[][] {
  const keyWidth = Math.max(...BINDINGS.map(([k]) => textWidth(k))) + 2;
  const lines: Seg[][] = [[{ text: 'Keys', style: { bold: true, inverse: true } }]];
  for (const [k, what] of BINDINGS) {
    const wrapped = wrapText(what, Math.max(10, width - keyWidth));
    wrapped.forEach((l, i) => lines.push([{ text: (i === 0 ? k : '').padEnd(keyWidth), style: { bold: true } }, ...l]));
  }
  lines.push([]);
  lines.push(...wrapText('Marks: C critical, M major, m minor (undecided flags); ✓ accepted, ✗ dismissed, + added by you; R needs rewrite, o checked OK, ? unsupported by the references. Diff: [-only in the MT-] {+only in the reference+}.', width, { dim: true }));
  lines.push(...wrapText('Decisions go to the review file at once; reopening resumes where you stopped. Sentence numbers count from 1, like the report.', width, { dim: true }));
  if (model.unplaced.length > 0) {
    lines.push([]);
    lines.push([{ text: 'Not placed in this version of the text (kept in the review file)', style: { bold: true, inverse: true } }]);
    for (const u of model.unplaced) lines.push(...wrapText(`- ${clean(describeUnplaced(u))}`, width));
  }
  return lines;
}

/** The largest useful help offset for a body of `height` rows (0 when it all fits). */
export function helpMaxOffset(model: ReviewModel, width: number, height: number): number {
  const all = helpLines(model, width).length;
  return all <= height ? 0 : all - Math.max(1, height - 1);
}

/** A window of the help text from `offset`, with where it is when it does not fit. */
export function helpWindow(model: ReviewModel, width: number, height: number, offset: number): Seg[][] {
  const all = helpLines(model, width);
  if (all.length <= height) return all;
  const body = Math.max(1, height - 1);
  const from = Math.min(Math.max(0, offset), all.length - body);
  const shown = all.slice(from, from + body);
  return [...shown, fitLine([{ text: `lines ${from + 1}-${from + shown.length} of ${all.length} · j k PgUp PgDn scroll`, style: { dim: true, inverse: true } }], width)];
}
