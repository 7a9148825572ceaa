import type { Analysis, Category, Flag } from '../core/types.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import { verdict } from '../format/text.js';
import { mqmPenalty } from '../score/mqm.js';
import type { ReviewFile } from '../review/file.js';
import { decisionFor, flagKey } from '../review/file.js';
import { bar, scoreBands } from './chart.js';
import { codeSpan, inline } from './escape.js';
import { fileName, penalty, plural, score, sentenceAnchor, sentenceNo } from './format.js';
import { REPORT_LAYOUT } from './layout.js';
import { table } from './table.js';

function reviewLine(analysis: Analysis, review: ReviewFile): string {
  const decisions = analysis.flags.map((f) => decisionFor(review, f)?.status);
  const accepted = decisions.filter((d) => d === 'accepted').length;
  const dismissed = decisions.filter((d) => d === 'dismissed').length;
  const current = new Set(analysis.flags.map(flagKey));
  const stale = Object.keys(review.decisions).filter((k) => !current.has(k)).length;
  const staleNote = stale ? `; ${plural(stale, 'decision')} refer${stale === 1 ? 's' : ''} to flags this analysis no longer finds` : '';
  return `- Review: ${accepted} accepted, ${dismissed} dismissed, ${analysis.flags.length - accepted - dismissed} open${staleNote}`;
}

function facts(analysis: Analysis, review: ReviewFile | undefined, date: string): string[] {
  const refs = analysis.refs.map((r) => {
    const unmatched = r.unmatched.length ? `, ${r.unmatched.length} not matched` : '';
    return `  - ${codeSpan(fileName(r.id))} (${plural(r.sentences, 'sentence')}${unmatched})`;
  });
  return [
    `- Document score: **${score(analysis.score)}** (0 to 1, higher is better)`,
    `- MQM penalty: **${penalty(analysis.mqm)}** (${penalty(analysis.mqmPer100)} per 100 words; ${plural(analysis.words, 'word')}, ${plural(analysis.sentences.length, 'sentence')})`,
    ...(review ? [reviewLine(analysis, review)] : []),
    ...(analysis.filter?.belowThreshold ? [`- Flags shown: confidence at least ${analysis.filter.minConfidence}; ${plural(analysis.filter.belowThreshold, 'less certain flag')} hidden (\`--all-flags\` shows them)`] : []),
    `- Alignment mode: ${inline(analysis.mode)}`,
    `- References:`,
    ...refs,
    `- Signature: ${codeSpan(analysis.signature)}`,
    `- Date: ${inline(date)}`,
  ];
}

function chart(analysis: Analysis): string {
  const bands = scoreBands(analysis.sentences);
  const most = Math.max(1, ...bands.map((b) => b.sentences.length));
  const rows = bands.map((b) => [
    `${b.low.toFixed(1)}–${b.high.toFixed(1)}`,
    String(b.sentences.length),
    bar(b.sentences.length / most, REPORT_LAYOUT.barWidth),
    b.sentences.map((i) => `[${sentenceNo(i)}](${sentenceAnchor(i)})`).join(', '),
  ]);
  return table(['Score', 'Sentences', 'Share', 'Which'], rows, ['left', 'right', 'left', 'left']);
}

function countRow(label: string, flags: readonly Flag[]): string[] {
  const bySeverity = SEVERITIES.map((s) => String(flags.filter((f) => f.severity === s).length));
  return [label, ...bySeverity, String(flags.length), penalty(mqmPenalty(flags))];
}

function counts(flags: readonly Flag[]): string {
  if (flags.length === 0) return 'No flags.';
  const used = CATEGORIES.filter((c: Category) => flags.some((f) => f.category === c));
  const rows = [...used.map((c) => countRow(inline(c), flags.filter((f) => f.category === c))), countRow('**Total**', flags)];
  return table(['Category', ...SEVERITIES, 'Total', 'MQM'], rows, ['left', 'right', 'right', 'right', 'right', 'right']);
}

export function summarySection(analysis: Analysis, review: ReviewFile | undefined, date: string): string {
  return [
    `# Translation QA report: ${inline(fileName(analysis.mt))}`,
    `**${inline(verdict(analysis))}**`,
    facts(analysis, review, date).join('\n'),
    '### Sentence scores',
    chart(analysis),
    '### Flags by category and severity',
    counts(analysis.flags),
  ].join('\n\n');
}
