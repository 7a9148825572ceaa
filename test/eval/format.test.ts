import { describe, expect, it } from 'vitest';
import { conclusion } from '../../src/eval/format.js';
import type { EvalReport } from '../../src/eval/run.js';

const counts = (precision: number, recall: number) => ({ tp: 0, fp: 0, fn: 0, precision, recall, f1: 0 });
const tau = (flatTau: number, groupedTau = Number.NaN) => ({ flatTau, groupedTau, systemPearson: 0 });

function report(metrics: Record<string, ReturnType<typeof tau>>, severity: EvalReport['flags']['severity']): EvalReport {
  return {
    folds: [{}],
    crossValidated: metrics,
    all: {},
    flags: {
      byCategory: [
        { key: 'mistranslation', flags: 30, confirmed: 12 },
        { key: 'omission', flags: 10, confirmed: 0 },
      ],
      severity,
      tokens: { all: counts(0.175, 0.109), accuracy: counts(0, 0), baseRate: { all: 0.14, accuracy: 0 }, tokens: 1 },
    },
  } as unknown as EvalReport;
}

describe('eval conclusion', () => {
  it('says how mtdiff compares with chrF and with length alone, and how precise the flags are', () => {
    const lines = conclusion(
      report({ mtdiff: tau(0.237, 0.075), chrF: tau(0.153, 0.068), length: tau(0.23), 'chrF-length': tau(0.252) }, { critical: {}, major: { none: 9, Major: 2, Minor: 1 }, minor: {} }),
    );
    expect(lines[0]).toBe('Conclusion:');
    expect(lines[1]).toContain('held out by talk');
    expect(lines[1]).toContain('mtdiff 0.237 beats (+0.084) chrF 0.153');
    expect(lines[1]).toContain('ties with (+0.007) reference length alone 0.230');
    expect(lines[2]).toContain('mtdiff 0.075 ties with (+0.007) chrF 0.068');
    expect(lines[3]).toContain('12 of 40 (30.0%) overlap an expert error span');
    expect(lines[4]).toBe('  Major flags: 9 of 12 (75.0%) hit no expert span; 2 hit an expert major error.');
    expect(lines.length).toBeLessThanOrEqual(6);
  });

  it('says when mtdiff trails', () => {
    const lines = conclusion(report({ mtdiff: tau(0.1), chrF: tau(0.2), length: tau(0.3), 'chrF-length': tau(0.3) }, { critical: {}, major: {}, minor: {} }));
    expect(lines[1]).toContain('mtdiff 0.100 trails (-0.100) chrF 0.200');
    expect(lines.some((l) => l.includes('Major flags'))).toBe(false);
  });
});
