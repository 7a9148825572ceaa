import { BINDINGS, FOOTER } from '../keys.js';
import type { ReviewState } from '../state.js';
import { clean, fitLine, textWidth, wrapText, type Seg } from '../text.js';

const PROMPTS = { search: 'search', suggestion: 'your suggestion', comment: 'comment' } as const;

function statusLine(state: ReviewState, reviewPath: string, width: number): Seg[] {
  const mode = state.mode;
  if (mode.kind === 'input') {
    const label: Seg = { text: `${PROMPTS[mode.purpose]}: `, style: { bold: true, color: 'cyan' } };
    const typed = clean(mode.text);
    // Long input scrolls: the end (where the cursor is) stays visible.
    const room = Math.max(4, width - textWidth(label.text) - 1);
    const chars = Array.from(typed);
    let start = chars.length;
    while (start > 0 && textWidth(chars.slice(start - 1).join('')) <= room - 1) start--;
    return [label, { text: chars.slice(start).join('') }, { text: '█' }];
  }
  if (state.status) return fitLine([{ text: clean(state.status.text), style: state.status.tone === 'error' ? { color: 'red', bold: true } : { color: 'cyan' } }], width);
  return fitLine([{ text: `review file ${clean(reviewPath)} (saved after every change)`, style: { dim: true } }], width);
}

function keysLine(state: ReviewState, width: number): Seg[] {
  const items: (readonly [string, string])[] =
    state.mode.kind === 'input'
      ? [['enter', state.mode.purpose === 'search' ? 'search' : 'save'], ['esc', 'cancel'], ['backspace', 'erase']]
      : state.mode.kind === 'help'
        ? [['? esc q', 'close help']]
        : [...FOOTER];
  const tail: Seg[] = state.mode.kind === 'browse' ? [{ text: '?', style: { bold: true } }, { text: ' help  ' }, { text: 'q', style: { bold: true } }, { text: ' quit' }] : [];
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

/** The help overlay: every binding, the marks and the diff notation. */
export function helpLines(width: number): Seg[][] {
  const keyWidth = Math.max(...BINDINGS.map(([k]) => textWidth(k))) + 2;
  const lines: Seg[][] = [[{ text: 'Keys', style: { bold: true, inverse: true } }]];
  for (const [k, what] of BINDINGS) {
    const wrapped = wrapText(what, Math.max(10, width - keyWidth));
    wrapped.forEach((l, i) => lines.push([{ text: (i === 0 ? k : '').padEnd(keyWidth), style: { bold: true } }, ...l]));
  }
  lines.push([]);
  lines.push(...wrapText('Marks: C critical, M major, m minor (undecided flags); ✓ accepted, ✗ dismissed. Diff: [-only in the MT-] {+only in the reference+}.', width, { dim: true }));
  lines.push(...wrapText('Decisions go to the review file at once; reopening resumes where you stopped. Sentence numbers count from 1, like the report.', width, { dim: true }));
  return lines;
}
