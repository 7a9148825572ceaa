import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BINDINGS } from '../../src/ui/keys.js';
import { editLine } from '../../src/ui/line.js';

describe('README review section', () => {
  it('lists every key binding the app has, as the help screen does', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Interactive review'), readme.indexOf('## Batch scoring'));
    for (const [keys, what] of BINDINGS) {
      const cell = `\`${keys.replace(/\s{2,}/g, '` `')}\``;
      expect(section, keys).toContain(`| ${cell} | ${what.replace(/\|/g, '\\|')} |`);
    }
  });
});

describe('line editor', () => {
  const at = (text: string, cursor = Array.from(text).length) => ({ text, cursor });
  it('inserts at the cursor, moves by character and word, and kills like readline', () => {
    expect(editLine(at('ac', 1), { op: 'insert', text: 'b' })).toEqual(at('abc', 2));
    expect(editLine(at('abc', 0), { op: 'left' })).toEqual(at('abc', 0));
    expect(editLine(at('abc', 3), { op: 'right' })).toEqual(at('abc', 3));
    expect(editLine(at('one two  three'), { op: 'wordLeft' })).toEqual(at('one two  three', 9));
    expect(editLine(at('one two three', 0), { op: 'wordRight' })).toEqual(at('one two three', 3));
    expect(editLine(at('one two three', 7), { op: 'killStart' })).toEqual(at(' three', 0));
    expect(editLine(at('one two three', 7), { op: 'killEnd' })).toEqual(at('one two', 7));
    expect(editLine(at('one two ', 8), { op: 'killWord' })).toEqual(at('one ', 4));
    expect(editLine(at('abc', 1), { op: 'delete' })).toEqual(at('ac', 1));
    expect(editLine(at('abc', 1), { op: 'backspace' })).toEqual(at('bc', 0));
  });
  it('keeps leading spaces and counts code points, not UTF-16 units', () => {
    expect(editLine(at(''), { op: 'insert', text: '  x' })).toEqual(at('  x', 3));
    expect(editLine(at('a😀b', 2), { op: 'backspace' })).toEqual(at('ab', 1));
    expect(editLine(at('ab', 1), { op: 'insert', text: '\x1b[31m' })).toEqual(at('a[31mb', 5));
  });
});
