import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../src/segment/index.js';
import { escapeControls } from '../../src/format/sanitize.js';
import { rankFlags } from '../../src/detect/rank.js';
import type { RawFlag } from '../../src/detect/types.js';

/** Text built from the characters that break naive code: controls, escapes, astral, RTL, CRLF, markup. */
const nasty = fc.constantFrom(
  'a', 'B', ' ', '.', '!', '?', '"', '“', '”', '\n', '\r\n', '\r', '\t', '\u0000', '\u001b[2J', '\u001b]52;c;aGk=\u0007',
  '\u0007', 'U.S.', 'Dr.', '😀', '𝒳', 'é', 'e\u0301', 'שלום', '\u202e', '|', '*', '_', '`', '<script>', '&amp;', '-', '—', '1,200',
  'word', 'Hostages', 'geiseln', '\u00a0', '\u2028',
);
const text = fc.array(nasty, { maxLength: 60 }).map((parts) => parts.join(''));

describe('properties over hostile text', () => {
  it('sentence offsets always slice back to the sentence text, in order, without overlap', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const s of splitSentences(t)) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(t.length);
          last = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('token offsets always slice back to the token text', () => {
    fc.assert(
      fc.property(text, fc.nat(50), (t, offset) => {
        for (const tok of tokenize(t, offset)) expect(t.slice(tok.start - offset, tok.end - offset)).toBe(tok.text);
      }),
      { numRuns: 400 },
    );
  });

  it('escaped text never carries a control character or a bidi override', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeControls(t)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it('ranked flags stay inside the text, keep their text, and round-trip through JSON', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(200), fc.nat(20), fc.constantFrom('minor', 'major', 'critical')), { maxLength: 8 }), (t, spans) => {
        const raw: RawFlag[] = spans
          .map(([a, len, severity]) => {
            const start = Math.min(a, t.length);
            const end = Math.min(start + len, t.length);
            return { start, end, text: t.slice(start, end), category: 'mistranslation', severity, confidence: 0.5, message: t, evidence: [], detector: `d${a % 3}` } as RawFlag;
          });
        const flags = rankFlags(raw, splitSentences(t));
        for (const f of flags) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(f.start, f.end)).toBe(f.text);
          expect(f.confidence).toBeGreaterThanOrEqual(0);
          expect(f.confidence).toBeLessThanOrEqual(1);
        }
        expect(JSON.parse(JSON.stringify(flags))).toEqual(flags);
      }),
      { numRuns: 300 },
    );
  });
});
