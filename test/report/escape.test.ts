import fc from 'fast-check';
import type { Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { codeSpan, inline, link, linkTarget } from '../../src/report/escape.js';
import { table } from '../../src/report/table.js';
import { escapeControls } from '../../src/format/sanitize.js';
import { allTokens, cellText, checkTables, html, tokens, visibleText } from './md.js';

const ALPHABET = [...'ab1 .:/|*_`<>&[]()!#-+=~$\\;"\'{}^@%', '\n', '\r', '\r\n', '\t', '\u001b', '\u0007', '\u0000', '\u009b', '\u202e', '\u2028', 'http://x', '&amp;', '<script>', '    '];
const hostileText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((parts) => parts.join(''));

/** What a reader should see: the text on one line, control characters as visible escapes. */
const expected = (s: string) => escapeControls(s.replace(/\r\n|[\r\n\t\u2028\u2029\u000b\u000c]/g, ' '));

const noHtml = (md: string) => expect(allTokens(md).filter((t) => t.type === 'html')).toEqual([]);

describe('inline', () => {
  it('keeps a table cell intact and shows the text literally, whatever the text', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const md = table(['A', 'B', 'C'], [['x', inline(s), 'y']]);
        const [t] = checkTables(md);
        expect(t!.rows).toHaveLength(1);
        expect(cellText(t!.rows[0]![1]!)).toBe(expected(s).trim());
        expect(cellText(t!.rows[0]![2]!)).toBe('y');
        noHtml(md);
      }),
      { numRuns: 500 },
    );
  });

  it('shows the text literally in a paragraph, even at the start of a line', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const text = s.trimStart();
        const md = `${inline(text)}\n`;
        const blocks = tokens(md).filter((t) => t.type !== 'space');
        if (expected(text).trim() === '') return;
        expect(blocks.map((b) => b.type)).toEqual(['paragraph']);
        expect(visibleText(html(md)).trim()).toBe(expected(text).trim());
        noHtml(md);
      }),
      { numRuns: 500 },
    );
  });

  it('turns HTML and entities into text and control characters into visible escapes', () => {
    const md = inline('<script>alert(1)</script> &amp; \u001b[2J bell\u0007');
    expect(md).not.toMatch(/[<>\u001b\u0007]/);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('&amp;amp;');
    expect(visibleText(html(md))).toContain('\\x1b[2J bell\\x07');
  });
});

describe('codeSpan', () => {
  it('shows any text verbatim on one line, backticks included', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const body = expected(s);
        if (body === '') {
          expect(codeSpan(s)).toBe('');
          return;
        }
        const md = `x ${codeSpan(s)}\n`;
        const spans = allTokens(md).filter((t) => t.type === 'codespan');
        expect(spans).toHaveLength(1);
        expect(visibleText(html(md)).replace(/\n$/, '')).toBe(`x ${body}`);
        noHtml(md);
      }),
      { numRuns: 500 },
    );
  });
});

describe('link', () => {
  it('links to exactly the given path, with the label as literal text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (label, path) => {
        const md = `${link(label || 'x', path)}\n`;
        const links = allTokens(md).filter((t): t is Tokens.Link => t.type === 'link');
        expect(links[0]).toBeDefined();
        expect(decodeURIComponent(links[0]!.href)).toBe(path);
        noHtml(md);
      }),
      { numRuns: 300 },
    );
  });

  it('encodes the characters that could end a link destination', () => {
    expect(linkTarget('a b/(c)<d>.md')).toBe('a%20b/%28c%29%3Cd%3E.md');
  });
});
