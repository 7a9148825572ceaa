import { describe, expect, it } from 'vitest';
import { align } from '../../src/align/index.js';
import { side } from './sides.js';

describe('parallel alignment', () => {
  it('aligns in order, reports an omitted reference sentence and an added MT sentence', () => {
    const mt = side('mt', [[0], [1], [7], [3]]);
    const ref = side('ref', [[0], [1], [2], [3]]);
    const { matches, unmatched } = align('parallel', mt, [ref]);
    expect(matches.map((m) => m[0]?.index)).toEqual([0, 1, undefined, 3]);
    expect(unmatched).toEqual([[2]]);
  });

  it('merges one MT sentence that renders two reference sentences', () => {
    const mt = side('mt', [[0], [1, 2], [3]]);
    const ref = side('ref', [[0], [1], [2], [3]]);
    const { matches, unmatched } = align('parallel', mt, [ref]);
    expect(matches[1]![0]).toMatchObject({ index: 1, merged: 2 });
    expect(unmatched).toEqual([[]]);
  });

  it('never crosses: a late MT sentence cannot match an early reference sentence after a later one', () => {
    const mt = side('mt', [[0], [1], [2]]);
    const ref = side('ref', [[2], [0], [1]]);
    const { matches } = align('parallel', mt, [ref]);
    const order = matches.map((m) => m[0]?.index).filter((x) => x !== undefined) as number[];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('comparable alignment', () => {
  it('takes the nearest sentence from any reference, then alternatives', () => {
    const mt = side('mt', [[0], [5]]);
    const refA = side('a', [[5], [1]]);
    const refB = side('b', [[2], [0]]);
    const { matches } = align('comparable', mt, [refA, refB]);
    expect(matches[0]![0]).toMatchObject({ ref: 'b', index: 1, similarity: expect.closeTo(1, 5) });
    expect(matches[1]![0]).toMatchObject({ ref: 'a', index: 0 });
    expect(matches[0]!.length).toBe(3);
  });
});
