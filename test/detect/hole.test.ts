import { describe, expect, it } from 'vitest';
import { HoleDetector } from '../../src/detect/hole.js';
import { analyze, expectValidFlags, refId } from './helpers.js';
import { stubAnalyzer } from './stub.js';

// Invented story: a museum reopening.
const analyzer = stubAnalyzer(new HoleDetector());
const parallel = { mode: 'parallel' as const };
const REF = 'The director said the restoration of the east wing took two years.';

describe('hole', () => {
  it('reports the reference words a parallel reference has in the hole as an omission, with them as the fix', async () => {
    const mt = 'The director said the of the east wing took two years.';
    const a = await analyze(analyzer, mt, [REF], parallel);
    expectValidFlags(a, mt, [refId(0)]);
    expect(a.flags.map((f) => [f.text, f.category, f.severity, f.suggestion])).toEqual([['the of', 'omission', 'major', 'the restoration of']]);
    expect(a.flags[0]!.message).toMatch(/'restoration'/);
  });

  it('rates a missing name critical', async () => {
    const a = await analyze(analyzer, 'Visitors came from the and from Italy.', ['Visitors came from the Netherlands and from Italy.'], parallel);
    expect(a.flags.map((f) => [f.category, f.severity])).toEqual([['omission', 'critical']]);
  });

  it('is a grammar error against comparable references, with a fix only where one has the same words around it', async () => {
    const mt = 'The director said the of the east wing took two years.';
    const a = await analyze(analyzer, mt, [REF]);
    expect(a.flags.map((f) => [f.text, f.category, f.suggestion])).toEqual([['the of', 'grammar', 'the restoration of']]);
    expect(a.flags[0]!.message).toMatch(/noun.*'the restoration of the'/);
    // "the restoration of its east wing": two matching neighbours alone do not make it the same phrase
    const other = await analyze(analyzer, mt, ['The director said the restoration of its east wing took two years.']);
    expect(other.flags.map((f) => [f.category, f.suggestion])).toEqual([['grammar', undefined]]);
  });

  it('is an omission against a parallel reference that words the phrase differently', async () => {
    const a = await analyze(analyzer, 'The director said the of the east wing took two years.', ['According to the director, restoring the east wing took two years.'], parallel);
    expect(a.flags.map((f) => [f.text, f.category, f.suggestion])).toEqual([['the of', 'omission', undefined]]);
    expect(a.flags[0]!.evidence.length).toBe(1);
  });

  it('says nothing about a complete sentence', async () => {
    const a = await analyze(analyzer, REF, [REF], parallel);
    expect(a.flags).toEqual([]);
  });
});
