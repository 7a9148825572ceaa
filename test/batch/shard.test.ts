import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/batch/shard.js';

describe('shards', () => {
  it('parses K/N (1-based) and refuses the rest', () => {
    expect(parseShard('1/1')).toEqual({ index: 0, count: 1 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', '1.5/3', '']) expect(() => parseShard(bad), bad).toThrow(/K\/N/);
  });

  it('partitions any list: every element in exactly one shard, round-robin restores the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (items, n) => {
        const shards = Array.from({ length: n }, (_, k) => selectShard(items, parseShard(`${k + 1}/${n}`)));
        expect(shards.reduce((s, x) => s + x.length, 0)).toBe(items.length);
        const interleaved: number[] = [];
        for (let i = 0; interleaved.length < items.length; i++) for (const s of shards) if (i < s.length) interleaved.push(s[i]!);
        expect(interleaved).toEqual(items);
      }),
    );
  });

  it('without a shard, everything is selected', () => {
    expect(selectShard([1, 2, 3], undefined)).toEqual([1, 2, 3]);
  });
});
