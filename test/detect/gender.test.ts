import { describe, expect, it } from 'vitest';
import { GenderDetector } from '../../src/detect/gender.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new GenderDetector());
const parallel = { mode: 'parallel' as const };

describe('gender', () => {
  it('flags pronouns of the other gender than the reference, each with its counterpart as the fix', async () => {
    const a = await analyze(analyzer, 'The mayor said he would present his plan in June.', ['The mayor said she would present her plan in June.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion, f.category, f.severity])).toEqual([
      ['he', 'she', 'mistranslation', 'major'],
      ['his', 'her', 'mistranslation', 'major'],
    ]);
  });

  it('flags a gendered noun', async () => {
    const a = await analyze(analyzer, 'A woman was arrested near the station on Sunday.', ['A man was arrested near the station on Sunday.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([['woman', 'man']]);
  });

  it('leaves sentences about both genders, and agreeing ones, alone', async () => {
    expect((await analyze(analyzer, 'He told her the plan was ready.', ['She told him the plan was ready.'], parallel)).flags).toEqual([]);
    expect((await analyze(analyzer, 'She said her plan was ready.', ['She said her plan was ready.'], parallel)).flags).toEqual([]);
  });
});

describe('gender, one word swapped among several', () => {
  it('flags the word of the other gender where the reference has one gender throughout', async () => {
    const a = await analyze(analyzer, 'The studio signed his for seven years and she made it big.', ['The studio signed her for seven years and she made it big.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([['his', 'her']]);
    expect(a.flags[0]!.severity).toBe('major');
  });

  it('leaves a second person alone: the MT has all the reference has, and more', async () => {
    const a = await analyze(analyzer, 'She said her brother had left.', ['She said her sibling had left.'], parallel);
    expect(a.flags).toEqual([]);
  });

  it('rates the wrong gender critical when the sentence names the person', async () => {
    const a = await analyze(analyzer, 'Minister Alvarez said he would resign.', ['Minister Alvarez said she would resign.'], parallel);
    expect(a.flags.map((f) => [f.text, f.severity])).toEqual([['he', 'critical']]);
  });
});
