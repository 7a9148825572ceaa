import type { Analysis, Flag } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import type { Decision, ReviewFile } from '../review/file.js';
import { decisionFor } from '../review/file.js';
import { quote, spanInContext } from './context.js';
import { inline } from './escape.js';
import { fileName, sentenceAnchor, sentenceNo } from './format.js';
import { REPORT_LAYOUT } from './layout.js';
import { table } from './table.js';

/** Most severe first, then in reading order (the order a reviser works through the article). */
export function flagsBySeverity(flags: readonly Flag[]): Flag[] {
  const rank = (f: Flag) => SEVERITIES.indexOf(f.severity);
  return [...flags].sort((a, b) => rank(a) - rank(b) || a.start - b.start || a.end - b.end || a.category.localeCompare(b.category));
}

function context(analysis: Analysis, flag: Flag): string {
  const s = analysis.sentences.find((x) => x.index === flag.sentence);
  if (!s || flag.start < s.start || flag.end > s.end) return `**${inline(flag.text)}**`;
  return spanInContext(s.text, flag.start - s.start, flag.end - s.start, REPORT_LAYOUT.contextWords);
}

function evidence(flag: Flag): string {
  const shown = flag.evidence.slice(0, REPORT_LAYOUT.evidenceShown).map((e) => {
    const words = quote(e.text, flag.suggestion, REPORT_LAYOUT.quoteWords);
    return `${inline(fileName(e.ref))} #${sentenceNo(e.index)}: “${words}”`;
  });
  const more = flag.evidence.length - shown.length;
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join('; ') || '—';
}

/** An empty suggestion means "delete the span"; no suggestion means the detector has none. */
export function suggestionText(suggestion: string | undefined): string {
  if (suggestion === undefined) return '—';
  return suggestion.trim() === '' ? '*(delete)*' : inline(suggestion);
}

export function decisionCell(decision: Decision | undefined): string {
  if (!decision) return 'open';
  const fix = decision.suggestion !== undefined ? `, fix: “${suggestionText(decision.suggestion)}”` : '';
  const comment = decision.comment ? ` — “${inline(decision.comment)}”` : '';
  return `${decision.status}${fix}${comment}`;
}

export function flagsSection(analysis: Analysis, review: ReviewFile | undefined): string {
  const intro = '## What to fix';
  if (analysis.flags.length === 0) return `${intro}\n\nNothing was flagged.`;
  const header = ['#', 'Flagged text', 'Problem', 'Category', 'Severity', 'Suggestion', 'Evidence', ...(review ? ['Review'] : [])];
  const rows = flagsBySeverity(analysis.flags).map((f) => [
    `[${sentenceNo(f.sentence)}](${sentenceAnchor(f.sentence)})`,
    context(analysis, f),
    inline(f.message),
    inline(f.category),
    inline(f.severity),
    suggestionText(f.suggestion),
    evidence(f),
    ...(review ? [decisionCell(decisionFor(review, f))] : []),
  ]);
  const note = 'Most severe first, then in reading order. Sentence numbers count from 1 (the JSON output counts from 0); evidence is *reference file #sentence*.';
  return [intro, note, table(header, rows, ['right'])].join('\n\n');
}
