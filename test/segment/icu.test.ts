import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icuBoundaries } from '../../src/segment/icu.js';

describe('icuBoundaries', () => {
  it('gives the same boundaries in small windows as on the whole line', () => {
    // A window with no letters or no word-internal restart point falls back to ICU's answer on
    // the window; each generated piece therefore ends in a plain word, which is the case the
    // windowing must get exactly right.
    const marks = fc.constantFrom(
      '', ' ', '  ', '. ', '.', '! ', '? ', '…', '"', '” ', ')', '1', '23 ', '4 5 6 7 ', '😀', '–', ', ', '. “', '?” ',
    );
    const words = fc.constantFrom('U.S.', 'a.m. ', 'J. ', 'The ', 'He ', 'x', 'é', 'Ab', '');
    const plain = fc.constantFrom('word ', 'Smith ', 'he ', 'cd', 'the ');
    fc.assert(
      fc.property(fc.array(fc.tuple(marks, words, plain), { maxLength: 80 }), fc.integer({ min: 48, max: 200 }), (parts, window) => {
        const line = parts.flat().join('');
        expect(icuBoundaries(line, window)).toEqual(icuBoundaries(line, Infinity));
      }),
      { numRuns: 2000 },
    );
  });

  it('is fast on a 2 MB line of short sentences', () => {
    const line = 'U.S. Mr. J. a.m. Hello world. Why? Yes! '.repeat(50_000);
    const t0 = performance.now();
    const cuts = icuBoundaries(line);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(cuts.length).toBeGreaterThan(200_000);
  });
});
