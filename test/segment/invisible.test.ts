import { describe, expect, it } from 'vitest';
import { stripInvisible } from '../../src/segment/invisible.js';
import { SpellingDetector } from '../../src/detect/spelling.js';
import { stubAnalyzer } from '../detect/stub.js';

describe('invisible characters inside words', () => {
  it('are left out for analysis, with every offset mapped back', () => {
    const s = stripInvisible('Ka\u200Btari and\u00AD more')!;
    expect(s.text).toBe('Katari and more');
    expect(s.original[2]).toBe(3);
    expect(s.original[s.text.length]).toBe('Ka\u200Btari and\u00AD more'.length);
    expect(stripInvisible('plain text')).toBeUndefined();
  });

  it('do not hide a flag: the span covers the whole word as written, offsets into the text as read', async () => {
    const mt = 'The gover\u200Bment recie\u200Dved the report on Tuesday.';
    const a = await stubAnalyzer(new SpellingDetector()).analyze({ id: 'mt', text: mt }, [{ id: 'r', text: 'The government received the report on Tuesday.' }], { mode: 'parallel' });
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([
      ['gover\u200Bment', 'government'],
      ['recie\u200Dved', 'received'],
    ]);
    for (const f of a.flags) expect(mt.slice(f.start, f.end)).toBe(f.text);
    expect(a.sentences[0]!.text).toBe(mt);
  });
});
