import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedTauB, kendallTauB, pearson } from '../../src/eval/correlation.js';

/** tau-b straight from the definition, O(n^2). */
function naiveTauB(x: number[], y: number[]): number {
  let c = 0;
  let d = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const sx = Math.sign(x[i]! - x[j]!);
      const sy = Math.sign(y[i]! - y[j]!);
      if (sx === 0 && sy === 0) continue;
      if (sx === 0) tx++;
      else if (sy === 0) ty++;
      else if (sx === sy) c++;
      else d++;
    }
  }
  return (c - d) / Math.sqrt((c + d + tx) * (c + d + ty));
}

describe('kendallTauB', () => {
  it('matches a hand-computed example with ties on both sides', () => {
    // pairs: (1,2) C, (1,3) C, (1,4) C, (2,3) tied in x, (2,4) D, (3,4) tied in y
    // tau-b = (3 - 1) / sqrt((6 - 1) * (6 - 1)) = 0.4
    expect(kendallTauB([1, 2, 2, 3], [1, 3, 2, 2])).toBeCloseTo(0.4, 12);
  });

  it('counts pairs tied on both sides in neither denominator term', () => {
    // pairs: (1,2) tied on both, (1,3) C, (2,3) C: (2 - 0) / sqrt((3 - 1) * (3 - 1)) = 1
    expect(kendallTauB([1, 1, 2], [5, 5, 6])).toBeCloseTo(1, 12);
  });

  it('is 1 / -1 for same / reversed order and NaN when a side is constant', () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(kendallTauB([1, 2, 3], [0, 0, 0])).toBeNaN();
    expect(kendallTauB([1], [2])).toBeNaN();
  });

  it('agrees with the O(n^2) definition on random data with many ties', () => {
    const small = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(small, small), { minLength: 2, maxLength: 60 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const fast = kendallTauB(x, y);
        const slow = naiveTauB(x, y);
        if (Number.isNaN(slow)) return Number.isNaN(fast);
        return Math.abs(fast - slow) < 1e-12;
      }),
      { numRuns: 300 },
    );
  });
});

describe('pearson and grouped tau', () => {
  it('computes Pearson r', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('averages tau over groups, skipping groups where it is undefined', () => {
    const g = groupedTauB([
      { x: [1, 2, 3], y: [1, 2, 3] },
      { x: [1, 2, 3], y: [3, 2, 1] },
      { x: [1, 2, 3], y: [0, 0, 0] },
      { x: [1, 2, 2, 3], y: [1, 3, 2, 2] },
    ]);
    expect(g.groups).toBe(3);
    expect(g.tau).toBeCloseTo((1 - 1 + 0.4) / 3, 12);
  });
});
