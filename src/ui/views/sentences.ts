import { filterLabel, REVIEWER, visibleSentences, type ReviewModel } from '../model.js';
import { OTHER_SENTENCE_LINES, windowAround } from '../layout.js';
import { flagMark, sentenceMark, sentenceSegs } from '../segments.js';
import { selectedSpan, type ReviewState } from '../state.js';
import { PLAIN_MARKS, type Palette } from '../palette.js';
import { fitLine, lineText, textWidth, wrapSegments, type Seg } from '../text.js';

/** How many flag marks a list row shows before a `+`. */
const MARKS_SHOWN = 3;

export function paneTitle(text: string, focused: boolean, width: number, palette: Palette = 'colour'): Seg[] {
  const mark = focused && palette === 'plain' ? PLAIN_MARKS.focus : '';
  return fitLine([{ text: `${mark}${text}`, style: focused ? { inverse: true, bold: true } : { bold: true } }], width);
}

/** One sentence as list rows: selection arrow, number, flag marks, then the wrapped text, cut at `cap` rows. */
function sentenceRows(model: ReviewModel, state: ReviewState, i: number, width: number, cap: number): Seg[][] {
  const a = model.analysis;
  const selected = i === state.sentence;
  const digits = String(a.sentences.length).length;
  const prefixWidth = 2 + digits + 1 + MARKS_SHOWN + 2;
  const avail = Math.max(8, width - prefixWidth);
  const ids = model.bySentence[i] ?? [];
  const own = sentenceMark(state.marks[String(i)], a.sentences[i]!.unsupported);
  const room = own ? MARKS_SHOWN - 1 : MARKS_SHOWN;
  const marks = [...(own ? [own] : []), ...ids.slice(0, room).map((k) => flagMark(a.flags[k]!, state.decisions[model.keys[k]!], a.flags[k]!.detector === REVIEWER))];
  if (ids.length > room) marks.push({ text: '…' });
  const markWidth = marks.reduce((w, m) => w + textWidth(m.text), 0);
  const prefix: Seg[] = [
    { text: selected ? '▶ ' : '  ', style: selected ? { bold: true } : undefined },
    { text: String(i + 1).padStart(digits), style: selected ? { bold: true } : { dim: true } },
    { text: ' ' },
    ...marks,
    { text: ' '.repeat(Math.max(0, MARKS_SHOWN + 2 - markWidth)) },
  ];
  const span = selected ? selectedSpan(model, state) : undefined;
  const choosing = span ? { ...span, severity: 'major' as const } : undefined;
  const focus = choosing ?? (selected && state.flag !== undefined ? a.flags[state.flag] : undefined);
  const flags = [...ids.map((k) => a.flags[k]!), ...(choosing ? [choosing] : [])];
  let lines = wrapSegments(sentenceSegs(a.sentences[i]!, flags, focus, selected ? { bold: true } : undefined, model.palette), avail);
  if (lines.length > cap) {
    lines = lines.slice(0, Math.max(1, cap));
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = textWidth(lineText(last)) < avail ? [...last, { text: '…' }] : fitLine([...last, { text: '…' }], avail);
  }
  return lines.map((l, n) => [...(n === 0 ? prefix : [{ text: ' '.repeat(prefixWidth) }]), ...l]);
}

/** Rows the selected sentence would take in full, title included: what the layout tries to give the top panes. */
export function selectedSentenceNeed(model: ReviewModel, state: ReviewState, width: number): number {
  if (!model.analysis.sentences[state.sentence]) return 1;
  return 1 + sentenceRows(model, state, state.sentence, width, Infinity).length;
}

/** The left pane: a window of the visible sentences around the selected one, each with its flag marks. */
export function sentenceLines(model: ReviewModel, state: ReviewState, width: number, height: number): Seg[][] {
  const visible = visibleSentences(model, state.filter, state.decisions);
  const at = visible.indexOf(state.sentence);
  const filter = state.filter === 'all' ? '' : ` · filter ${filterLabel(state.filter)}`;
  const title = paneTitle(`Sentences ${at + 1}/${visible.length}${filter}`, state.pane === 'sentences', width, model.palette);
  if (visible.length === 0) {
    return [title, ...wrapSegments([{ text: `No sentence matches the filter "${filterLabel(state.filter)}"; f changes it.`, style: { dim: true } }], width)];
  }
  const cache = new Map<number, Seg[][]>();
  const rows = (pos: number): Seg[][] => {
    let r = cache.get(pos);
    if (!r) {
      const i = visible[pos]!;
      r = sentenceRows(model, state, i, width, i === state.sentence ? height - 1 : OTHER_SENTENCE_LINES);
      cache.set(pos, r);
    }
    return r;
  };
  const { from, to } = windowAround(visible.length, Math.max(0, at), (p) => rows(p).length, height - 1);
  const body: Seg[][] = [];
  for (let p = from; p < to; p++) body.push(...rows(p));
  return [title, ...body];
}
