import { describe, expect, it } from 'vitest';
import { fitPairwise, fitWeights, FIT_FEATURES, itemVector, pairLoss, rankPair, segmentScore, toScoreWeights } from '../../src/eval/fit.js';
import { bertScore } from '../../src/score/bertscore.js';
import { DEVIATIONS, UNMATCHED } from '../../src/score/deviations.js';
import { loadScoreModel, PRIOR, SCORE_FILE } from '../../src/score/model.js';
import { expectedMqm, PENALTY_UNIT, qualityScore, type ScoreWeights } from '../../src/score/sentence.js';
import { features, item, NO_DEVIATION } from './items.js';

const W: ScoreWeights = { mix: { chrf: 0.5, bertR: 0.5 }, refExposure: 1, perWord: 0.3, flagWeight: 0.5 };
const dev = (over: Partial<typeof NO_DEVIATION>) => ({ ...NO_DEVIATION, ...over });

describe('the calibrated sentence score', () => {
  it('is 1 for a sentence identical to its reference and falls as it deviates', () => {
    expect(qualityScore(features(), W)).toBe(1);
    const a = qualityScore(features({ deviations: dev({ chrf: 0.2 }) }), W);
    const b = qualityScore(features({ deviations: dev({ chrf: 0.5 }) }), W);
    expect(a).toBeLessThan(1);
    expect(b).toBeLessThan(a);
    expect(b).toBeGreaterThan(0);
  });

  it('ignores deviations the mix does not weigh', () => {
    expect(qualityScore(features({ deviations: dev({ punct: 1 }) }), W)).toBe(1);
  });

  it('expects more errors in a longer sentence that deviates as much (MQM sums errors)', () => {
    const f = (refWords: number) => features({ deviations: dev({ chrf: 0.5 }), refWords });
    expect(expectedMqm(f(30), W)).toBeCloseTo(3 * expectedMqm(f(10), W), 12);
    // 0.3 per word * 10 words * deviation 0.5 * 0.5 = 0.75 points
    expect(expectedMqm(f(10), W)).toBeCloseTo(0.75, 12);
  });

  it("counts mtdiff's own flags by flagWeight and maps one major error to e^-1", () => {
    expect(expectedMqm(features({ mqm: 5 }), W)).toBeCloseTo(2.5, 12);
    expect(qualityScore(features({ mqm: 10 }), { ...W, flagWeight: 1 })).toBeCloseTo(Math.exp(-10 / PENALTY_UNIT), 12);
  });

  it('uses MT length as exposure when there is no matched reference', () => {
    const unmatched = features({ deviations: UNMATCHED, refWords: 0, words: 4 });
    expect(expectedMqm(unmatched, W)).toBeCloseTo(0.3 * 4, 12);
  });
});

describe('models/score.json', () => {
  it('holds a non-negative mix over known deviations that sums to 1, with a positive scale', () => {
    const model = loadScoreModel();
    expect(model.version).toBeGreaterThan(0);
    for (const w of [model.parallel, model.comparable]) {
      const values = Object.values(w.mix);
      expect(Object.keys(w.mix).every((k) => (DEVIATIONS as readonly string[]).includes(k))).toBe(true);
      expect(values.every((v) => v >= 0)).toBe(true);
      expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
      expect(w.perWord).toBeGreaterThan(0);
      expect(w.refExposure).toBeGreaterThanOrEqual(0);
      expect(w.refExposure).toBeLessThanOrEqual(1);
    }
  });

  it('falls back to the prior when the file is missing or malformed', () => {
    expect(loadScoreModel('/nonexistent/score.json')).toBe(PRIOR);
    expect(loadScoreModel(SCORE_FILE.replace(/score\.json$/, 'registry.json'))).toBe(PRIOR);
  });
});

describe('the pairwise fit', () => {
  // Items whose chrF deviation decides which is worse; the other deviations are noise.
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const noisy = (chrf: number) => features({ deviations: dev({ chrf, bertR: rand(), punct: rand() }) });

  it('puts the weight on the deviation that ranks the pairs, never a negative one', () => {
    const pairs = Array.from({ length: 200 }, () => {
      const a = 0.2 + 0.3 * rand();
      return rankPair({ sentences: [noisy(a)], unmatchedWords: 0 }, { sentences: [noisy(a + 0.05 + 0.2 * rand())], unmatchedWords: 0 }, 1);
    });
    const w = fitPairwise(pairs);
    const k = (name: string) => FIT_FEATURES.indexOf(name as (typeof FIT_FEATURES)[number]);
    expect(w[k('chrf')]!).toBeGreaterThan(10 * Math.max(w[k('bertR')]!, w[k('punct')]!));
    expect(Array.from(w).every((v) => v >= 0)).toBe(true);
    expect(pairLoss(pairs, w)).toBeLessThan(pairLoss(pairs, new Float64Array(FIT_FEATURES.length)));
    // A deviation that only ever helps the worse side is held at 0, not made negative.
    const wrong = pairs.map((p) => ({ ...p, x: p.x.map((v, i) => (i === k('punct') ? -Math.abs(v) - 0.1 : v)) }));
    expect(fitPairwise(wrong)[k('punct')]).toBe(0);
  });

  it('scales the expected MQM to the experts by least squares', () => {
    const items = [0.1, 0.3, 0.5].map((chrf) => ({ item: { sentences: [features({ deviations: dev({ chrf }), refWords: 20 })], unmatchedWords: 0 }, mqm: 0.4 * 20 * chrf }));
    const w = new Float64Array(FIT_FEATURES.length);
    w[FIT_FEATURES.indexOf('chrf')] = 3;
    const weights = toScoreWeights(w, items);
    expect(weights.mix).toEqual({ chrf: 1 });
    expect(weights.perWord).toBeCloseTo(0.4, 9);
    expect(weights.flagWeight).toBe(0);
  });

  it('counts reference words left unmatched as full deviation in the item vector', () => {
    const { x, exposure } = itemVector({ sentences: [features({ refWords: 10 })], unmatchedWords: 10 });
    expect(exposure).toBe(20);
    expect(x[FIT_FEATURES.indexOf('chrf')]).toBeCloseTo(0.5, 12);
  });

  it('recovers the deviation behind expert MQM from the MQM segments alone', () => {
    const items = [];
    for (let seg = 0; seg < 12; seg++) {
      const words = 5 + seg * 3;
      for (let sys = 0; sys < 5; sys++) {
        const chrf = 0.7 * rand();
        const f = features({ deviations: dev({ chrf, bertR: rand() }), words, refWords: words });
        items.push(item({ system: `s${sys}`, segId: String(seg), sentences: [f], mqm: 0.3 * words * chrf }));
      }
    }
    const { weights, train } = fitWeights(items);
    expect(weights.mix.chrf).toBeGreaterThan(0.9);
    expect(train.groupedTau).toBeGreaterThan(0.9);
    expect(segmentScore(items[0]!, weights)).toBeGreaterThan(0);
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
