import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { PolarityDetector } from '../../src/detect/polarity.js';
import { analyze, loadAnalyzer, only } from './helpers.js';

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

describe('polarity against parallel references, read by the real model', () => {
  let real: Analyzer;
  beforeAll(async () => {
    real = only(await loadAnalyzer(), new PolarityDetector());
  });
  const parallel = async (mt: string, ref: string) => (await analyze(real, mt, [ref], { mode: 'parallel' })).flags.map((f) => f.text);

  it('reads "not until" and "not only" as focus, not negation', async () => {
    expect(await parallel('It was not until weeks later that the envoys agreed on a ceasefire.', 'It was weeks later that the envoys agreed on a ceasefire.')).toEqual([]);
    expect(await parallel('The envoys not only met, they also agreed on a ceasefire.', 'The envoys met and also agreed on a ceasefire.')).toEqual([]);
  });

  it('accepts a negation the reference says by an affix or an antonym', async () => {
    expect(await parallel('There is no doubt that the envoys agreed on a ceasefire.', 'Undoubtedly, the envoys agreed on a ceasefire.')).toEqual([]);
    expect(await parallel('The envoys said the offer was a little weak.', 'The envoys said the offer was not strong enough.')).toEqual([]);
  });

  it('reads "too small to hear" as the negation "so small we cannot hear" says', async () => {
    expect(await parallel('The signals were so weak that the crew could not hear them at all.', 'The signals were too weak for the crew to hear.')).toEqual([]);
    expect(await parallel('The signals were too weak for the crew to hear.', 'The signals were so weak that the crew could not hear them at all.')).toEqual([]);
    // "too close to it": a preposition, no infinitive, so the reversal stays visible.
    expect(await parallel('The probe came too close to the sun and did not survive.', 'The probe came too close to the sun and survived.')).toEqual(['not']);
  });

  it('reads "and not X" at the end of a sentence as setting aside an alternative, not as a reversal', async () => {
    expect(await parallel('The food here is shaped by Greek cooking, and not Turkish.', 'The food here owes more to Greek cooking than Turkish.')).toEqual([]);
    // A negated clause still counts.
    expect(await parallel('The food here is not shaped by Greek cooking.', 'The food here is shaped by Greek cooking.')).toEqual(['not']);
  });

  it('reads both reference sentences a translation joins into one', async () => {
    expect(await parallel('But the talks are not over, in fact they resume in Geneva tomorrow.', 'But the talks are not over. They actually resume in Geneva tomorrow.')).toEqual([]);
  });

  it('does not call a negated clause the translation lacks a reversal (that is an omission)', async () => {
    expect(await parallel('The plan is simple;', 'The plan is simple; there is no outside funding.')).toEqual([]);
  });

  it('still flags a negation reversed in a loosely worded translation', async () => {
    expect(await parallel('The envoys said that the army did not leave the city on Friday.', 'According to the envoys, the troops left the city on Friday.')).toEqual(['not']);
  });
});
