import { basename } from 'node:path';
import { SEVERITIES } from '../../core/types.js';
import { reviewNumbers } from '../../review/numbers.js';
import { ADDED_PREFIX } from '../../review/file.js';
import type { ReviewModel } from '../model.js';
import { SEVERITY_COLOR } from '../segments.js';
import type { ReviewDoc } from '../state.js';
import { clean, fitLine, type Seg } from '../text.js';

/**
 * Document score, MQM penalty (mtdiff's, then after review), error counts after review, review progress;
 * then the file, what could not be placed, and the signature.
 */
export function headerLines(model: ReviewModel, doc: ReviewDoc, width: number): Seg[][] {
  const a = model.base;
  const n = reviewNumbers(a, doc);
  const q = n.afterReview;
  const total = model.analysis.flags.length;
  // The reviewer's own errors are decided by being added.
  const decided = model.keys.filter((k) => doc.decisions[k] !== undefined || k.startsWith(ADDED_PREFIX)).length;
  const changed = q.mqm !== n.mtdiff.mqm;
  const line: Seg[] = [
    { text: `score ${a.score.toFixed(3)}  MQM ${n.mtdiff.mqm}`, style: { bold: true } },
    ...(changed ? [{ text: ` → ${q.mqm} after review`, style: { bold: true, underline: true } }] : []),
    { text: ` (${Number(q.mqmPer100.toFixed(2))}/100w)  `, style: { bold: true } },
  ];
  for (const s of SEVERITIES) {
    line.push({ text: `${s} ${q.counts[s]}`, style: q.counts[s] ? { color: SEVERITY_COLOR[s], bold: true } : { dim: true } }, { text: '  ' });
  }
  line.push({ text: `decided ${decided}/${total}`, style: { bold: decided === total } });
  line.push({ text: ` · reviewed ${n.reviewedSentences}/${n.sentences} sentences`, style: { dim: true } });
  const file: Seg = { text: `${clean(basename(a.mt))}  `, style: { bold: true } };
  const unplaced: Seg[] = model.unplaced.length ? [{ text: `${model.unplaced.length} not placed in this text (? lists them)  `, style: { color: 'magenta', bold: true } }] : [];
  return [fitLine(line, width), fitLine([file, ...unplaced, { text: clean(a.signature), style: { dim: true } }], width)];
}
