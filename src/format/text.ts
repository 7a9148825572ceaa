import { basename } from 'node:path';
import type { AlignedSentence, Analysis, Flag } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { groupFlags, occurrences, type ErrorGroup } from '../report/group.js';
import { NO_PAINT, type Paint } from './colour.js';
import { escapeControls } from './sanitize.js';

/** How many issues the summary puts under "Fix these first": enough to act on, few enough to read. */
export const TOP_PROBLEMS = 5;

function counts(flags: readonly Flag[]): string {
  const parts = SEVERITIES.map((s) => `${flags.filter((f) => f.severity === s).length} ${s}`);
  return parts.join(', ');
}

export function verdictLabel(flags: readonly Flag[]): string {
  const worst = SEVERITIES.find((s) => flags.some((f) => f.severity === s));
  return worst === 'critical' || worst === 'major' ? 'Needs revision' : worst === 'minor' ? 'Minor issues' : 'No issues found';
}

export function verdict(analysis: Analysis): string {
  return `${verdictLabel(analysis.flags)}: ${counts(analysis.flags)}`;
}

export interface TextOptions {
  /** Every sentence with its scores and best match, not only the flagged ones. */
  verbose?: boolean;
  paint?: Paint;
}

const q = (s: string): string => `"${escapeControls(s)}"`;

/** `"published" → "released"`, `"the the" → (delete)`, or the text alone when there is no fix. */
export function fixText(text: string, suggestion: string | undefined): string {
  if (suggestion === undefined) return q(text);
  return `${q(text)} → ${suggestion.trim() === '' ? '(delete)' : q(suggestion)}`;
}

function problemLine(g: ErrorGroup, n: number, paint: Paint): string {
  return `  ${n}. ${paint.severity(g.severity, g.severity)} ${g.category} ${fixText(g.text, g.suggestion)} (${occurrences(g)}): ${escapeControls(g.message)}`;
}

function summary(analysis: Analysis, groups: readonly ErrorGroup[], paint: Paint): string[] {
  const flagged = new Set(analysis.flags.map((f) => f.sentence)).size;
  const hidden = analysis.filter?.belowThreshold
    ? [`  ${analysis.filter.belowThreshold} less certain flags hidden (confidence < ${analysis.filter.minConfidence}; --all-flags shows them)`]
    : [];
  const lines = [
    `${escapeControls(basename(analysis.mt))}: ${paint.bold(verdict(analysis))}`,
    `  MQM ${analysis.mqm} (${analysis.mqmPer100.toFixed(1)} per 100 words, ${analysis.words} words) · score ${analysis.score.toFixed(3)} · ${flagged} of ${analysis.sentences.length} sentences flagged, ${groups.length} distinct problems`,
    ...hidden,
  ];
  if (groups.length) lines.push('', 'Fix these first:', ...groups.slice(0, TOP_PROBLEMS).map((g, i) => problemLine(g, i + 1, paint)));
  return lines;
}

function flagLine(f: Flag, paint: Paint): string {
  return `      ${paint.severity(f.severity, f.severity)} ${f.category} ${fixText(f.text, f.suggestion)}: ${escapeControls(f.message)}`;
}

function sentenceLines(s: AlignedSentence, flags: readonly Flag[], verbose: boolean, paint: Paint): string[] {
  const no = String(s.index + 1).padStart(4);
  const lines = [`${no}  ${escapeControls(s.text)}`];
  if (verbose) {
    const best = s.matches[0];
    lines.push(paint.dim(`      score ${s.score.toFixed(3)}, similarity ${s.similarity.toFixed(3)}${s.unsupported ? ', unsupported (no close reference)' : ''}`));
    if (best) {
      const merged = best.merged !== undefined ? `-${best.merged + 1}` : '';
      lines.push(paint.dim(`      ref ${escapeControls(basename(best.ref))} #${best.index + 1}${merged}: ${escapeControls(best.text)}`));
    }
  }
  return [...lines, ...flags.map((f) => flagLine(f, paint))];
}

const LEGEND = [
  'Legend: critical = meaning reversed or a key fact wrong; major = meaning changed; minor = meaning survives.',
  '  "flagged text" → "suggested fix"; sentence numbers count from 1 (the JSON index counts from 0).',
];

/** For people reading a terminal: summary first, then the flagged sentences. Every piece of article text passes through escapeControls. */
export function formatText(analysis: Analysis, options: TextOptions = {}): string {
  const paint = options.paint ?? NO_PAINT;
  const verbose = options.verbose === true;
  const groups = groupFlags(analysis.flags);
  const lines = summary(analysis, groups, paint);
  const shown = analysis.sentences.filter((s) => verbose || analysis.flags.some((f) => f.sentence === s.index));
  if (shown.length) {
    lines.push('', verbose ? 'Every sentence:' : `Flagged sentences (--verbose shows all ${analysis.sentences.length}):`);
    for (const s of shown) lines.push(...sentenceLines(s, analysis.flags.filter((f) => f.sentence === s.index), verbose, paint));
  }
  lines.push('', ...LEGEND.map((l) => paint.dim(l)), paint.dim(`signature: ${escapeControls(analysis.signature)}`));
  return `${lines.join('\n')}\n`;
}
