import { describe, expect, it } from 'vitest';
import type { ScoreRecord } from '../../src/batch/record.js';
import { gateFailures, Summary, worstFirst } from '../../src/batch/summary.js';
import type { Flag } from '../../src/core/types.js';

function record(id: string, score: number, mqmPer100: number, counts: ScoreRecord['counts']): ScoreRecord {
  const flags = (['critical', 'major', 'minor'] as const).flatMap((s) => Array.from({ length: counts[s] }, () => ({ severity: s }) as Flag));
  return { id, mt: id, score, mqm: mqmPer100, mqmPer100, words: 100, counts, categories: {}, flags };
}

const human = record('human', 0.73, 0.5, { critical: 0, major: 0, minor: 1 });
const mt = record('mt', 0.5, 5.9, { critical: 0, major: 2, minor: 3 });
const worst = record('worst', 0.46, 4.2, { critical: 1, major: 0, minor: 0 });
const clean = record('clean', 0.6, 0, { critical: 0, major: 0, minor: 0 });

describe('batch summary', () => {
  it('ranks worst first by MQM per 100 words, not by score', () => {
    expect(worstFirst([human, mt, worst, clean]).map((r) => r.id)).toEqual(['mt', 'worst', 'human', 'clean']);
    expect(worstFirst([human, { ...mt, mqmPer100: Number.NaN }]).map((r) => r.id)).toEqual(['mt', 'human']);
  });

  it('counts verdicts and says what was resumed and what other shards have', () => {
    const s = new Summary({}, { resumed: 3, shard: '2/4', otherShards: 9 });
    [human, mt, worst, clean].forEach((r) => s.add(r));
    s.add({ id: 'bad', error: 'no such file' });
    const text = s.lines().join('\n');
    expect(text).toMatch(/^mtdiff score: 5 items, 4 ok, 1 errors, mean MQM 2\.65 per 100 words/);
    expect(text).toContain('verdicts: 2 needs revision, 1 minor issues, 1 no issues found');
    expect(text).toContain('resumed: 3 records already in the output were kept');
    expect(text).toContain('shard 2/4: 9 entries left to the other shards');
    expect(text).toMatch(/worst 4 \(MQM per 100 words\):\n\s+5\.90 {2}Needs revision/);
  });

  it('--fail-on major fails items with a major or a critical flag; --fail-on critical only the critical', () => {
    expect(gateFailures(mt, { failOn: 'major' })).toEqual(['has 2 major']);
    expect(gateFailures(worst, { failOn: 'major' })).toEqual(['has 1 critical']);
    expect(gateFailures(mt, { failOn: 'critical' })).toEqual([]);
    expect(gateFailures(human, { failOn: 'major' })).toEqual([]);
  });

  it('--max-mqm-per-100 fails items above it (NaN fails), and each item counts once', () => {
    expect(gateFailures(mt, { maxMqmPer100: 5 })).toHaveLength(1);
    expect(gateFailures(human, { maxMqmPer100: 0.5 })).toEqual([]);
    expect(gateFailures({ ...human, mqmPer100: Number.NaN }, { maxMqmPer100: 10 })).toHaveLength(1);
    const s = new Summary({ failOn: 'major', maxMqmPer100: 5, failUnder: 0.55 });
    [human, mt, worst, clean].forEach((r) => s.add(r));
    expect(s.tally().belowThreshold).toBe(2);
    expect(s.lines().join('\n')).toContain('2 failing --fail-under 0.55, --fail-on major, --max-mqm-per-100 5 (exit 1)');
  });
});

describe('batch summary after review', () => {
  // The reviewer dismissed mt's flags and accepted one critical error in "human": the numbers after review rule.
  const reviewedMt: ScoreRecord = { ...mt, review: { mqm: 0, mqmPer100: 0, counts: { critical: 0, major: 0, minor: 0 }, verdict: 'No issues found: 0 critical, 0 major, 0 minor', reviewedShare: 1, decided: 5, added: 0 } };
  const reviewedHuman: ScoreRecord = { ...human, review: { mqm: 10, mqmPer100: 10, counts: { critical: 1, major: 0, minor: 0 }, verdict: 'Needs revision: 1 critical, 0 major, 0 minor', reviewedShare: 1, decided: 1, added: 1 } };

  it('judges reviewed items by the review in verdicts, ranking, means and gates', () => {
    const s = new Summary({ failOn: 'critical', maxMqmPer100: 5 });
    [reviewedMt, reviewedHuman, clean].forEach((r) => s.add(r));
    const text = s.lines().join('\n');
    expect(text).toContain('verdicts: 1 needs revision, 0 minor issues, 2 no issues found');
    expect(text).toContain('2 of 3 items judged after review');
    expect(text).toMatch(/worst 3 \(MQM per 100 words\):\n\s+10\.00\s+Needs revision.*human \(after review\)/);
    expect(gateFailures(reviewedMt, { failOn: 'major', maxMqmPer100: 5 })).toEqual([]);
    expect(gateFailures(reviewedHuman, { failOn: 'critical' })).toEqual(['has 1 critical']);
    expect(s.tally().meanMqmPer100).toBeCloseTo(10 / 3);
  });
});
