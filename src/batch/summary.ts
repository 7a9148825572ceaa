/** The closing lines on stderr: how many items, how many failed, the mean score and the worst items. */
import { escapeControls } from '../format/sanitize.js';
import { isError, type BatchRecord } from './record.js';

const WORST = 5;
const ERRORS_SHOWN = 5;

export interface Tally {
  items: number;
  ok: number;
  errors: number;
  belowThreshold: number;
  meanScore: number | undefined;
}

export class Summary {
  private readonly scores: { id: string; score: number }[] = [];
  private readonly errors: { id: string; error: string }[] = [];
  /** Items whose source language drew a warning (a contradicted --source-lang, an MT mostly not English). */
  private readonly sourceWarned: string[] = [];

  constructor(private readonly failUnder?: number) {}

  add(record: BatchRecord): void {
    if (isError(record)) this.errors.push({ id: record.id, error: record.error });
    else {
      this.scores.push({ id: record.id, score: record.score });
      if (record.source?.warnings?.length) this.sourceWarned.push(record.id);
    }
  }

  tally(): Tally {
    const n = this.scores.length;
    return {
      items: n + this.errors.length,
      ok: n,
      errors: this.errors.length,
      // Written as "not at or above": a score that is not a number fails the gate instead of passing it.
      belowThreshold: this.failUnder === undefined ? 0 : this.scores.filter((s) => !(s.score >= this.failUnder!)).length,
      meanScore: n ? this.scores.reduce((sum, s) => sum + s.score, 0) / n : undefined,
    };
  }

  lines(): string[] {
    const t = this.tally();
    const mean = t.meanScore === undefined ? 'no scores' : `mean score ${t.meanScore.toFixed(4)}`;
    const out = [`mtdiff score: ${t.items} items, ${t.ok} ok, ${t.errors} errors, ${mean}`];
    if (this.failUnder !== undefined) out.push(`  ${t.belowThreshold} below --fail-under ${this.failUnder}`);
    if (this.sourceWarned.length) {
      const some = this.sourceWarned.slice(0, ERRORS_SHOWN).map(escapeControls).join(', ');
      out.push(`  ${this.sourceWarned.length} with a source-language warning (see "source" in their records): ${some}${this.sourceWarned.length > ERRORS_SHOWN ? ', ...' : ''}`);
    }
    // Stable sort: ties keep input order, so the summary is as deterministic as the records.
    const worst = [...this.scores].sort((a, b) => a.score - b.score).slice(0, WORST);
    if (worst.length) out.push(`  worst ${worst.length}:`, ...worst.map((s) => `    ${s.score.toFixed(4)}  ${escapeControls(s.id)}`));
    if (this.errors.length) {
      out.push('  errors:', ...this.errors.slice(0, ERRORS_SHOWN).map((e) => `    ${escapeControls(e.id)}: ${escapeControls(e.error)}`));
      if (this.errors.length > ERRORS_SHOWN) out.push(`    ... and ${this.errors.length - ERRORS_SHOWN} more (records with an "error" field)`);
    }
    return out;
  }
}
