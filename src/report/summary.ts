import type { Analysis, Category, Flag } from '../core/types.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import { verdict } from '../format/text.js';
import { mqmPenalty } from '../score/mqm.js';
import type { ReviewFile } from '../review/file.js';
import { decisionFor, flagKey } from '../review/file.js';
import { codeSpan, inline, link } from './escape.js';
import { fileName, penalty, plural, score } from './format.js';
import { quoted } from './flags.js';
import { groupFlags, occurrences, type ErrorGroup } from './group.js';
import { REPORT_LAYOUT } from './layout.js';

export function reviewLine(analysis: Analysis, review: ReviewFile): string {
  const decisions = analysis.flags.map((f) => decisionFor(review, f)?.status);
  const accepted = decisions.filter((d) => d === 'accepted').length;
  const dismissed = decisions.filter((d) => d === 'dismissed').length;
  const current = new Set(analysis.flags.map(flagKey));
  const stale = Object.keys(review.decisions).filter((k) => !current.has(k)).length;
  const staleNote = stale ? `; ${plural(stale, 'decision')} refer${stale === 1 ? 's' : ''} to flags this analysis no longer finds` : '';
  return `Review: ${accepted} accepted, ${dismissed} dismissed, ${analysis.flags.length - accepted - dismissed} open${staleNote}`;
}

function problemLine(g: ErrorGroup, n: number): string {
  const fix = g.suggestion === undefined ? '' : g.suggestion.trim() === '' ? ' → (delete)' : ` → ${quoted(g.suggestion)}`;
  return `${n}. ${g.severity} ${inline(g.category)}: ${quoted(g.text)}${fix} (${occurrences(g)})`;
}

/** The lines an editor pastes into an e-mail: the verdict, the numbers, the problems to fix first. */
function overview(analysis: Analysis, review: ReviewFile | undefined): string[] {
  const flagged = new Set(analysis.flags.map((f) => f.sentence)).size;
  const groups = groupFlags(analysis.flags);
  const hidden = analysis.filter?.belowThreshold
    ? ` ${plural(analysis.filter.belowThreshold, 'less certain flag')} (confidence below ${analysis.filter.minConfidence}) not shown (\`--all-flags\` shows them).`
    : '';
  const numbers =
    `MQM penalty ${penalty(analysis.mqm)}, ${penalty(analysis.mqmPer100)} per 100 words (${plural(analysis.words, 'word')}; ` +
    `${flagged} of ${plural(analysis.sentences.length, 'sentence')} flagged; ${plural(groups.length, 'distinct problem')}). Document score ${score(analysis.score)} (0 to 1, higher is better).${hidden}`;
  const out = [`**${inline(verdict(analysis))}**`, numbers];
  if (groups.length) out.push(`Fix these first:\n\n${groups.slice(0, REPORT_LAYOUT.topProblems).map((g, i) => problemLine(g, i + 1)).join('\n')}`);
  if (review) out.push(reviewLine(analysis, review));
  return out;
}

function facts(analysis: Analysis, date: string, corrected: string | undefined): string {
  const refs = analysis.refs.map((r) => `${codeSpan(fileName(r.id))} (${r.sentences}${r.unmatched.length ? `, ${r.unmatched.length} not matched` : ''})`);
  return [
    `- References (sentences): ${refs.join(', ')}; alignment mode ${inline(analysis.mode)}`,
    ...(corrected ? [`- Corrected article (fixes applied): ${link(fileName(corrected), corrected)}`] : []),
    `- Signature: ${codeSpan(analysis.signature)}`,
    `- Date: ${inline(date)}`,
  ].join('\n');
}

/** One line, most penalised category first: "mistranslation 10 (2 major, 8 minor; MQM 18), …". */
export function countsLine(flags: readonly Flag[]): string {
  if (flags.length === 0) return 'By category: no flags.';
  const used = CATEGORIES.filter((c: Category) => flags.some((f) => f.category === c)).map((c) => ({ c, flags: flags.filter((f) => f.category === c) }));
  used.sort((a, b) => mqmPenalty(b.flags) - mqmPenalty(a.flags));
  const part = ({ c, flags: fs }: { c: Category; flags: Flag[] }) => {
    const bySeverity = SEVERITIES.filter((s) => fs.some((f) => f.severity === s)).map((s) => `${fs.filter((f) => f.severity === s).length} ${s}`);
    return `${inline(c)} ${fs.length} (${bySeverity.join(', ')}; MQM ${penalty(mqmPenalty(fs))})`;
  };
  return `By category: ${used.map(part).join(', ')}.`;
}

export interface SummaryOptions {
  review?: ReviewFile;
  date: string;
  /** Where the corrected article was written, relative to the report. */
  corrected?: string;
}

export function summarySection(analysis: Analysis, options: SummaryOptions): string {
  return [
    `# Translation QA report: ${inline(fileName(analysis.mt))}`,
    ...overview(analysis, options.review),
    countsLine(analysis.flags),
    facts(analysis, options.date, options.corrected),
  ].join('\n\n');
}
