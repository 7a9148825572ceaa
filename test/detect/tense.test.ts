import { describe, expect, it } from 'vitest';
import { mainVerb, TenseDetector } from '../../src/detect/tense.js';
import { tokenize } from '../../src/segment/tokens.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new TenseDetector());
const parallel = { mode: 'parallel' as const };

describe('tense', () => {
  it('reads the tense and aspect of the first finite verb', () => {
    expect(mainVerb(tokenize('The company will open a new factory.'))).toMatchObject({ tense: 'future', progressive: false });
    expect(mainVerb(tokenize('The company opened a new factory.'))).toMatchObject({ tense: 'past' });
    expect(mainVerb(tokenize('The company is opening a new factory.'))).toMatchObject({ tense: 'present', progressive: true });
  });

  it('flags another tense than the reference as major, another aspect as minor', async () => {
    const past = await analyze(analyzer, 'The company opened a new factory in the north.', ['The company will open a new factory in the north.'], parallel);
    expect(past.flags.map((f) => [f.text, f.severity])).toEqual([['opened', 'major']]);
    const aspect = await analyze(analyzer, 'The company is opening a new factory in the north.', ['The company opens a new factory in the north.'], parallel);
    expect(aspect.flags.map((f) => [f.text, f.severity])).toEqual([['is', 'minor']]);
  });

  it('leaves the same tense alone', async () => {
    expect((await analyze(analyzer, 'The firm opened a plant in the north.', ['The company opened a new factory in the north.'], parallel)).flags).toEqual([]);
  });
});
