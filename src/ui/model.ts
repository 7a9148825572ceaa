import type { Analysis, Category, Flag, Severity } from '../core/types.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import { flagKey, type Decision } from '../review/file.js';

/** What the sentence list shows; `undecided` is the filter a reviewer works through a document with. */
export type Filter = 'all' | 'flagged' | 'undecided' | Severity | `category:${Category}`;

/** Lookups derived once per analysis so the reducer and the components never rescan the flag list. */
export interface ReviewModel {
  analysis: Analysis;
  /** Flag indices (into analysis.flags) in document order. */
  order: number[];
  /** Per sentence, its flag indices in document order. */
  bySentence: number[][];
  keys: string[];
  /** The filters `f` cycles through: fixed ones, then every category that has a flag. */
  filters: Filter[];
}

export function buildModel(analysis: Analysis): ReviewModel {
  const count = analysis.sentences.length;
  const order = analysis.flags
    .map((_, i) => i)
    .filter((i) => {
      const s = analysis.flags[i]!.sentence;
      return s >= 0 && s < count;
    })
    .sort((a, b) => analysis.flags[a]!.start - analysis.flags[b]!.start || a - b);
  const bySentence: number[][] = analysis.sentences.map(() => []);
  for (const i of order) bySentence[analysis.flags[i]!.sentence]!.push(i);
  const present = CATEGORIES.filter((c) => analysis.flags.some((f) => f.category === c));
  return {
    analysis,
    order,
    bySentence,
    keys: analysis.flags.map(flagKey),
    filters: ['all', 'flagged', 'undecided', ...SEVERITIES, ...present.map((c) => `category:${c}` as const)],
  };
}

export function filterLabel(filter: Filter): string {
  return filter.startsWith('category:') ? filter.slice('category:'.length) : filter;
}

/** Whether a flag counts under a filter; `all` and `flagged` keep every flag. */
export function flagPasses(filter: Filter, flag: Flag, decision: Decision | undefined): boolean {
  if (filter === 'all' || filter === 'flagged') return true;
  if (filter === 'undecided') return decision === undefined;
  if (filter.startsWith('category:')) return flag.category === filter.slice('category:'.length);
  return flag.severity === filter;
}

export function visibleFlags(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>, sentence: number): number[] {
  return (model.bySentence[sentence] ?? []).filter((i) => flagPasses(filter, model.analysis.flags[i]!, decisions[model.keys[i]!]));
}

export function sentenceVisible(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>, sentence: number): boolean {
  return filter === 'all' || visibleFlags(model, filter, decisions, sentence).length > 0;
}

export function visibleSentences(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>): number[] {
  return model.analysis.sentences.map((_, i) => i).filter((i) => sentenceVisible(model, filter, decisions, i));
}

export function severityCounts(flags: readonly Flag[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  for (const f of flags) counts[f.severity]++;
  return counts;
}
