import { describe, expect, it } from 'vitest';
import { FormDetector } from '../../src/detect/form.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

// Invented sentences; the stand-in embedder aligns near-verbatim sentences.
const analyzer = stubAnalyzer(new FormDetector());
const REF = 'The council approved the new budget on Monday.';
const parallel = { mode: 'parallel' as const };

describe('form', () => {
  it('flags a statement turned into a question, with the full stop as the fix', async () => {
    const a = await analyze(analyzer, 'The council approved the new budget on Monday?', [REF], parallel);
    expect(a.flags.map((f) => [f.text, f.category, f.severity, f.suggestion])).toEqual([['?', 'mistranslation', 'major', '.']]);
  });

  it('flags a question turned into a statement', async () => {
    const a = await analyze(analyzer, 'Did the council approve the new budget on Monday.', ['Did the council approve the new budget on Monday?'], parallel);
    expect(a.flags.map((f) => [f.text, f.category])).toEqual([['Monday', 'mistranslation']]);
  });

  it('accepts a reference question the translation splits in two, asking it in the second sentence', async () => {
    const mt = 'The council approved the new budget on Monday. But was it the budget the city needed?';
    const a = await analyze(analyzer, mt, ['The council approved the new budget on Monday, but was it the budget the city needed?'], parallel);
    expect(a.flags.filter((f) => f.category === 'mistranslation')).toEqual([]);
  });

  it('flags a dropped final full stop and a lower-case first letter', async () => {
    const a = await analyze(analyzer, 'the council approved the new budget on Monday', [REF], parallel);
    expect(a.flags.map((f) => [f.text, f.category, f.suggestion])).toEqual([
      ['the', 'spelling', 'The'],
      ['Monday', 'punctuation', 'Monday.'],
    ]);
  });

  it('leaves names that start in lower case, closing quotes and comparable references alone', async () => {
    expect((await analyze(analyzer, 'iPhone sales rose in May.', ['IPhone sales rose in May.'], parallel)).flags).toEqual([]);
    expect((await analyze(analyzer, '"The council approved the budget."', ['The council approved the budget.'], parallel)).flags).toEqual([]);
    expect((await analyze(analyzer, 'the council approved the new budget on Monday', [REF])).flags).toEqual([]);
  });

  it('does not read a sentence that begins with a figure as beginning in lower case', async () => {
    const ref = 'The 802.11n standard is faster than the previous technology.';
    expect((await analyze(analyzer, '802.11n standard is faster than the previous technology.', [ref], parallel)).flags).toEqual([]);
    // The same sentence with a word first still gets the lower-case flag.
    const lower = await analyze(analyzer, 'the 802.11n standard is faster than the previous technology.', [ref], parallel);
    expect(lower.flags.map((f) => f.text)).toEqual(['the']);
  });
});
