import type { Analysis, Category, Flag, Severity } from '../core/types.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import { addedKey, flagKey, type AddedError, type Decision, type Unplaced } from '../review/file.js';
import type { Palette } from './palette.js';

/** What the sentence list shows; `undecided` is the filter a reviewer works through a document with. */
export type Filter = 'all' | 'flagged' | 'undecided' | 'unsupported' | 'low' | Severity | `category:${Category}`;

/** Share of sentences the `low` filter shows: the lowest-scoring quarter of the document. */
const LOW_SHARE = 0.25;

/** Lookups derived once per analysis (and set of added errors) so the reducer and views never rescan. */
export interface ReviewModel {
  /** The analysis, its flags followed by the reviewer's added errors (detector `reviewer`). */
  analysis: Analysis;
  /** The analysis as mtdiff made it (numbers are computed on it). */
  base: Analysis;
  added: readonly AddedError[];
  /** Flag indices (into analysis.flags) in document order. */
  order: number[];
  /** Per sentence, its flag indices in document order. */
  bySentence: number[][];
  keys: string[];
  /** The filters `f` cycles through: fixed ones, then every category that has a flag. */
  filters: Filter[];
  /** Sentences at or below this score pass the `low` filter. */
  lowScore: number;
  palette: Palette;
  /** Review items the current text has no place for (listed in the help screen). */
  unplaced: readonly Unplaced[];
  /** The same model with another list of added errors (memoised). */
  withAdded(added: readonly AddedError[]): ReviewModel;
}

export const REVIEWER = 'reviewer';

function sentenceAt(analysis: Analysis, offset: number): number {
  const s = analysis.sentences.find((x) => offset >= x.start && offset < x.end) ?? analysis.sentences.filter((x) => x.start <= offset).pop();
  return s?.index ?? 0;
}

function addedFlag(base: Analysis, e: AddedError): Flag {
  return {
    start: e.start,
    end: e.end,
    text: e.anchor.text,
    category: e.category,
    severity: e.severity,
    confidence: 1,
    message: 'added by the reviewer',
    evidence: [],
    detector: REVIEWER,
    sentence: sentenceAt(base, e.start),
  };
}

function lowThreshold(analysis: Analysis): number {
  const scores = analysis.sentences.map((s) => s.score).sort((a, b) => a - b);
  if (scores.length === 0) return -Infinity;
  return scores[Math.max(0, Math.ceil(scores.length * LOW_SHARE) - 1)]!;
}

function make(base: Analysis, added: readonly AddedError[], palette: Palette, unplaced: readonly Unplaced[], cache: WeakMap<readonly AddedError[], ReviewModel>): ReviewModel {
  const analysis: Analysis = added.length ? { ...base, flags: [...base.flags, ...added.map((e) => addedFlag(base, e))] } : base;
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
  const keys = [...base.flags.map(flagKey), ...added.map((e) => addedKey(e.id))];
  const model: ReviewModel = {
    analysis,
    base,
    added,
    order,
    bySentence,
    keys,
    filters: ['all', 'flagged', 'undecided', 'unsupported', 'low', ...SEVERITIES, ...present.map((c) => `category:${c}` as const)],
    lowScore: lowThreshold(base),
    palette,
    unplaced,
    withAdded(next) {
      if (next === added) return model;
      let m = cache.get(next);
      if (!m) {
        m = make(base, next, palette, unplaced, cache);
        cache.set(next, m);
      }
      return m;
    },
  };
  return model;
}

export function buildModel(analysis: Analysis, options: { added?: readonly AddedError[]; palette?: Palette; unplaced?: readonly Unplaced[] } = {}): ReviewModel {
  return make(analysis, options.added ?? [], options.palette ?? 'colour', options.unplaced ?? [], new WeakMap());
}

export function filterLabel(filter: Filter): string {
  if (filter === 'low') return 'low scores';
  return filter.startsWith('category:') ? filter.slice('category:'.length) : filter;
}

/** The severity and category a flag has now: the reviewer's when they changed them. */
export function shownSeverity(flag: Flag, decision: Decision | undefined): Severity {
  return decision?.severity ?? flag.severity;
}
export function shownCategory(flag: Flag, decision: Decision | undefined): Category {
  return decision?.category ?? flag.category;
}

/** Filters on whole sentences: every flag of a sentence that passes counts. */
function sentenceFilter(model: ReviewModel, filter: Filter, sentence: number): boolean | undefined {
  if (filter === 'unsupported') return model.analysis.sentences[sentence]?.unsupported === true;
  if (filter === 'low') return (model.analysis.sentences[sentence]?.score ?? Infinity) <= model.lowScore;
  return undefined;
}

/** Whether a flag counts under a filter; `all` and `flagged` keep every flag. */
export function flagPasses(model: ReviewModel, filter: Filter, index: number, decisions: Record<string, Decision>): boolean {
  const flag = model.analysis.flags[index]!;
  const decision = decisions[model.keys[index]!];
  const bySentence = sentenceFilter(model, filter, flag.sentence);
  if (bySentence !== undefined) return bySentence;
  if (filter === 'all' || filter === 'flagged') return true;
  if (filter === 'undecided') return decision === undefined;
  if (filter.startsWith('category:')) return shownCategory(flag, decision) === filter.slice('category:'.length);
  return shownSeverity(flag, decision) === filter;
}

export function visibleFlags(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>, sentence: number): number[] {
  return (model.bySentence[sentence] ?? []).filter((i) => flagPasses(model, filter, i, decisions));
}

export function sentenceVisible(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>, sentence: number): boolean {
  if (filter === 'all') return true;
  return sentenceFilter(model, filter, sentence) ?? visibleFlags(model, filter, decisions, sentence).length > 0;
}

export function visibleSentences(model: ReviewModel, filter: Filter, decisions: Record<string, Decision>): number[] {
  return model.analysis.sentences.map((_, i) => i).filter((i) => sentenceVisible(model, filter, decisions, i));
}

export function severityCounts(flags: readonly Flag[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  for (const f of flags) counts[f.severity]++;
  return counts;
}

/** Word spans (absolute offsets) of a sentence: what the keyboard selection of a new error moves over. */
export function sentenceWords(model: ReviewModel, sentence: number): { start: number; end: number }[] {
  const s = model.analysis.sentences[sentence];
  if (!s) return [];
  return [...s.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({ start: s.start + m.index, end: s.start + m.index + m[0].length }));
}
