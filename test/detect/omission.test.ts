import { describe, expect, it } from 'vitest';
import { OmissionDetector } from '../../src/detect/omission.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new OmissionDetector());
const parallel = { mode: 'parallel' as const };

describe('omission', () => {
  it('flags reference content the MT leaves out, with an insertion as the fix', async () => {
    const a = await analyze(analyzer, 'Workers repaired the old bridge over the river.', ['Workers repaired the old stone bridge over the river.'], parallel);
    expect(a.flags.map((f) => [f.text, f.category, f.suggestion])).toEqual([['old', 'omission', 'old stone']]);
    expect(a.flags[0]!.message).toMatch(/'stone'/);
  });

  it('rates a missing name critical', async () => {
    const a = await analyze(analyzer, 'The minister met the delegation on Friday.', ['The minister met the delegation from Norway on Friday.'], parallel);
    expect(a.flags.find((f) => /Norway/.test(f.message))?.severity).toBe('critical');
  });

  it('runs only against parallel references', async () => {
    expect((await analyze(analyzer, 'Workers repaired the old bridge over the river.', ['Workers repaired the old stone bridge over the river.'])).flags).toEqual([]);
  });
});
