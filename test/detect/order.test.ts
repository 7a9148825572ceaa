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

  it("flags a swap inside the same phrase, where a neighbour of the pair is the reference's too", async () => {
    const a = await analyze(analyzer, 'Traces were both in found water samples.', ['Traces were both found in water samples.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([['in found', 'found in']]);
  });

  it('leaves two orders that belong to different phrases alone', async () => {
    // "the orbit" (a noun) and "orbit the" (a verb and its object); the coordinated pair keeps its meaning.
    expect((await analyze(analyzer, 'Then it moves around the orbit of the sun.', ['Then it will orbit the sun quickly.'], parallel)).flags).toEqual([]);
    expect((await analyze(analyzer, 'The sound travels through time and space forever.', ['The sound travels through space and time always.'], parallel)).flags).toEqual([]);
  });

  it('flags a scrambled sentence, whose reversed pairs have no neighbour in place, as major', async () => {
    const a = await analyze(analyzer, 'Yesterday council the approved budget new the.', ['Yesterday the council approved the new budget.'], parallel);
    expect(a.flags.map((f) => f.text)).toEqual(['council the', 'budget new']);
    expect(a.flags.every((f) => f.severity === 'major')).toBe(true);
  });

  it('leaves a moved -ly adverb alone ("you actually need" for "actually you need")', async () => {
    expect((await analyze(analyzer, 'But you actually need to be close.', ['But actually you need to be close.'], parallel)).flags).toEqual([]);
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
