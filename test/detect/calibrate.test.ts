import { describe, expect, it } from 'vitest';
import { calibrate, calibrationKey, contextAgreement, flagFeatures, loadCalibration, predict, type Calibration } from '../../src/detect/calibrate.js';
import type { AlignedSentence } from '../../src/core/types.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from '../../src/detect/types.js';
import { stubAnalyzer } from './stub.js';

const sentence: AlignedSentence = { index: 0, start: 0, end: 20, text: 'x', paragraph: 0, score: 1, similarity: 0.8, mqm: 0, matches: [], unsupported: false };
const raw = (confidence: number, features = {}): RawFlag => ({ start: 2, end: 5, text: 'abc', category: 'grammar', severity: 'minor', confidence, message: 'm', evidence: [{ ref: 'r', index: 0, text: 't' }], detector: 'd', features });

describe('calibration step', () => {
  it('reports the common features and those of the detector', () => {
    const f = flagFeatures(raw(0.5, { tokenSim: 0.3 }), [sentence]);
    expect(f).toMatchObject({ prior: 0, sim: 0.8, refs: 1, fix: 0, tokenSim: 0.3 });
  });

  it('turns features into confidence with the fitted model, and keeps the prior without one', () => {
    const model = { bias: 0, weights: { tokenSim: 2 }, mean: { tokenSim: 0.5 }, scale: { tokenSim: 0.25 }, n: 10, positives: 5 };
    const calibration: Calibration = { version: 1, provenance: 'test', command: '', minConfidence: { comparable: 0, parallel: 0 }, detectors: { [calibrationKey('parallel', 'd')]: model } };
    expect(predict(model, { tokenSim: 0.5 })).toBeCloseTo(0.5);
    expect(predict(model, { tokenSim: 0.75 })).toBeGreaterThan(0.8);
    const [high, low] = calibrate([raw(0.1, { tokenSim: 0.9 }), raw(0.9, { tokenSim: 0.1 })], [sentence], 'parallel', calibration);
    expect(high!.confidence).toBeGreaterThan(low!.confidence);
    expect(calibrate([raw(0.42)], [sentence], 'comparable', calibration)[0]!.confidence).toBe(0.42);
  });

  it('falls back to the priors when the file is missing', () => {
    expect(loadCalibration('/nonexistent/calibration.json').detectors).toEqual({});
  });

  it('ships a calibration with provenance, a threshold per mode and a model per detector it names', () => {
    const c = loadCalibration();
    expect(c.provenance.length).toBeGreaterThan(20);
    expect(c.minConfidence.parallel).toBeGreaterThan(0);
    for (const [key, m] of Object.entries(c.detectors)) {
      expect(key).toMatch(/^(comparable|parallel):[a-z]+$/);
      expect(Number.isFinite(m.bias)).toBe(true);
      expect(m.n).toBeGreaterThanOrEqual(m.positives);
    }
  });
});

class Fixed implements Detector {
  readonly id = 'fixed';
  readonly meta: DetectorMeta = { finds: '', how: '', categories: ['grammar'], modes: ['comparable'] };
  detect(ctx: DetectContext): RawFlag[] {
    const s = ctx.mt.sentences[0]!.sentence;
    return [0.2, 0.9].map((confidence, k) => ({ ...raw(confidence), start: s.start + k * 4, end: s.start + k * 4 + 3, text: ctx.mt.text.slice(s.start + k * 4, s.start + k * 4 + 3), detector: 'fixed' }));
  }
}

describe('precision-first threshold', () => {
  const analyzer = stubAnalyzer(new Fixed());
  const run = (minConfidence?: number) => analyzer.analyze({ id: 'mt', text: 'One two three four.' }, [{ id: 'r', text: 'One two three four.' }], minConfidence === undefined ? {} : { minConfidence });

  it('shows the flags that reach it, counts the others, and scores only the shown', async () => {
    const a = await run(0.5);
    expect(a.flags.map((f) => f.confidence)).toEqual([0.9]);
    expect(a.filter).toEqual({ minConfidence: 0.5, belowThreshold: 1 });
    expect(a.mqm).toBe(1);
    const all = await run(0);
    expect(all.flags).toHaveLength(2);
    expect(all.mqm).toBe(2);
  });
});

describe('context agreement (a feature of every flag)', () => {
  const text = 'The council approved the new budget on Monday.';
  const sentence = (refText: string, similarity: number): AlignedSentence => ({
    index: 0,
    start: 0,
    end: text.length,
    text,
    paragraph: 0,
    score: 0,
    similarity,
    mqm: 0,
    unsupported: false,
    matches: [{ ref: 'ref.txt', index: 0, start: 0, end: refText.length, text: refText, similarity }],
  });
  const span = { start: text.indexOf('approved'), end: text.indexOf('approved') + 'approved'.length };

  it('is the share of the three words either side that the aligned reference uses', () => {
    expect(contextAgreement(span, sentence('The council rejected the new budget on Monday.', 0.9))).toBe(1);
    expect(contextAgreement(span, sentence('Councillors voted for a spending plan.', 0.9))).toBe(0);
    // Of "The council" before and "the new budget" after, the reference has "the" (twice) and "council".
    expect(contextAgreement(span, sentence('The council agreed a spending plan.', 0.9))).toBeCloseTo(3 / 5);
  });

  it('ignores references too far from the sentence to support it', () => {
    expect(contextAgreement(span, sentence('The council rejected the new budget on Monday.', 0.2))).toBe(0);
    expect(contextAgreement(span, undefined)).toBe(0);
  });
});
