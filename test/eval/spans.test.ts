import { describe, expect, it } from 'vitest';
import { confidenceSweep, omissionAgreement, precisionBy, recallByCategory, severityTable, tokenAgreement } from '../../src/eval/spans.js';
import { errorOn, flagOn, item } from './items.js';

const T = 'The cat sat on the mat.';
// Tokens: The cat sat on the mat . (7). Experts: "cat" (accuracy), "mat" (fluency), an omission without a span.
// mtdiff: "cat" as mistranslation (an accuracy category), "sat" as grammar.
const it1 = item({
  target: T,
  errors: [errorOn(T, 'cat', 'Accuracy/Mistranslation'), errorOn(T, 'mat', 'Fluency/Grammar', 'Minor'), errorOn(T, null, 'Accuracy/Omission')],
  flags: [flagOn(T, 'cat', 'mistranslation', 'major'), flagOn(T, 'sat', 'grammar')],
});

describe('flags against expert spans', () => {
  it('counts tokens: every flag vs every span, and accuracy flags vs Accuracy/* spans', () => {
    const t = tokenAgreement([it1]);
    expect(t.tokens).toBe(7);
    expect(t.all).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(t.accuracy).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(t.baseRate.all).toBeCloseTo(2 / 7, 12);
    expect(t.baseRate.accuracy).toBeCloseTo(1 / 7, 12);
  });

  it('pools tokens over segments', () => {
    const none = item({ target: 'A dog.', errors: [errorOn('A dog.', 'dog', 'Accuracy/Mistranslation')] });
    const t = tokenAgreement([it1, none]);
    expect(t.tokens).toBe(10);
    expect(t.accuracy).toMatchObject({ tp: 1, fp: 0, fn: 1, recall: 0.5 });
  });

  it('finds expert errors by category and counts span-less ones apart', () => {
    const r = recallByCategory([it1]);
    expect(r.find((c) => c.category === 'Accuracy/Mistranslation')).toMatchObject({ errors: 1, hit: 1, recall: 1 });
    expect(r.find((c) => c.category === 'Fluency/Grammar')).toMatchObject({ errors: 1, hit: 0, recall: 0 });
    expect(r.find((c) => c.category === 'Accuracy/Omission')).toMatchObject({ errors: 0, spanless: 1 });
  });

  it('measures flag precision per category with what the experts called it', () => {
    const p = precisionBy([it1], (f) => f.category);
    expect(p.find((x) => x.key === 'mistranslation')).toMatchObject({ flags: 1, confirmed: 1, confirmedAccuracy: 1, matchedAs: [{ category: 'Accuracy/Mistranslation', count: 1 }] });
    expect(p.find((x) => x.key === 'grammar')).toMatchObject({ flags: 1, confirmed: 0, precision: 0 });
  });

  it('tabulates severities, unconfirmed flags as none', () => {
    expect(severityTable([it1])).toEqual({ critical: {}, major: { Major: 1 }, minor: { none: 1 } });
  });

  it('drops flags below a confidence threshold', () => {
    const confident = { ...flagOn(T, 'mat', 'grammar'), confidence: 0.9 };
    const sweep = confidenceSweep([item({ target: T, errors: it1.segment.errors, flags: [...it1.flags, confident] })], [0, 0.8]);
    expect(sweep.map((s) => s.flags)).toEqual([3, 1]);
    expect(sweep[1]!.all).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });
});

describe('omissions per segment', () => {
  it('compares omission flags with expert omissions segment by segment', () => {
    const omitted = item({ target: 'A dog.', errors: [errorOn('A dog.', null, 'Accuracy/Omission')], flags: [flagOn('A dog.', 'dog', 'omission')] });
    const falseAlarm = item({ target: 'A cat.', flags: [flagOn('A cat.', 'cat', 'omission')] });
    expect(omissionAgreement([it1, omitted, falseAlarm])).toEqual({ expert: 2, flagged: 2, both: 1, precision: 0.5, recall: 0.5 });
  });
});
