import { basename } from 'node:path';
import { SEVERITIES } from '../../core/types.js';
import type { Decision } from '../../review/file.js';
import { severityCounts, type ReviewModel } from '../model.js';
import { SEVERITY_COLOR } from '../segments.js';
import { clean, fitLine, type Seg } from '../text.js';

/** Document score, MQM penalty, flag counts by severity and review progress; then the file and the signature. */
export function headerLines(model: ReviewModel, decisions: Record<string, Decision>, width: number): Seg[][] {
  const a = model.analysis;
  const counts = severityCounts(a.flags);
  const decided = model.keys.filter((k) => decisions[k] !== undefined).length;
  const per100 = Number(a.mqmPer100.toFixed(2));
  const line: Seg[] = [{ text: `score ${a.score.toFixed(3)}  MQM ${a.mqm} (${per100}/100w)  `, style: { bold: true } }];
  for (const s of SEVERITIES) {
    line.push({ text: `${s} ${counts[s]}`, style: counts[s] ? { color: SEVERITY_COLOR[s], bold: true } : { dim: true } }, { text: '  ' });
  }
  line.push({ text: `decided ${decided}/${a.flags.length}`, style: { bold: decided === a.flags.length } });
  const file: Seg = { text: `${clean(basename(a.mt))}  `, style: { bold: true } };
  return [fitLine(line, width), fitLine([file, { text: clean(a.signature), style: { dim: true } }], width)];
}
