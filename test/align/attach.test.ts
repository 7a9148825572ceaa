import { describe, expect, it } from 'vitest';
import { align, attachRendered, type RenderedShare } from '../../src/align/index.js';
import { side } from './sides.js';

/** Shares given per "mt sentence:ref sentence"; every other pair says nothing of the other. */
const shares = (table: Record<string, number>): RenderedShare => (i, _r, j) => table[`${i}:${j}`] ?? 0;

// Reference sentence 2 (topic 7) is unlike every MT sentence, so the monotonic alignment skips it.
const mt = side('mt', [[0], [1], [3]]);
const ref = side('ref', [[0], [1], [7], [3]]);
const skipped = align('parallel', mt, [ref]);

describe('attaching skipped reference sentences (parallel mode)', () => {
  it('starts from an alignment that skips reference sentence 2', () => {
    expect(skipped.unmatched).toEqual([[2]]);
  });

  it('joins a skipped sentence the MT sentence before it renders to that sentence match', () => {
    const { matches, unmatched } = attachRendered(skipped, [ref], shares({ '1:2': 0.8 }), 0.5);
    expect(unmatched).toEqual([[]]);
    expect(matches[1]![0]).toMatchObject({ index: 1, merged: 2, start: ref.sentences[1]!.start, end: ref.sentences[2]!.end });
    expect(matches[1]![0]!.text).toBe(ref.text.slice(ref.sentences[1]!.start, ref.sentences[2]!.end));
    expect(matches[2]![0]).toMatchObject({ index: 3 });
    expect(matches[2]![0]!.merged).toBeUndefined();
  });

  it('joins it to the MT sentence after it when that one says it', () => {
    const { matches, unmatched } = attachRendered(skipped, [ref], shares({ '1:2': 0.2, '2:2': 0.7 }), 0.5);
    expect(unmatched).toEqual([[]]);
    expect(matches[2]![0]).toMatchObject({ index: 2, merged: 3, start: ref.sentences[2]!.start });
    expect(matches[1]![0]!.merged).toBeUndefined();
  });

  it('takes the neighbour that says more of it', () => {
    const { matches } = attachRendered(skipped, [ref], shares({ '1:2': 0.6, '2:2': 0.9 }), 0.5);
    expect(matches[2]![0]).toMatchObject({ index: 2, merged: 3 });
    expect(matches[1]![0]!.merged).toBeUndefined();
  });

  it('leaves a sentence no neighbour renders unmatched: that is an omission', () => {
    const { matches, unmatched } = attachRendered(skipped, [ref], shares({ '1:2': 0.4, '2:2': 0.3, '0:2': 1 }), 0.5);
    expect(unmatched).toEqual([[2]]);
    expect(matches).toEqual(skipped.matches);
  });

  it('never joins a sentence to an MT sentence that is not next to it', () => {
    const { unmatched } = attachRendered(skipped, [ref], shares({ '0:2': 1 }), 0.5);
    expect(unmatched).toEqual([[2]]);
  });

  it('chains two skipped sentences onto one MT sentence', () => {
    const longer = side('ref', [[0], [1], [6], [7], [3]]);
    const two = align('parallel', mt, [longer]);
    expect(two.unmatched).toEqual([[2, 3]]);
    const { matches, unmatched } = attachRendered(two, [longer], shares({ '1:2': 0.9, '1:3': 0.9 }), 0.5);
    expect(unmatched).toEqual([[]]);
    expect(matches[1]![0]).toMatchObject({ index: 1, merged: 3 });
  });

  it('leaves a match that two MT sentences share as the alignment made it', () => {
    // MT sentences 1 and 2 both render reference sentence 1 (a split sentence): a 2:1 bead.
    const split = side('mt', [[0], [1, 4], [1, 5], [3]]);
    const ref2 = side('ref', [[0], [1], [7], [3]]);
    const base = align('parallel', split, [ref2]);
    expect(base.matches[1]![0]?.index).toBe(1);
    expect(base.matches[2]![0]?.index).toBe(1);
    const { unmatched } = attachRendered(base, [ref2], shares({ '1:2': 1, '2:2': 1 }), 0.5);
    expect(unmatched).toEqual(base.unmatched);
  });

  it('does not touch the input alignment', () => {
    const before = JSON.stringify(skipped);
    attachRendered(skipped, [ref], shares({ '1:2': 1 }), 0.5);
    expect(JSON.stringify(skipped)).toBe(before);
  });
});
