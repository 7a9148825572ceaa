import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clean, clip, fitLine, lineText, textWidth, wrapSegments, wrapText } from '../../src/ui/text.js';
import { budget, windowAround } from '../../src/ui/layout.js';
import { diffSegs } from '../../src/ui/segments.js';

describe('clean', () => {
  it('makes escape sequences visible and turns line breaks into spaces', () => {
    expect(clean('a\x1b[2Jb\x07\nc')).toBe('a\\x1b[2Jb\\x07 c');
    expect(clean('\u202eevil')).toBe('\\u202eevil');
  });
});

describe('wrapSegments', () => {
  it('never exceeds the width and keeps every word in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zé漢-]{1,15}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 3, max: 40 }), (words, width) => {
        const lines = wrapText(words.join(' '), width);
        for (const l of lines) expect(textWidth(lineText(l))).toBeLessThanOrEqual(width);
        expect(lines.map(lineText).join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });

  it('breaks between words, not inside them, when the words fit', () => {
    expect(wrapText('the quick brown fox', 10).map(lineText)).toEqual(['the quick', 'brown fox']);
  });

  it('keeps styles per piece and counts wide characters as two cells', () => {
    const lines = wrapSegments([{ text: 'ab ' }, { text: 'cd', style: { bold: true } }, { text: 'ef' }], 4);
    expect(lines.map(lineText)).toEqual(['ab', 'cdef']);
    expect(lines[1]![0]).toEqual({ text: 'cd', style: { bold: true } });
    expect(wrapText('漢字漢字', 4).map(lineText)).toEqual(['漢字', '漢字']);
  });
});

describe('fitLine and clip', () => {
  it('cut long lines with an ellipsis and leave short ones alone', () => {
    expect(lineText(fitLine([{ text: 'abcdef' }], 4))).toBe('abc…');
    expect(lineText(fitLine([{ text: 'abc' }], 4))).toBe('abc');
    const clipped = clip([[{ text: 'one' }], [{ text: 'two' }], [{ text: 'three' }]], 2, 5);
    expect(clipped.map(lineText)).toEqual(['one', 'two …']);
  });
});

describe('diffSegs', () => {
  it('marks text only in the MT and only in the reference so the diff reads without colour', () => {
    const text = diffSegs('He killed 215 people', 'He killed 251 people').map((s) => s.text).join('');
    expect(text).toContain('[-215-]');
    expect(text).toContain('{+251+}');
    expect(text.startsWith('He killed')).toBe(true);
  });
});

describe('layout', () => {
  it('windowAround always shows the selected item and never more rows than available', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 50 }), fc.nat(), fc.integer({ min: 4, max: 30 }), (heights, pick, available) => {
        const sel = pick % heights.length;
        const { from, to } = windowAround(heights.length, sel, (i) => heights[i]!, available);
        expect(from).toBeLessThanOrEqual(sel);
        expect(to).toBeGreaterThan(sel);
        const used = heights.slice(from, to).reduce((a, b) => a + b, 0);
        if (to - from > 1) expect(used).toBeLessThanOrEqual(available);
      }),
    );
  });

  it('budget fills the screen minus one row at 80x24 and 100x30, whatever the content asks for', () => {
    for (const [c, r] of [
      [80, 24],
      [100, 30],
    ] as const) {
      for (const need of [
        { top: 3, diff: 3, flags: 3 },
        { top: 40, diff: 40, flags: 40 },
        { top: 12, diff: 2, flags: 30 },
      ]) {
        const b = budget(c, r, need);
        expect(2 + b.top + b.diff + b.flags + 2).toBe(r - 1);
        expect(b.left + 1 + b.right).toBe(c);
        expect(b.diff).toBeGreaterThanOrEqual(2);
        expect(b.flags).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('a long selected sentence borrows rows from below, a short one leaves the usual split', () => {
    const short = budget(100, 30, { top: 3, diff: 3, flags: 8 });
    const long = budget(100, 30, { top: 18, diff: 3, flags: 8 });
    expect(long.top).toBeGreaterThan(short.top);
    expect(long.top).toBeLessThanOrEqual(18);
    expect(budget(100, 30, { top: 3, diff: 3, flags: 30 }).diff).toBe(3);
  });
});
