import { describe, expect, it } from 'vitest';
import { PronounCaseDetector } from '../../src/detect/pronoun-case.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new PronounCaseDetector());
const flagged = async (mt: string, ref = mt) => (await analyze(analyzer, mt, [ref], { mode: 'parallel' })).flags.map((f) => [f.text, f.suggestion, f.severity]);

describe('pronoun case', () => {
  it('flags a pronoun whose case the next word rules out, as minor grammar with the right form', async () => {
    expect(await flagged('Me went to the market on Sunday.')).toEqual([['Me', 'I', 'minor']]);
    expect(await flagged('Him wife works at the bank.')).toEqual([['Him', 'His', 'minor']]);
    expect(await flagged('Itself is a small town near the coast.')).toEqual([['Itself', 'It', 'minor']]);
  });

  it('needs the reference where the next word can be a noun or a verb', async () => {
    expect(await flagged('They sold they house last year.', 'They sold their house last year.')).toEqual([['they', 'their', 'minor']]);
    expect(await flagged('They sold they house last year.', 'The family sold the property last year.')).toEqual([]);
  });

  it('leaves correct pronouns, contractions and the name US alone', async () => {
    expect(await flagged('I gave him the keys and he thanked me.')).toEqual([]);
    expect(await flagged('We met them at their house, and they said it was theirs.')).toEqual([]);
    expect(await flagged("There were minutes when I couldn't see the eclipse.")).toEqual([]);
    expect(await flagged('US President Joe Biden spoke on Friday.')).toEqual([]);
  });

  it('leaves verbs the lexicon lists as nouns, appositions and double objects alone', async () => {
    for (const mt of ['This is how we humans see ourselves.', 'I think the idea works.', 'They stacked the bricks the way they want.', 'The two stars spin faster before they merge.', 'It will take us one step closer.', 'I first went to Antarctica ten years ago.', 'The bank gave him money.'])
      expect(await flagged(mt), mt).toEqual([]);
  });
});
