import { basename } from 'node:path';
import type { Match } from '../../core/types.js';
import type { ReviewModel } from '../model.js';
import type { ReviewState } from '../state.js';
import { diffSegs } from '../segments.js';
import { clean, fitLine, wrapSegments, wrapText, type Seg } from '../text.js';
import { paneTitle } from './sentences.js';

export function selectedMatch(model: ReviewModel, state: ReviewState): Match | undefined {
  const matches = model.analysis.sentences[state.sentence]?.matches ?? [];
  return matches[state.match] ?? matches[0];
}

function where(m: Match): string {
  const range = m.merged !== undefined ? `#${m.index + 1}-${m.merged + 1}` : `#${m.index + 1}`;
  return `${clean(basename(m.ref))} ${range}`;
}

/** The right pane: the chosen reference match of the selected sentence, with its article and similarity. */
export function matchLines(model: ReviewModel, state: ReviewState, width: number): Seg[][] {
  const s = model.analysis.sentences[state.sentence];
  if (!s) return [paneTitle('Reference', false, width)];
  const m = selectedMatch(model, state);
  const title = m
    ? paneTitle(`Reference ${state.match + 1}/${s.matches.length} · sim ${m.similarity.toFixed(3)} · ${where(m)}`, false, width)
    : paneTitle('Reference: none close enough', false, width);
  const stats = `sentence ${s.index + 1}: score ${s.score.toFixed(3)} · sim ${s.similarity.toFixed(3)} · MQM ${s.mqm}${s.unsupported ? ' · UNSUPPORTED by the references' : ''}`;
  const lines: Seg[][] = [title, fitLine([{ text: stats, style: { dim: !s.unsupported, color: s.unsupported ? 'magenta' : undefined } }], width)];
  if (m) lines.push(...wrapText(clean(m.text), width));
  else lines.push(...wrapText('No reference sentence is similar enough to support this one.', width, { dim: true }));
  return lines;
}

/** The word diff of the selected pair: `[-only MT-]` and `{+only reference+}`, coloured too. */
export function diffLines(model: ReviewModel, state: ReviewState, width: number): Seg[][] {
  const s = model.analysis.sentences[state.sentence];
  const m = selectedMatch(model, state);
  const title: Seg[] = fitLine(
    [
      { text: 'Diff MT → reference ', style: { bold: true } },
      { text: '[-only MT-]', style: { color: 'red', bold: true } },
      { text: ' ' },
      { text: '{+only reference+}', style: { color: 'green', bold: true } },
    ],
    width,
  );
  if (!s || !m) return [title, ...wrapText('(no reference to compare with)', width, { dim: true })];
  return [title, ...wrapSegments(diffSegs(s.text, m.text), width)];
}
