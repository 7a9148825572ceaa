import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { PolarityDetector } from '../../src/detect/polarity.js';
import { analyze } from './helpers.js';

// Invented story: troops and a deadline.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new PolarityDetector());
});

const POSITIVE = 'The minister said the army will leave the city before Friday.';
const NEGATIVE = 'The minister said the army will not leave the city before Friday.';

describe('polarity', () => {
  it('flags a negation the nearly identical reference sentence lacks, as critical', async () => {
    const a = await analyze(analyzer, NEGATIVE, [POSITIVE]);
    expect(a.sentences[0]!.matches[0]!.similarity).toBeGreaterThan(0.9);
    expect(a.flags.map((f) => [f.text, f.category, f.severity])).toEqual([['not', 'mistranslation', 'critical']]);
    expect(a.flags[0]!.message).toMatch(/reverses the meaning/);
  });

  it('flags a dropped negation where the reference has one, with the negation as the fix', async () => {
    const a = await analyze(analyzer, POSITIVE, [NEGATIVE]);
    expect(a.flags.map((f) => [f.text, f.suggestion, f.severity])).toEqual([['leave', 'not leave', 'critical']]);
  });

  it('does not call a negated clause that the reference simply lacks a reversal', async () => {
    const mt = 'The minister said the army will leave the city before Friday, although he did not say where it would go.';
    expect((await analyze(analyzer, mt, [POSITIVE])).flags).toEqual([]);
  });

  it('reads a negated word in the reference ("non-diabetic") as its negation, in both modes', async () => {
    const mt = 'We now have mice that used to be diabetic and are no longer diabetic, he added.';
    const ref = 'We now have mice that are non-diabetic that used to be diabetic, he added.';
    for (const mode of ['comparable', 'parallel'] as const) expect((await analyze(analyzer, mt, [ref], { mode })).flags, mode).toEqual([]);
    const plain = 'We now have mice that are healthy that used to be diabetic, he added.';
    expect((await analyze(analyzer, mt, [plain], { mode: 'parallel' })).flags.map((f) => f.text)).toEqual(['no']);
  });
});
