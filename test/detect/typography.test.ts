import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { TypographyDetector } from '../../src/detect/typography.js';
import { analyze } from './helpers.js';

// Invented sentences: typography carried over from German and French into English.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new TypographyDetector());
});

const REFS = ['The minister said the talks were "constructive" and would continue on Friday.'];
const fixed = (mt: string, flags: { start: number; end: number; suggestion?: string }[]): string =>
  [...flags].reverse().reduce((t, f) => t.slice(0, f.start) + (f.suggestion ?? '') + t.slice(f.end), mt);

describe('typography', () => {
  it('replaces German and French quotation marks, and a German closing “ after a space', async () => {
    const mt = 'The minister called the talks „constructive“. Her deputy said « useful » and “hopeful “.';
    const a = await analyze(analyzer, mt, REFS);
    expect(a.flags.every((f) => f.category === 'punctuation' && f.severity === 'minor')).toBe(true);
    expect(fixed(mt, a.flags)).toBe('The minister called the talks “constructive”. Her deputy said “useful” and “hopeful”.');
  });

  it('removes a space before ? ! : ; and before a comma or full stop', async () => {
    const mt = 'Will the talks continue ? The answer : yes ! He left , and they stayed .';
    const a = await analyze(analyzer, mt, REFS);
    expect(fixed(mt, a.flags)).toBe('Will the talks continue? The answer: yes! He left, and they stayed.');
  });

  it('leaves English typography alone: times, ellipses, decimals, quotes, dashes', async () => {
    const mt = 'At 10 : 30 the minister said “We will see …” and left. Growth was .5 percent – or less. He said: "no".';
    const a = await analyze(analyzer, mt, REFS);
    expect(a.flags).toEqual([]);
  });
});
