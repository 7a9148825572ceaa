import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../src/analyze.js';
import { loadScoreModel } from '../../src/score/model.js';

// The shipped score on the real model, parallel mode, shipped calibration and threshold (what `check` reports).
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createAnalyzer();
}, 60_000);

const REF = 'The prime minister said on Tuesday that the Internet tax would not be raised next year.';
const score = async (mt: string, ref = REF) =>
  (await analyzer.analyze({ id: 'mt', text: mt }, [{ id: 'ref', text: ref }], { mode: 'parallel', sourceLang: 'de' })).score;

describe('the shipped sentence score (parallel references)', () => {
  it('is not moved by casing that changes no meaning, on either side', async () => {
    const base = await score(REF);
    expect(await score('The Prime Minister said on Tuesday that the internet tax would not be raised next year.')).toBe(base);
    expect(await score(REF, REF.replace('Internet', 'internet'))).toBe(base);
  });

  it('ranks the good translation above each kind of minimal error', async () => {
    const base = await score(REF);
    const errors = [
      'The prime minister said on Tuesday that the Internet tax would be raised next year.', // negation dropped
      'The prime minister said on Tuesday that the Internet tax would not be next year.', // verb removed
      'The prime minister said that the Internet tax would not be raised next year.', // pp removed
      'The prime minister said on Tuesday that the Internet tax would not be raised next year year.', // repeat
      'The prime minister said on Tuesday that the Internet tax would not be raised next year .', // tokenised
      'the prime minister said on Tuesday that the Internet tax would not be raised next year.', // first letter
      'The prime minister said on Tuesday that the Internet tax would not be raised next year', // final stop
    ];
    for (const mt of errors) expect(await score(mt), mt).toBeLessThan(base);
  });

  it('stays in [0, 1] and names its model version in the signature', async () => {
    const a = await analyzer.analyze({ id: 'mt', text: 'Nothing here matches at all.' }, [{ id: 'ref', text: REF }], { mode: 'parallel' });
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
    expect(a.signature).toContain(`|score:${loadScoreModel().version}|`);
  });
});
