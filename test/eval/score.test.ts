import { describe, expect, it } from 'vitest';
import { SCORE } from '../../src/config.js';
import { fitWeights, segmentScore } from '../../src/eval/fit.js';
import { bertScore } from '../../src/score/bertscore.js';
import { expectedMqm, qualityScore, type ScoreWeights } from '../../src/score/sentence.js';
import { features, item } from './items.js';

const W: ScoreWeights = { chrf: 0.5, bertRecall: 0.5, similarity: 0, refExposure: 1, perWord: 0.3, flagWeight: 0.5 };

describe('the calibrated sentence score', () => {
  it('is 1 for a sentence identical to its reference and falls as it deviates', () => {
    expect(qualityScore(features(), W)).toBe(1);
    const a = qualityScore(features({ chrf: 0.8 }), W);
    const b = qualityScore(features({ chrf: 0.5 }), W);
    expect(a).toBeLessThan(1);
    expect(b).toBeLessThan(a);
    expect(b).toBeGreaterThan(0);
  });

  it('expects more errors in a longer sentence that deviates as much (MQM sums errors)', () => {
    expect(expectedMqm(features({ chrf: 0.5, refWords: 30 }), W)).toBeCloseTo(3 * expectedMqm(features({ chrf: 0.5, refWords: 10 }), W), 12);
    // 0.3 per word * 10 words * deviation 0.5 * 0.5 = 0.75 points
    expect(expectedMqm(features({ chrf: 0.5 }), W)).toBeCloseTo(0.75, 12);
  });

  it('counts mtdiff\'s own flags by flagWeight and maps one major error to e^-1', () => {
    expect(expectedMqm(features({ mqm: 5 }), W)).toBeCloseTo(2.5, 12);
    expect(qualityScore(features({ mqm: 10 }), { ...W, flagWeight: 1 })).toBeCloseTo(Math.exp(-10 / SCORE.penaltyUnit), 12);
  });

  it('uses MT length as exposure when there is no matched reference', () => {
    const unmatched = features({ similarity: 0, chrf: 0, bert: { precision: 0, recall: 0, f1: 0 }, refWords: 0, words: 4 });
    expect(expectedMqm(unmatched, W)).toBeCloseTo(0.3 * 4, 12);
  });

  it('keeps the configured weights a convex mix with a positive scale', () => {
    expect(SCORE.chrf + SCORE.bertRecall + SCORE.similarity).toBeCloseTo(1, 9);
    expect(SCORE.perWord).toBeGreaterThan(0);
    expect(SCORE.refExposure).toBeGreaterThanOrEqual(0);
    expect(SCORE.refExposure).toBeLessThanOrEqual(1);
  });
});

describe('fitWeights', () => {
  it('recovers the deviation that generated the expert scores, and its scale', () => {
    // MQM = 0.3 * words * (1 - chrF); BERTScore recall and similarity are unrelated noise.
    const items = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let seg = 0; seg < 12; seg++) {
      const words = 5 + seg * 3;
      for (let sys = 0; sys < 5; sys++) {
        const chrf = 0.3 + 0.7 * rand();
        const f = features({ chrf, words, refWords: words, similarity: rand(), bert: { precision: 1, recall: rand(), f1: 1 } });
        items.push(item({ system: `s${sys}`, segId: String(seg), sentences: [f], mqm: 0.3 * words * (1 - chrf) }));
      }
    }
    const { weights, train } = fitWeights(items);
    expect(weights.chrf).toBe(1);
    expect(weights.perWord).toBeCloseTo(0.3, 9);
    expect(train.flatTau).toBeCloseTo(1, 9);
    expect(train.groupedTau).toBeCloseTo(1, 9);
    expect(segmentScore(items[0]!, weights)).toBeCloseTo(Math.exp(-items[0]!.mqm / SCORE.penaltyUnit), 9);
  });
});

describe('bertScore', () => {
  const v = (...x: number[]) => {
    const n = Math.hypot(...x);
    return new Float32Array(x.map((c) => c / n));
  };

  it('matches each token to its best counterpart in both directions', () => {
    // MT tokens: e1, e2. Reference tokens: e1 only. Precision (1 + 0) / 2, recall 1.
    const s = bertScore([v(1, 0), v(0, 1)], [v(1, 0)]);
    expect(s.precision).toBeCloseTo(0.5, 6);
    expect(s.recall).toBeCloseTo(1, 6);
    expect(s.f1).toBeCloseTo((2 * 0.5) / 1.5, 6);
  });

  it('ignores truncated tokens and is 0 with nothing to match', () => {
    expect(bertScore([v(1, 0), null], [v(1, 0)]).precision).toBeCloseTo(1, 6);
    expect(bertScore([], [v(1, 0)])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
