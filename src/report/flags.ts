import type { Analysis, Evidence, Flag } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import type { Decision, ReviewFile } from '../review/file.js';
import { decisionFor } from '../review/file.js';
import { citedWords, findWords, quote, spanInContext } from './context.js';
import { codeSpan, inline } from './escape.js';
import { fileName, sentenceAnchor, sentenceNo } from './format.js';
import { groupFlags, type ErrorGroup } from './group.js';
import { REPORT_LAYOUT } from './layout.js';

/** Most severe first, then in reading order (the order a reviser works through the article). */
export function flagsBySeverity(flags: readonly Flag[]): Flag[] {
  const rank = (f: Flag) => SEVERITIES.indexOf(f.severity);
  return [...flags].sort((a, b) => rank(a) - rank(b) || a.start - b.start || a.end - b.end || a.category.localeCompare(b.category));
}

/** The flagged span in bold with a few words either side. */
export function flagContext(analysis: Analysis, flag: Flag): string {
  const s = analysis.sentences.find((x) => x.index === flag.sentence);
  if (!s || flag.start < s.start || flag.end > s.end) return `**${inline(flag.text)}**`;
  return spanInContext(s.text, flag.start - s.start, flag.end - s.start, REPORT_LAYOUT.contextWords);
}

/** Evidence sentences that contain a cited word come first, so the quotes shown are the ones that prove it. */
export function evidenceShown(flag: Flag): { shown: Evidence[]; more: number } {
  const cited = citedWords(flag.suggestion, flag.message);
  const contains = (e: Evidence) => cited.some((w) => findWords(e.text, w) !== undefined);
  const ordered = [...flag.evidence.filter(contains), ...flag.evidence.filter((e) => !contains(e))];
  const shown = ordered.slice(0, REPORT_LAYOUT.evidenceShown);
  return { shown, more: flag.evidence.length - shown.length };
}

export function evidenceText(flag: Flag): string {
  const cited = citedWords(flag.suggestion, flag.message);
  const { shown, more } = evidenceShown(flag);
  const quotes = shown.map((e) => `${codeSpan(fileName(e.ref))} #${sentenceNo(e.index)} “${quote(e.text, cited, REPORT_LAYOUT.quoteWords)}”`);
  return [...quotes, ...(more > 0 ? [`+${more} more`] : [])].join('; ');
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

const sentenceLink = (i: number): string => `[${sentenceNo(i)}](${sentenceAnchor(i)})`;

/** `“published” → “released”`, `“the the” → *(delete)*`, or the text alone when there is no fix. */
export function quoted(text: string): string {
  const t = text.trim();
  if (t === '') return '‸';
  // a quotation mark or a dash between quotation marks is unreadable: punctuation goes in a code span
  return /[\p{L}\p{N}]/u.test(t) ? `“${inline(t)}”` : codeSpan(t);
}

function change(g: ErrorGroup): string {
  if (g.suggestion === undefined) return quoted(g.text);
  return `${quoted(g.text)} → ${g.suggestion.trim() === '' ? '*(delete)*' : quoted(g.suggestion)}`;
}

function where(g: ErrorGroup): string {
  const links = g.sentences.map(sentenceLink).join(', ');
  const label = g.sentences.length === 1 ? 'sentence' : 'sentences';
  return g.flags.length === 1 ? `${label} ${links}` : `${g.flags.length} times, ${label} ${links}`;
}

/** Continuation lines of a list item: indented to the item's text, joined by hard line breaks (a final `\`). */
const item = (n: number, lines: readonly string[]): string => lines.map((l, i) => (i === 0 ? `${n}. ${l}` : `   ${l}`)).join('\\\n');

function groupBlock(analysis: Analysis, g: ErrorGroup, n: number, review: ReviewFile | undefined): string {
  const contexts = g.flags.slice(0, REPORT_LAYOUT.contextsShown).map((f) => flagContext(analysis, f));
  const moreContexts = g.flags.length - contexts.length;
  // The message on the title line: one line less per problem keeps the whole list on a few screens.
  const lines = [`**${g.severity}** ${inline(g.category)}: ${change(g)} — ${where(g)}. ${inline(g.message)}`];
  lines.push(`In context: ${contexts.join(' · ')}${moreContexts > 0 ? ` · +${moreContexts} more` : ''}`);
  const evidence = evidenceText(g.flags[0]!);
  if (evidence) lines.push(`Evidence: ${evidence}`);
  if (review) {
    const decisions = g.flags.map((f) => decisionCell(decisionFor(review, f)));
    const same = decisions.every((d) => d === decisions[0]);
    lines.push(`Review: ${same ? decisions[0] : decisions.map((d, i) => `${sentenceNo(g.flags[i]!.sentence)}: ${d}`).join('; ')}`);
  }
  return item(n, lines);
}

export function flagsSection(analysis: Analysis, review: ReviewFile | undefined): string {
  const intro = '## What to fix';
  if (analysis.flags.length === 0) return `${intro}\n\nNothing was flagged.`;
  const groups = groupFlags(analysis.flags);
  const note = `${groups.length} problems (${analysis.flags.length} flags), most severe first; the same wrong word with the same fix is one problem. Evidence is *reference file #sentence*; sentence numbers count from 1 (the JSON output counts from 0).`;
  return [intro, note, groups.map((g, i) => groupBlock(analysis, g, i + 1, review)).join('\n')].join('\n\n');
}
