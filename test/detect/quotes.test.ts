import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { QuoteDetector } from '../../src/detect/quotes.js';
import { analyze, loadAnalyzer, only, refId } from './helpers.js';

// Invented story: a mayor's promise after a flood, quoted by two outlets.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new QuoteDetector());
});

const REFS = [
  '“We will make every good faith effort to rebuild the homes before winter,” the mayor said on Monday.',
  'Speaking to residents, she promised: “We will make every good faith effort to rebuild the homes before winter.”',
];

describe('quotes', () => {
  it('flags a phrase replaced inside a quotation the references print, with their words as the fix', async () => {
    const mt = 'The mayor promised: “We will make every good luck effort to rebuild the homes before winter.”';
    const a = await analyze(analyzer, mt, REFS);
    expect(a.flags.map((f) => [f.text, f.suggestion, f.severity])).toEqual([['luck', 'faith', 'minor']]);
    expect(a.flags[0]!.evidence.map((e) => e.ref).sort()).toEqual([refId(0), refId(1)]);
    expect(a.flags[0]!.message).toMatch(/^Misquoted: 2 references quote 'faith'/);
  });

  it('leaves function-word differences, other quotations and reported speech alone', async () => {
    const functionWords = 'The mayor promised: “We will make a good faith effort to rebuild all homes before winter.”';
    expect((await analyze(analyzer, functionWords, REFS)).flags).toEqual([]);
    const other = 'The mayor promised: “We will open new shelters for every family before winter.”';
    expect((await analyze(analyzer, other, REFS)).flags).toEqual([]);
    const reported = 'The mayor promised to make every good luck effort to rebuild the homes before winter.';
    expect((await analyze(analyzer, reported, REFS)).flags).toEqual([]);
  });

  it('leaves misspellings inside a quotation to the spelling and entity detectors', async () => {
    const mt = 'The mayor promised: “We will make every good faith effort to rebiuld the homes before winter.”';
    expect((await analyze(analyzer, mt, REFS)).flags).toEqual([]);
  });
});
