import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { AntonymDetector } from '../../src/detect/antonym.js';
import { analyze, loadAnalyzer, only } from './helpers.js';

// The slot test pairs words by contextual vectors: the real model, not the word-identity stub.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new AntonymDetector());
});
const parallel = { mode: 'parallel' as const };
const flagged = async (mt: string, ref: string) => (await analyze(analyzer, mt, [ref], parallel)).flags.map((f) => [f.text, f.suggestion, f.severity]);

describe('antonym', () => {
  it('accepts an antonym the other side negates ("a little weak" for "not strong enough"), not one a negation merely precedes', async () => {
    expect(await flagged('The envoys said the offer was a little weak.', 'The envoys said the offer was not strong enough.')).toEqual([]);
    expect(await flagged('The envoys said the offer was weak.', 'The envoys said the offer was strong.')).toEqual([['weak', 'strong', 'critical']]);
    expect(await flagged('Without her mother, she would have stayed at home.', 'Without her father, she would have stayed at home.')).toEqual([['mother', 'father', 'critical']]);
  });

  it('flags a word whose antonym the reference has, as critical, inflected like the reference', async () => {
    expect(await flagged('Exports increased sharply last year.', 'Exports decreased sharply last year.')).toEqual([['increased', 'decreased', 'critical']]);
  });

  it("finds the antonym through the reference word's synonyms and through comparatives", async () => {
    // WordNet opposes "sell" to "buy"; "purchase" shares buy's synset.
    expect(await flagged('Every year the city sells land to farmers.', 'Every year the city purchases land from farmers.')).toEqual([['sells', 'purchases', 'critical']]);
    expect(await flagged('Prices reached their lowest level in a decade.', 'Prices reached their highest level in a decade.')).toEqual([['lowest', 'highest', 'critical']]);
  });

  it('leaves an antonym in another slot alone', async () => {
    // "declined" renders "refused"; "accepted" stands where the reference says "took up".
    expect(await flagged('The lower courts refused to hear the case, but the high court accepted the appeal.', 'The lower courts declined to hear the case, but the high court took up the appeal.')).toEqual([]);
  });

  it('leaves a sentence that has both words alone', async () => {
    expect(await flagged('Imports increased while exports decreased.', 'Exports decreased while imports increased.')).toEqual([]);
  });
});
