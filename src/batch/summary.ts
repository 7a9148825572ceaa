/**
 * The closing lines on stderr: how many items, their verdicts, what was resumed or skipped, the gates, the
 * worst items by MQM per 100 words and the errors. Worst by MQM per 100 words, not by score: on the seeds
 * the score does not separate machine translation from human English (BENCHMARKS.md), the penalty does.
 */
import { SEVERITIES, type Severity } from '../core/types.js';
import { escapeControls } from '../format/sanitize.js';
import { verdictLabel } from '../format/text.js';
import { isError, type BatchRecord, type ScoreRecord } from './record.js';

const WORST = 5;
const ERRORS_SHOWN = 5;

export interface Gates {
  /** Exit 1 when an item scores below this (0..1). */
  failUnder?: number;
  /** Exit 1 when an item has a flag of this severity or a worse one. */
  failOn?: Exclude<Severity, 'minor'>;
  /** Exit 1 when an item's MQM per 100 words is above this. */
  maxMqmPer100?: number;
}

export interface Tally {
  items: number;
  ok: number;
  errors: number;
  /** Items that fail any gate (each item counted once). */
  belowThreshold: number;
  meanScore: number | undefined;
  meanMqmPer100: number | undefined;
}

/** What the run did not analyse itself: records carried over by --resume, entries left to other shards. */
export interface RunScope {
  resumed?: number;
  otherShards?: number;
  shard?: string;
}

/**
 * The numbers an item is judged by: after review when a review file lies next to its MT (accepted flags and
 * added errors with the reviewer's severity, dismissed ones left out), else mtdiff's own.
 */
export function judged(r: ScoreRecord): { mqmPer100: number; counts: Partial<Record<Severity, number>>; verdict: string; reviewed: boolean } {
  if (r.review) return { mqmPer100: r.review.mqmPer100, counts: r.review.counts, verdict: r.review.verdict.split(':')[0]!, reviewed: true };
  return { mqmPer100: r.mqmPer100, counts: r.counts ?? {}, verdict: verdictLabel(r.flags ?? []), reviewed: false };
}

/** Written as "not within": a number that is not a number fails a gate instead of passing it. */
export function gateFailures(r: ScoreRecord, g: Gates): string[] {
  const out: string[] = [];
  const n = judged(r);
  if (g.failUnder !== undefined && !(r.score >= g.failUnder)) out.push(`score ${r.score} < ${g.failUnder}`);
  if (g.maxMqmPer100 !== undefined && !(n.mqmPer100 <= g.maxMqmPer100)) out.push(`MQM/100 ${n.mqmPer100} > ${g.maxMqmPer100}`);
  if (g.failOn !== undefined) {
    const worse = SEVERITIES.slice(0, SEVERITIES.indexOf(g.failOn) + 1).filter((s) => (n.counts[s] ?? 0) > 0);
    if (worse.length) out.push(`has ${worse.map((s) => `${n.counts[s]} ${s}`).join(', ')}`);
  }
  return out;
}

export function recordVerdict(r: ScoreRecord): string {
  return judged(r).verdict;
}

export class Summary {
  private readonly scored: ScoreRecord[] = [];
  private readonly errors: { id: string; error: string }[] = [];
  private readonly gates: Gates;
  /** Items whose source language drew a warning (a contradicted --source-lang, an MT mostly not English). */
  private readonly sourceWarned: string[] = [];

  constructor(
    gates: Gates | number = {},
    private readonly scope: RunScope = {},
  ) {
    this.gates = typeof gates === 'number' ? { failUnder: gates } : gates;
  }

  add(record: BatchRecord): void {
    if (isError(record)) this.errors.push({ id: record.id, error: record.error });
    else {
      this.scored.push(record);
      if (record.source?.warnings?.length) this.sourceWarned.push(record.id);
    }
  }

  tally(): Tally {
    const n = this.scored.length;
    const mean = (f: (r: ScoreRecord) => number) => (n ? this.scored.reduce((sum, r) => sum + f(r), 0) / n : undefined);
    return {
      items: n + this.errors.length,
      ok: n,
      errors: this.errors.length,
      belowThreshold: this.scored.filter((r) => gateFailures(r, this.gates).length > 0).length,
      meanScore: mean((r) => r.score),
      meanMqmPer100: mean((r) => judged(r).mqmPer100),
    };
  }

  private verdicts(): string {
    const counts = new Map<string, number>();
    for (const r of this.scored) counts.set(recordVerdict(r), (counts.get(recordVerdict(r)) ?? 0) + 1);
    return ['Needs revision', 'Minor issues', 'No issues found'].map((v) => `${counts.get(v) ?? 0} ${v.toLowerCase()}`).join(', ');
  }

  private scopeLines(): string[] {
    const { resumed, otherShards, shard } = this.scope;
    const out: string[] = [];
    if (resumed) out.push(`  resumed: ${resumed} records already in the output were kept, not analysed again`);
    if (shard !== undefined) out.push(`  shard ${shard}: ${otherShards ?? 0} entries left to the other shards`);
    return out;
  }

  private gateLines(): string[] {
    const g = this.gates;
    const named = [
      ...(g.failUnder !== undefined ? [`--fail-under ${g.failUnder}`] : []),
      ...(g.failOn !== undefined ? [`--fail-on ${g.failOn}`] : []),
      ...(g.maxMqmPer100 !== undefined ? [`--max-mqm-per-100 ${g.maxMqmPer100}`] : []),
    ];
    if (!named.length) return [];
    const failing = this.scored.map((r) => ({ r, why: gateFailures(r, g) })).filter((x) => x.why.length);
    const out = [`  ${failing.length} failing ${named.join(', ')}${failing.length ? ' (exit 1)' : ''}`];
    if (g.failUnder !== undefined) out.push(`  ${this.scored.filter((r) => !(r.score >= g.failUnder!)).length} below --fail-under ${g.failUnder}`);
    out.push(...failing.slice(0, WORST).map(({ r, why }) => `    ${escapeControls(r.id)}: ${why.join('; ')}`));
    if (failing.length > WORST) out.push(`    ... and ${failing.length - WORST} more`);
    return out;
  }

  lines(): string[] {
    const t = this.tally();
    const mean = t.meanScore === undefined ? 'no scores' : `mean MQM ${t.meanMqmPer100!.toFixed(2)} per 100 words, mean score ${t.meanScore.toFixed(4)}`;
    const out = [`mtdiff score: ${t.items} items, ${t.ok} ok, ${t.errors} errors, ${mean}`];
    if (t.ok) out.push(`  verdicts: ${this.verdicts()}`);
    out.push(...this.scopeLines(), ...this.gateLines());
    if (this.sourceWarned.length) {
      const some = this.sourceWarned.slice(0, ERRORS_SHOWN).map(escapeControls).join(', ');
      out.push(`  ${this.sourceWarned.length} with a source-language warning (see "source" in their records): ${some}${this.sourceWarned.length > ERRORS_SHOWN ? ', ...' : ''}`);
    }
    const reviewed = this.scored.filter((r) => r.review).length;
    if (reviewed) out.push(`  ${reviewed} of ${this.scored.length} items judged after review (a review file next to the MT)`);
    const worst = worstFirst(this.scored.map((r) => ({ ...r, mqmPer100: judged(r).mqmPer100 }))).slice(0, WORST);
    if (worst.length) {
      out.push(`  worst ${worst.length} (MQM per 100 words):`);
      out.push(...worst.map((r) => `    ${judged(r).mqmPer100.toFixed(2).padStart(6)}  ${recordVerdict(r).padEnd(15)} score ${r.score.toFixed(4)}  ${escapeControls(r.id)}${judged(r).reviewed ? ' (after review)' : ''}`));
    }
    if (this.errors.length) {
      out.push('  errors:', ...this.errors.slice(0, ERRORS_SHOWN).map((e) => `    ${escapeControls(e.id)}: ${escapeControls(e.error)}`));
      if (this.errors.length > ERRORS_SHOWN) out.push(`    ... and ${this.errors.length - ERRORS_SHOWN} more (records with an "error" field)`);
    }
    return out;
  }
}

/**
 * Highest MQM per 100 words first; ties by the lower score, then input order (the sort is stable), so the
 * order is as deterministic as the records. A penalty that is not a number sorts first: it needs a look.
 */
export function worstFirst<T extends Pick<ScoreRecord, 'mqmPer100' | 'score'>>(records: readonly T[]): T[] {
  const key = (x: number) => (Number.isFinite(x) ? x : Infinity);
  return [...records].sort((a, b) => key(b.mqmPer100) - key(a.mqmPer100) || a.score - b.score);
}
