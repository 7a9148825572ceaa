import type { Category, Flag, Severity, Span } from '../core/types.js';
import { tokenize } from '../segment/tokens.js';
import type { EvalItem } from './collect.js';

/** mtdiff categories that are MQM Accuracy errors (entities and numbers are mistranslations in MQM). */
export const ACCURACY_CATEGORIES: ReadonlySet<Category> = new Set(['untranslated', 'mistranslation', 'omission', 'addition', 'entity', 'number']);

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const isAccuracy = (mqmCategory: string) => mqmCategory.startsWith('Accuracy/');

export interface TokenAgreement {
  /** Every flag against every expert span. */
  all: Counts;
  /** Accuracy-type flags against Accuracy/* spans. */
  accuracy: Counts;
  /** Share of tokens inside some expert span: the precision (and F1 2p/(1+p)) of flagging everything. */
  baseRate: { all: number; accuracy: number };
  tokens: number;
}

/**
 * Token-level agreement, pooled over segments: a token (mtdiff's tokenizer, words and punctuation) is
 * expert-marked when it overlaps a span of any rater, flagged when it overlaps a flag.
 */
export function tokenAgreement(items: readonly EvalItem[], keep: (f: Flag) => boolean = () => true): TokenAgreement {
  const tally = { all: [0, 0, 0], accuracy: [0, 0, 0] };
  let tokens = 0;
  let marked = 0;
  let markedAcc = 0;
  for (const it of items) {
    const spans = it.segment.errors.flatMap((e) => e.spans.map((s) => ({ ...s, accuracy: isAccuracy(e.category) })));
    for (const t of tokenize(it.segment.target)) {
      tokens++;
      const hits = spans.filter((s) => overlaps(s, t));
      const flags = it.flags.filter((f) => keep(f) && overlaps(f, t));
      const gold = hits.length > 0;
      const goldAcc = hits.some((s) => s.accuracy);
      marked += gold ? 1 : 0;
      markedAcc += goldAcc ? 1 : 0;
      add(tally.all, flags.length > 0, gold);
      add(tally.accuracy, flags.some((f) => ACCURACY_CATEGORIES.has(f.category)), goldAcc);
    }
  }
  const c = (x: number[]) => counts(x[0]!, x[1]!, x[2]!);
  return { all: c(tally.all), accuracy: c(tally.accuracy), baseRate: { all: tokens ? marked / tokens : 0, accuracy: tokens ? markedAcc / tokens : 0 }, tokens };
}

export interface ConfidenceStep {
  minConfidence: number;
  flags: number;
  all: Counts;
  accuracy: Counts;
}

/** Token agreement keeping only flags at or above each confidence: where a reporting threshold would sit. */
export function confidenceSweep(items: readonly EvalItem[], thresholds: readonly number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9]): ConfidenceStep[] {
  return thresholds.map((minConfidence) => {
    const keep = (f: Flag) => f.confidence >= minConfidence;
    const t = tokenAgreement(items, keep);
    return { minConfidence, flags: items.reduce((n, it) => n + it.flags.filter(keep).length, 0), all: t.all, accuracy: t.accuracy };
  });
}

function add(t: number[], predicted: boolean, gold: boolean): void {
  if (predicted && gold) t[0]!++;
  else if (predicted) t[1]!++;
  else if (gold) t[2]!++;
}

export interface CategoryRecall {
  category: string;
  /** Expert errors of this category with a target span. */
  errors: number;
  /** Of those, how many some flag overlaps. */
  hit: number;
  recall: number;
  /** Errors of this category the rater marked no target text for (not counted above). */
  spanless: number;
}

/** Span-level recall by MQM category: an expert error counts as found when any flag overlaps its span. */
export function recallByCategory(items: readonly EvalItem[]): CategoryRecall[] {
  const by = new Map<string, CategoryRecall>();
  for (const it of items) {
    for (const e of it.segment.errors) {
      const r = by.get(e.category) ?? { category: e.category, errors: 0, hit: 0, recall: 0, spanless: 0 };
      if (e.spans.length === 0) r.spanless++;
      else {
        r.errors++;
        if (it.flags.some((f) => e.spans.some((s) => overlaps(f, s)))) r.hit++;
      }
      by.set(e.category, r);
    }
  }
  return [...by.values()].map((r) => ({ ...r, recall: r.errors ? r.hit / r.errors : 0 })).sort((a, b) => b.errors - a.errors || a.category.localeCompare(b.category));
}

export interface FlagPrecision {
  /** mtdiff category, or detector id. */
  key: string;
  flags: number;
  /** Flags overlapping some expert span. */
  confirmed: number;
  precision: number;
  /** Flags overlapping an Accuracy/* span. */
  confirmedAccuracy: number;
  /** Expert categories of the spans these flags overlap, with counts, most frequent first. */
  matchedAs: { category: string; count: number }[];
}

/** Flag-level precision per mtdiff category and per detector: which flags the experts agree with. */
export function precisionBy(items: readonly EvalItem[], keyOf: (f: Flag) => string): FlagPrecision[] {
  const by = new Map<string, { flags: number; confirmed: number; acc: number; as: Map<string, number> }>();
  for (const it of items) {
    for (const f of it.flags) {
      const k = keyOf(f);
      const r = by.get(k) ?? { flags: 0, confirmed: 0, acc: 0, as: new Map<string, number>() };
      r.flags++;
      const hit = it.segment.errors.filter((e) => e.spans.some((s) => overlaps(f, s)));
      if (hit.length) r.confirmed++;
      if (hit.some((e) => isAccuracy(e.category))) r.acc++;
      for (const cat of new Set(hit.map((e) => e.category))) r.as.set(cat, (r.as.get(cat) ?? 0) + 1);
      by.set(k, r);
    }
  }
  return [...by.entries()]
    .map(([key, r]) => ({
      key,
      flags: r.flags,
      confirmed: r.confirmed,
      precision: r.flags ? r.confirmed / r.flags : 0,
      confirmedAccuracy: r.acc,
      matchedAs: [...r.as.entries()].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => b.flags - a.flags || a.key.localeCompare(b.key));
}

/** mtdiff's severity against the expert's (the heaviest error the flag overlaps; `none` when it overlaps none). */
export function severityTable(items: readonly EvalItem[]): Record<Severity, Record<string, number>> {
  const table: Record<Severity, Record<string, number>> = { critical: {}, major: {}, minor: {} };
  for (const it of items) {
    for (const f of it.flags) {
      const hit = it.segment.errors.filter((e) => e.spans.some((s) => overlaps(f, s)));
      const expert = hit.length === 0 ? 'none' : hit.some((e) => e.severity.toLowerCase() === 'major') ? 'Major' : hit[0]!.severity;
      table[f.severity][expert] = (table[f.severity][expert] ?? 0) + 1;
    }
  }
  return table;
}

export interface OmissionAgreement {
  /** Segments where an expert marked an Accuracy/Omission error (raters mark omissions in the source). */
  expert: number;
  /** Segments with an mtdiff omission flag. */
  flagged: number;
  both: number;
  precision: number;
  recall: number;
}

/** Omissions have no target span, so they are compared per segment: flagged or not, omission or not. */
export function omissionAgreement(items: readonly EvalItem[]): OmissionAgreement {
  let expert = 0;
  let flagged = 0;
  let both = 0;
  for (const it of items) {
    const e = it.segment.errors.some((x) => x.category === 'Accuracy/Omission');
    const f = it.flags.some((x) => x.category === 'omission');
    expert += e ? 1 : 0;
    flagged += f ? 1 : 0;
    both += e && f ? 1 : 0;
  }
  return { expert, flagged, both, precision: flagged ? both / flagged : 0, recall: expert ? both / expert : 0 };
}
