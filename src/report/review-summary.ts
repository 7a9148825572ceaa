import { SEVERITIES, type Analysis } from '../core/types.js';
import { describeUnplaced } from '../review/attach.js';
import { reviewedErrors } from '../review/errors.js';
import { flagKey, type ReviewFile } from '../review/file.js';
import { reviewNumbers, type QualityNumbers } from '../review/numbers.js';
import { inline } from './escape.js';
import { penalty, plural, sentenceNo } from './format.js';
import { table } from './table.js';

function column(q: QualityNumbers): string[] {
  return [`**${penalty(q.mqm)}**`, penalty(q.mqmPer100), ...SEVERITIES.map((s) => String(q.counts[s])), inline(q.verdict.split(':')[0]!)];
}

/**
 * "mtdiff" and "after review" side by side, how much of the document was reviewed, the reviewer's own errors
 * and whatever the review file holds that this text has no place for. Only when a review file is given.
 */
export function reviewSummarySection(analysis: Analysis, review: ReviewFile): string {
  const n = reviewNumbers(analysis, review);
  const before = column(n.mtdiff);
  const after = column(n.afterReview);
  const labels = ['MQM penalty', 'per 100 words', ...SEVERITIES, 'Verdict'];
  const rows = labels.map((label, i) => [label, before[i]!, after[i]!]);
  const pct = Math.round(n.reviewedShare * 100);
  const lines = [
    '### mtdiff vs after review',
    table(['', 'mtdiff', 'after review'], rows, ['left', 'right', 'right']),
    `Reviewed: ${n.reviewedSentences} of ${plural(n.sentences, 'sentence')} (${pct}%); ${n.flags - n.open} of ${plural(n.flags, 'flag')} decided (${n.accepted} accepted, ${n.dismissed} dismissed), ${plural(n.added, 'error')} added by the reviewer, ${plural(n.rewrite, 'sentence')} marked "needs rewrite", ${n.ok} marked OK. After review, accepted flags and added errors count with the reviewer's severity, dismissed flags not at all, undecided flags as mtdiff found them; a sentence that needs a rewrite counts as at least one major error.`,
  ];
  const own = reviewedErrors(analysis, review).filter((e) => e.origin === 'reviewer');
  if (own.length > 0) {
    lines.push('#### Errors added by the reviewer');
    lines.push(
      table(
        ['Sentence', 'Text', 'Category', 'Severity', 'Fix', 'Comment'],
        own.map((e) => [String(sentenceNo(e.sentence)), inline(e.text), inline(e.category), e.severity, e.suggestion !== undefined ? inline(e.suggestion) : '—', e.comment ? inline(e.comment) : '—']),
      ),
    );
  }
  const changed = analysis.flags
    .map((f) => ({ f, d: review.decisions[flagKey(f)] }))
    .filter(({ f, d }) => d && d.status === 'accepted' && ((d.severity && d.severity !== f.severity) || (d.category && d.category !== f.category)));
  if (changed.length > 0) {
    lines.push('#### Flags the reviewer re-rated');
    lines.push(
      table(
        ['Sentence', 'Text', 'mtdiff', 'Reviewer'],
        changed.map(({ f, d }) => [String(sentenceNo(f.sentence)), inline(f.text), `${f.severity} ${inline(f.category)}`, `${d!.severity ?? f.severity} ${inline(d!.category ?? f.category)}`]),
      ),
    );
  }
  const unplaced = review.unplaced ?? [];
  if (unplaced.length > 0) {
    lines.push('#### Review items this version of the text has no place for');
    lines.push(unplaced.map((u) => `- ${inline(describeUnplaced(u))}`).join('\n'));
  }
  return lines.join('\n\n');
}
