import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../../src/eval/run.js';
import { mtdiff } from '../cli/run.js';

const TINY = 'test/fixtures/eval/tiny.tsv';
const METRICS = ['mtdiff', 'check', 'chrF', 'bertscore-R', 'similarity', 'length', 'chrF-length'];

const inTau = (x: number | null) => x === null || (x >= -1 && x <= 1);

describe('mtdiff eval mqm on a tiny MQM file (real model)', () => {
  let report: EvalReport;
  beforeAll(() => {
    const r = mtdiff(['eval', 'mqm', TINY, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    report = JSON.parse(r.stdout) as EvalReport;
  });

  it('evaluates the MT systems against refB, leaving the other human translation out', () => {
    expect(report.version).toBe(1);
    expect(report.referenceSystem).toBe('refB');
    expect(report.systems).toEqual(['sysA', 'sysB', 'sysC']);
    expect(report.talks).toEqual(['talk.1', 'talk.2', 'talk.3']);
    expect(report.segments).toBe(18);
    expect(report.signature).toMatch(/^nrefs:1\|mode:parallel\|src:zh\|/);
  });

  it('reports every metric on the whole file and per held-out talk, with correlations in range', () => {
    expect(Object.keys(report.all).sort()).toEqual([...METRICS].sort());
    expect(report.folds.map((f) => f.heldOut)).toEqual(report.talks);
    for (const a of [...Object.values(report.all), ...report.folds.flatMap((f) => Object.values(f.metrics))]) {
      expect(inTau(a.flatTau)).toBe(true);
      expect(inTau(a.groupedTau)).toBe(true);
      expect(inTau(a.systemPearson)).toBe(true);
    }
    for (const n of METRICS) expect(Object.keys(report.crossValidated[n]!).sort()).toEqual(['flatTau', 'groupedTau', 'systemPearson']);
    // sysA copies the reference, sysC is riddled with errors: every lexical metric sees that.
    expect(report.all.chrF!.flatTau).toBeGreaterThan(0);
    expect(report.all.mtdiff!.flatTau).toBeGreaterThan(0);
  });

  it('fits weights that form a convex mix with a positive per-word scale', () => {
    for (const w of [report.fit, ...report.folds.map((f) => f.weights)]) {
      expect(Object.values(w.mix).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
      expect(w.perWord).toBeGreaterThan(0);
    }
    expect(report.calibration.reduce((n, b) => n + b.segments, 0)).toBe(18);
  });

  it('scores the flags against the expert spans', () => {
    const t = report.flags.tokens;
    for (const c of [t.all, t.accuracy]) {
      for (const x of [c.precision, c.recall, c.f1]) expect(x >= 0 && x <= 1).toBe(true);
    }
    // 14 expert errors in the fixture, all with a target span
    expect(report.flags.recallByCategory.reduce((n, c) => n + c.errors, 0)).toBe(14);
    expect(t.baseRate.all).toBeGreaterThan(0);
    expect(report.flags.byConfidence.length).toBeGreaterThan(0);
  });
});

describe('mtdiff eval mqm errors and text output', () => {
  it('prints the text report', () => {
    const r = mtdiff(['eval', 'mqm', TINY, '--folds', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mtdiff eval mqm .*\nConclusion:\n {2}Ranking segments \(whole file, in-sample/);
    expect(r.stdout).toMatch(/Whole file/);
    expect(r.stdout).not.toMatch(/Held-out/);
  });

  it('names the systems when the reference system is missing (usage error, one line)', () => {
    const r = mtdiff(['eval', 'mqm', TINY, '--reference-system', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/"nope" is not in the file \(systems: ref, refB, sysA, sysB, sysC\)/);
  });

  it('refuses a file that is not an MQM TSV (input error)', () => {
    const r = mtdiff(['eval', 'mqm', 'package.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an MQM TSV/);
  });
});
