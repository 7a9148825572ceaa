import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../src/core/types.js';
import { splitSentences } from '../../src/segment/sentences.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string): string => {
  const f = seedFiles.find((name) => name.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEEDS, f), 'utf8');
};
const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

/** Offsets slice back, spans are trimmed, ordered, and only whitespace lies between them. */
function checkInvariants(text: string, sentences: Sentence[]): void {
  let prevEnd = 0;
  let prevParagraph = -1;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.text).toBe(s.text.trim());
    expect(s.text).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
    expect(text.slice(prevEnd, s.start).trim()).toBe('');
    expect(s.paragraph).toBeGreaterThanOrEqual(prevParagraph);
    expect(s.paragraph).toBeLessThanOrEqual(prevParagraph + 1);
    prevEnd = s.end;
    prevParagraph = s.paragraph;
  });
  expect(text.slice(prevEnd).trim()).toBe('');
}

describe('splitSentences on the seed articles', () => {
  it.each(seedFiles)('%s: offsets slice back exactly, in order, without overlap', (file) => {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    const sentences = splitSentences(text);
    console.log(`${file}: ${sentences.length} sentences`);
    expect(sentences.length).toBeGreaterThan(10);
    checkInvariants(text, sentences);
  });

  it('000: the dateline "WASHINGTON, D.C. –" stays in the first sentence', () => {
    const [first] = texts(seed('000'));
    expect(first).toMatch(/^WASHINGTON, D\.C\. – US President Donald Trump .* severe consequences\.$/);
  });

  it('001: the headline without final punctuation is its own sentence', () => {
    const [first, second] = splitSentences(seed('001'));
    expect(first?.text).toBe("Trump Issues 'Last Warning' to Hamas as US Confirms Direct Hostage Talks");
    expect(first?.paragraph).toBe(0);
    expect(second?.text.startsWith('US President Donald Trump has issued')).toBe(true);
    expect(second?.paragraph).toBe(1);
  });

  it('003: "U.S." never ends a sentence and U.S. sentences stay whole', () => {
    const all = texts(seed('003'));
    for (const s of all) expect(s).not.toMatch(/\bU\.(S\.)?$/);
    expect(all).toContain(
      'The negotiations, led by U.S. special envoy for hostage affairs Adam Boehler, took place in recent weeks in Doha, Qatar, a country that has long served as a diplomatic intermediary in the region.',
    );
    expect(all.some((s) => s.startsWith('Mick Mulroy, a former U.S. Deputy Assistant Secretary of Defense'))).toBe(true);
    expect(all).toContain('The U.S. has long worked through intermediaries, such as Egypt and Qatar, in past ceasefire negotiations and hostage release efforts.');
    expect(all).toContain('If you do, you are DEAD!" he wrote.');
  });

  it('002: a line holding only "U.S. envoy Adam Boehler." is one sentence', () => {
    expect(texts(seed('002'))).toContain('U.S. envoy Adam Boehler.');
  });
});

describe('splitSentences rules', () => {
  it('splits ordinary sentences and keeps closing quotes with theirs', () => {
    expect(texts('He said. "Next. Then more." She left.')).toEqual(['He said.', '"Next.', 'Then more."', 'She left.']);
    expect(texts('"It is over," he wrote. Next one.')).toEqual(['"It is over," he wrote.', 'Next one.']);
    expect(texts('“Leave now!” he wrote. “Why?” she asked. He left!')).toEqual([
      '“Leave now!” he wrote.',
      '“Why?” she asked.',
      'He left!',
    ]);
  });

  it('does not split after titles, initials and common abbreviations', () => {
    expect(texts('Mr. Smith met Dr. Jones and Gov. Phil Murphy of N.J. in Washington.')).toHaveLength(1);
    expect(texts('J. Smith and J. R. R. Tolkien met. They talked.')).toEqual(['J. Smith and J. R. R. Tolkien met.', 'They talked.']);
    expect(texts('It began on Jan. 20 at 9 a.m. Eastern time. Then it ended.')).toEqual([
      'It began on Jan. 20 at 9 a.m. Eastern time.',
      'Then it ended.',
    ]);
    expect(texts('He lives at No. 10 Downing St. in London.')).toHaveLength(1);
    expect(texts('The U.K. Foreign Office and the U.S. State Department agreed.')).toHaveLength(1);
  });

  it('still splits when an abbreviation ends a sentence and a typical opener follows', () => {
    expect(texts('It was made in the U.S. The plant closed.')).toEqual(['It was made in the U.S.', 'The plant closed.']);
    expect(texts('They met at 9 a.m. He left at noon.')).toEqual(['They met at 9 a.m.', 'He left at noon.']);
    expect(texts('Apple Inc. It is big.')).toEqual(['Apple Inc.', 'It is big.']);
    expect(texts('The answer was no. Nobody asked again.')).toEqual(['The answer was no.', 'Nobody asked again.']);
  });

  it('handles dashes and ellipses', () => {
    expect(texts('WASHINGTON, D.C. – The talks ended. Hamas left.')).toEqual(['WASHINGTON, D.C. – The talks ended.', 'Hamas left.']);
    expect(texts('He won! – and then he left.')).toHaveLength(1);
    expect(texts('Hamas—an unusual move—agreed. Israel did not.')).toHaveLength(2);
    expect(texts('He paused… Then he left. He paused... Then he left.')).toEqual([
      'He paused…',
      'Then he left.',
      'He paused...',
      'Then he left.',
    ]);
    expect(texts('We will wait… and see. The aid for … Gaza arrived.')).toEqual(['We will wait… and see.', 'The aid for … Gaza arrived.']);
  });

  it('ends a sentence and a paragraph at LF, CRLF and lone CR', () => {
    const text = 'Headline here\r\nFirst one. Second one.\rThird\n\n  Fourth.  \r\n';
    const sentences = splitSentences(text);
    checkInvariants(text, sentences);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Headline here', 0],
      ['First one.', 1],
      ['Second one.', 1],
      ['Third', 2],
      ['Fourth.', 3],
    ]);
  });

  it('keeps UTF-16 offsets right around emoji and astral characters', () => {
    const text = '\uFEFF👋🏽 Hi 𝐀𝐁 there. 🇺🇸 Flags 👨‍👩‍👧 here! 😀\nNext 𠜎 line.';
    const sentences = splitSentences(text);
    checkInvariants(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(['👋🏽 Hi 𝐀𝐁 there.', '🇺🇸 Flags 👨‍👩‍👧 here!', '😀', 'Next 𠜎 line.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\r\n\t ')).toEqual([]);
  });

  it('holds its invariants on arbitrary text', () => {
    const pieces = fc.constantFrom(
      ' ', '  ', '\n', '\r\n', '\r', '.', '!', '?', '…', '...', '"', '“', '”', '–', ',', 'U.S.', 'Mr.', 'J.',
      'a.m.', 'the', 'The', 'He', 'word', 'Smith', '1,200', '😀', '𝐀', '\uFEFF',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        checkInvariants(text, splitSentences(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences on large input', () => {
  it('returns a 2 MB line without punctuation as one sentence, fast', () => {
    const text = 'word '.repeat(400_000) + 'end';
    const t0 = performance.now();
    const sentences = splitSentences(text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]?.end).toBe(text.length);
  });

  it('stays linear on many boundaries and many lines', () => {
    const article = seedFiles.map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n');
    const big = article.repeat(Math.ceil(2_000_000 / article.length));
    const abbreviations = 'U.S. Mr. J. a.m. '.repeat(120_000);
    for (const text of [big, abbreviations]) {
      const t0 = performance.now();
      const sentences = splitSentences(text);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(sentences.at(-1)?.end).toBe(text.trimEnd().length);
    }
  });
});

describe('dates in source-language notation', () => {
  it('does not end a sentence at the full stop of "on 7. October"', () => {
    const text = 'The attack on 7. October killed many people. Talks resumed on Monday.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['The attack on 7. October killed many people.', 'Talks resumed on Monday.']);
  });

  it('still ends a sentence after a number when no date lead-in precedes it ("has 25. May was")', () => {
    expect(splitSentences('The squad has 25. May was a good month.').map((s) => s.text)).toEqual(['The squad has 25.', 'May was a good month.']);
  });
});
