import { describe, expect, it } from 'vitest';
import { SpellingDetector } from '../../src/detect/spelling.js';
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
});
