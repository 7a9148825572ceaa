import { describe, expect, it } from 'vitest';
import { OrderDetector } from '../../src/detect/order.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new OrderDetector());
const parallel = { mode: 'parallel' as const };

describe('order', () => {
  it('flags two adjacent words in the reverse order of the reference, with the reference order as the fix', async () => {
    const a = await analyze(analyzer, 'The committee will review the proposal week next.', ['The committee will review the proposal next week.'], parallel);
    expect(a.flags.map((f) => [f.text, f.category, f.suggestion])).toEqual([['week next', 'grammar', 'next week']]);
  });

  it('flags a word in the form of another word class than the reference word', async () => {
    const a = await analyze(analyzer, 'This is an importance step for the region.', ['This is an important step for the region.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([['importance', 'important']]);
  });

  it('leaves a gerund alone, which serves as noun and adjective too ("computing code" for "computer code")', async () => {
    expect((await analyze(analyzer, 'The envoys write computer code at night.', ['The envoys write computing code at night.'], parallel)).flags).toEqual([]);
  });

  it('reads a regular inflection with a dropped e ("move"/"moved") as another tense, not another word class', async () => {
    expect((await analyze(analyzer, 'So we moved this desk closer to the door.', ['So we move this desk closer to the door.'], parallel)).flags).toEqual([]);
  });

  it('leaves the same order and another tense alone', async () => {
    expect((await analyze(analyzer, 'The committee reviewed the proposal.', ['The committee reviews the proposal.'], parallel)).flags).toEqual([]);
  });
});
