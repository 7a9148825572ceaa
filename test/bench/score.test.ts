import { describe, expect, it } from 'vitest';
import { confusion, falseFlagRate, overlaps, scoreSpans, scoreTokens, type Case } from '../../bench/lib/score.mjs';

// "aaa bbb ccc ddd eee" is sentence 0, "fff ggg" sentence 1.
const tokens = [[0, 3], [4, 7], [8, 11], [12, 15], [16, 19], [21, 24], [25, 28]].map(([start, end]) => ({ start: start!, end: end! }));
const example: Case = {
  tokens,
  errors: [
    { category: 'number', start: 4, end: 7, sentence: 0 },
    { category: 'entity', start: 12, end: 15, sentence: 0, supported: false },
    { category: 'omission', start: 28, end: 28, sentence: 1 },
  ],
  flags: [
    { category: 'number', start: 4, end: 7, sentence: 0 },
    { category: 'spelling', start: 12, end: 15, sentence: 0 },
    { category: 'number', start: 16, end: 19, sentence: 0, background: true },
    { category: 'mistranslation', start: 21, end: 24, sentence: 1 },
  ],
};

describe('overlaps', () => {
  it('treats spans as half-open, zero-width spans as touching', () => {
    expect(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 })).toBe(false);
    expect(overlaps({ start: 0, end: 4 }, { start: 3, end: 5 })).toBe(true);
    expect(overlaps({ start: 3, end: 3 }, { start: 0, end: 3 })).toBe(true);
    expect(overlaps({ start: 6, end: 6 }, { start: 0, end: 3 })).toBe(false);
  });
});

describe('scoreSpans', () => {
  const s = scoreSpans([example], ['number', 'entity', 'omission']);

  it('scores a category with a hit and a false flag', () => {
    expect(s.number!.errors).toBe(1);
    expect(s.number!.flags).toBe(2);
    expect(s.number!.same.precision).toBeCloseTo(0.5);
    expect(s.number!.same.recall).toBe(1);
    expect(s.number!.same.f1).toBeCloseTo(2 / 3);
    // The false flag is one the clean text gets too: among the new flags, all are right.
    expect(s.number!.precisionNew).toBe(1);
  });

  it('counts a flag of another category for recall "any" only', () => {
    expect(s.entity!.same.recall).toBe(0);
    expect(s.entity!.any.recall).toBe(1);
    expect(s.entity!.same.precision).toBeNull();
    expect(s.entity!.supportedErrors).toBe(0);
    expect(s.spelling!.errors).toBe(0);
    expect(s.spelling!.same.precision).toBe(0);
    expect(s.spelling!.any.precision).toBe(1);
  });

  it('judges an omission by sentence', () => {
    expect(s.omission!.same.recall).toBe(0);
    expect(s.omission!.any.recall).toBe(1);
  });

  it('micro-averages over all categories', () => {
    expect(s.all!.errors).toBe(3);
    expect(s.all!.flags).toBe(4);
    expect(s.all!.same.precision).toBeCloseTo(0.25);
    expect(s.all!.same.recall).toBeCloseTo(1 / 3);
    expect(s.all!.any.precision).toBeCloseTo(0.75);
    expect(s.all!.any.recall).toBe(1);
  });
});

describe('scoreTokens', () => {
  const t = scoreTokens([example], ['number', 'entity', 'omission']);

  it('compares word tokens under flags with word tokens under injected spans', () => {
    expect(t.number!.goldTokens).toBe(1);
    expect(t.number!.flaggedTokens).toBe(2);
    expect(t.number!.same.precision).toBeCloseTo(0.5);
    expect(t.number!.same.recall).toBe(1);
    expect(t.entity!.same.recall).toBe(0);
    expect(t.entity!.any.recall).toBe(1);
  });

  it('leaves out sentence-level categories', () => {
    expect(t.omission).toBeUndefined();
    expect(t.all!.goldTokens).toBe(2);
    expect(t.all!.flaggedTokens).toBe(4);
    expect(t.all!.same.recall).toBeCloseTo(0.5);
  });
});

describe('confusion and false-flag rate', () => {
  it('tells which flag categories hit each injected category', () => {
    expect(confusion([example])).toEqual({ number: { number: 1 }, entity: { spelling: 1 }, omission: { mistranslation: 1 } });
  });

  it('counts flags per 1,000 words by category', () => {
    const r = falseFlagRate(example.flags, 1500);
    expect(r.per1000).toBeCloseTo((4 * 1000) / 1500);
    expect(r.byCategory).toEqual({ number: 2, spelling: 1, mistranslation: 1 });
  });
});
