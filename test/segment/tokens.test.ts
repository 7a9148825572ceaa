import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentDocument, splitSentences, tokenize, wordTokens } from '../../src/segment/index.js';

const texts = (t: string): string[] => tokenize(t).map((x) => x.text);

describe('tokenize', () => {
  it('keeps a stray space inside a hyphenated word as three tokens', () => {
    expect(tokenize('a long -term deal')).toEqual([
      { text: 'a', norm: 'a', start: 0, end: 1, word: true },
      { text: 'long', norm: 'long', start: 2, end: 6, word: true },
      { text: '-', norm: '-', start: 7, end: 8, word: false },
      { text: 'term', norm: 'term', start: 8, end: 12, word: true },
      { text: 'deal', norm: 'deal', start: 13, end: 17, word: true },
    ]);
    expect(texts('cross -border attack')).toEqual(['cross', '-', 'border', 'attack']);
    expect(texts('mid- January')).toEqual(['mid', '-', 'January']);
  });

  it('keeps hyphenated compounds, apostrophes and numbers whole', () => {
    expect(texts('a long-term, cross-border 21-year-old ex-CIA Al-Nono')).toEqual([
      'a', 'long-term', ',', 'cross-border', '21-year-old', 'ex-CIA', 'Al-Nono',
    ]);
    expect(texts('about 1,200 people; 48.5% of 2.3 million, on October 7, 2023.')).toEqual([
      'about', '1,200', 'people', ';', '48.5', '%', 'of', '2.3', 'million', ',', 'on', 'October', '7', ',', '2023', '.',
    ]);
    expect(texts("don’t Israel's Hamas' 'quoted'")).toEqual(['don’t', "Israel's", 'Hamas', "'", "'", 'quoted', "'"]);
  });

  it('handles places and dotted initialisms', () => {
    expect(texts('from Tenafly, NJ, which')).toEqual(['from', 'Tenafly', ',', 'NJ', ',', 'which']);
    expect(texts('the U.S. envoy, U.S.-Israel ties, 9 a.m. in D.C.')).toEqual([
      'the', 'U.S.', 'envoy', ',', 'U.S.-Israel', 'ties', ',', '9', 'a.m.', 'in', 'D.C.',
    ]);
    expect(texts('J. Smith and Plan B.')).toEqual(['J', '.', 'Smith', 'and', 'Plan', 'B', '.']);
  });

  it('normalises case, curly apostrophes and hyphen variants in norm', () => {
    expect(tokenize('Don’t LONG‑TERM').map((t) => t.norm)).toEqual(["don't", 'long-term']);
  });

  it('groups repeated marks and emoji sequences into single punctuation tokens', () => {
    expect(texts('wait... -- no!! 👨‍👩‍👧 🇺🇸 👋🏽 ❤️')).toEqual(['wait', '...', '--', 'no', '!!', '👨‍👩‍👧', '🇺🇸', '👋🏽', '❤️']);
  });

  it('adds the offset and keeps UTF-16 offsets across astral characters', () => {
    const doc = 'xx 😀 𝐀𝐁c long -term';
    const tokens = tokenize(doc.slice(3), 3);
    for (const t of tokens) expect(doc.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => [t.text, t.word])).toEqual([
      ['😀', false], ['𝐀𝐁c', true], ['long', true], ['-', false], ['term', true],
    ]);
  });

  it('wordTokens returns only words', () => {
    expect(wordTokens('Hello, world -- 1,200!', 10).map((t) => [t.text, t.start])).toEqual([
      ['Hello', 10], ['world', 17], ['1,200', 26],
    ]);
  });

  it('covers every non-space character, in order, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(1000), (text, offset) => {
        let pos = 0;
        for (const t of tokenize(text, offset)) {
          const start = t.start - offset;
          expect(text.slice(start, t.end - offset)).toBe(t.text);
          expect(text.slice(pos, start).trim()).toBe('');
          expect(t.end).toBeGreaterThan(t.start);
          pos = t.end - offset;
        }
        expect(text.slice(pos).replace(/[\s\u200b\ufeff]/g, '')).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('tokenizes 2 MB quickly', () => {
    const text = 'The long-term deal, worth 1,200.5 U.S. dollars — isn’t it? '.repeat(35_000);
    const t0 = performance.now();
    const n = tokenize(text).length;
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(n).toBe(35_000 * 12);
  });
});

describe('segmentDocument', () => {
  it('wraps the text and its sentences', () => {
    const text = 'Headline\nOne. Two.';
    expect(segmentDocument('mt.txt', text)).toEqual({ id: 'mt.txt', text, sentences: splitSentences(text) });
  });
});
