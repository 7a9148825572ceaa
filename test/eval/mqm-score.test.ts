import { describe, expect, it } from 'vitest';
import { mqmErrorWeight, segmentMqm } from '../../src/eval/mqm-score.js';

describe('WMT21 MQM weights', () => {
  it.each([
    ['Accuracy/Mistranslation', 'Major', 5],
    ['Accuracy/Mistranslation', 'Minor', 1],
    ['Fluency/Punctuation', 'Minor', 0.1],
    ['Fluency/Punctuation', 'Major', 5],
    ['Style/Awkward', 'minor', 1],
    ['Non-translation!', 'Major', 25],
    ['Source error', 'Major', 0],
    ['Accuracy/Omission', 'Neutral', 0],
  ])('%s %s weighs %d', (category, severity, weight) => {
    expect(mqmErrorWeight({ category, severity })).toBe(weight);
  });

  it('sums a rater\'s errors and averages over the raters of the segment', () => {
    const errors = [
      { rater: 'a', category: 'Accuracy/Mistranslation', severity: 'Major', spans: [] },
      { rater: 'a', category: 'Fluency/Punctuation', severity: 'Minor', spans: [] },
      { rater: 'b', category: 'Fluency/Grammar', severity: 'Minor', spans: [] },
    ];
    expect(segmentMqm({ raters: ['a'], errors: errors.slice(0, 2) })).toBeCloseTo(5.1, 10);
    // a: 5.1, b: 1, c (No-error): 0 -> mean 2.0333
    expect(segmentMqm({ raters: ['a', 'b', 'c'], errors })).toBeCloseTo(6.1 / 3, 10);
    expect(segmentMqm({ raters: [], errors: [] })).toBe(0);
  });
});
