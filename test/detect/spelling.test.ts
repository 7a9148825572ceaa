import { describe, expect, it } from 'vitest';
import { inflectionOf, SpellingDetector } from '../../src/detect/spelling.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new SpellingDetector());
const REF = 'The government received the report on Tuesday.';

describe('spelling', () => {
  it('flags a non-word one or two edits from a reference word, with that word as the fix', async () => {
    const a = await analyze(analyzer, 'The goverment recieved the report on Tuesday.', [REF], { mode: 'parallel' });
    expect(a.flags.map((f) => [f.text, f.category, f.severity, f.suggestion])).toEqual([
      ['goverment', 'spelling', 'minor', 'government'],
      ['recieved', 'spelling', 'minor', 'received'],
    ]);
  });

  it('leaves English words, names and words far from every reference word alone', async () => {
    const a = await analyze(analyzer, 'The government received the Gouvernment report on Tuesday from xqzvbt.', [REF]);
    expect(a.flags).toEqual([]);
  });

  it('leaves another form of a reference word alone, even one the dictionary lacks ("microclimate", "microclimates")', async () => {
    const ref = 'The valley has many microclimates and soils.';
    expect((await analyze(analyzer, 'The valley has a diverse microclimate and soils.', [ref], { mode: 'parallel' })).flags).toEqual([]);
    // One letter inside the word is still a misspelling.
    const typo = await analyze(analyzer, 'The valley has many microclimtes and soils.', [ref], { mode: 'parallel' });
    expect(typo.flags.map((f) => f.suggestion)).toEqual(['microclimates']);
    expect(inflectionOf('microclimate', 'microclimates')).toBe(true);
    expect(inflectionOf('policies', 'policy')).toBe(true);
    expect(inflectionOf('goverment', 'government')).toBe(false);
  });
});
