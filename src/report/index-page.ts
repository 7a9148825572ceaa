import type { Analysis } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { verdict } from '../format/text.js';
import type { QualityNumbers } from '../review/numbers.js';
import { inline, link } from './escape.js';
import { penalty, plural, score } from './format.js';
import { table } from './table.js';

export interface IndexEntry {
  /** The item's label (usually the MT file name). */
  id: string;
  /** Its report, relative to the index page. */
  path: string;
  analysis?: Analysis;
  /** The numbers after review, when a review file lies next to the item's MT: the row shows these. */
  afterReview?: QualityNumbers;
  /** Why the item could not be analysed. */
  error?: string;
}

/** "Needs revision: 0 critical, 3 major, 0 minor" -> "Needs revision": the counts have their own columns. */
const verdictLabel = (e: Pick<IndexEntry, 'afterReview'> & { analysis: Analysis }): string => (e.afterReview?.verdict ?? verdict(e.analysis)).split(':')[0]!;
const mqmPer100 = (e: Pick<IndexEntry, 'afterReview'> & { analysis: Analysis }): number => e.afterReview?.mqmPer100 ?? e.analysis.mqmPer100;

function row(e: IndexEntry & { analysis: Analysis }): string[] {
  const a = e.analysis;
  const count = (s: (typeof SEVERITIES)[number]) => e.afterReview?.counts[s] ?? a.flags.filter((f) => f.severity === s).length;
  return [
    inline(e.id),
    inline(verdictLabel(e)) + (e.afterReview ? ' (after review)' : ''),
    score(a.score),
    penalty(e.afterReview?.mqm ?? a.mqm),
    penalty(mqmPer100(e)),
    ...SEVERITIES.map((s) => String(count(s))),
    link('report', e.path),
  ];
}

const VERDICTS = ['Needs revision', 'Minor issues', 'No issues found'];

/**
 * Worst first by MQM per 100 words (ties: lower score first, then the caller's order): the penalty separates
 * machine translation from human English on the seeds, the score does not (BENCHMARKS.md).
 */
function worstFirst<T extends IndexEntry & { analysis: Analysis }>(entries: readonly T[]): T[] {
  const key = (x: number) => (Number.isFinite(x) ? x : Infinity);
  return [...entries].sort((a, b) => key(mqmPer100(b)) - key(mqmPer100(a)) || a.analysis.score - b.analysis.score);
}

/** The batch index page: one row per analysed item, worst first, then the items that failed. Pure. */
export function renderIndex(entries: readonly IndexEntry[], date: string): string {
  const done = worstFirst(entries.filter((e): e is IndexEntry & { analysis: Analysis } => e.analysis !== undefined && e.error === undefined));
  const failed = entries.filter((e) => e.analysis === undefined || e.error !== undefined);
  const verdicts = VERDICTS.map((v) => `${done.filter((e) => verdictLabel(e) === v).length} ${v.toLowerCase()}`).join(', ');
  const parts = [
    '# Translation QA reports',
    `${inline(date)} · ${plural(entries.length, 'item')} · ${done.length} analysed · ${failed.length} failed`,
    ...(done.length ? [`Verdicts: ${verdicts}. Worst first by MQM per 100 words.`] : []),
  ];
  if (done.length) {
    const header = ['Item', 'Verdict', 'Score', 'MQM', 'MQM per 100 words', ...SEVERITIES, 'Report'];
    parts.push(table(header, done.map((e) => row(e)), ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right']));
  }
  if (failed.length) {
    parts.push('## Not analysed', failed.map((e) => `- ${inline(e.id)}: ${inline(e.error ?? 'no analysis')}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
