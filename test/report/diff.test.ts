import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { diffMarkdown } from '../../src/report/diff.js';
import { html, tokens, visibleText } from './md.js';

/** The text of one side: what is not struck plus what is struck (MT), or what is not struck (reference). */
function side(list: readonly Token[], which: 'mt' | 'ref', inside?: 'del' | 'strong'): string {
  return list
    .map((t) => {
      if (t.type === 'del' || t.type === 'strong') return side((t as { tokens: Token[] }).tokens, which, t.type);
      if (inside === 'del' && which === 'ref') return '';
      if (inside === 'strong' && which === 'mt') return '';
      if ('tokens' in t && t.tokens) return side(t.tokens, which, inside);
      return 'text' in t ? t.text : '';
    })
    .join('');
}

const WORDS = ['the', 'talks', 'Hamas', 'U.S.', 'US', 'hostages', '1,200', '“', '”', '"', "'s", '.', ',', '-', '(', ')', ':', 'long-term', 'Gaza', 'said'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((w) => w.join(' ').replace(/ ([.,:)”])/g, '$1'));
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

describe('diffMarkdown', () => {
  it('reads back as the MT without the bold and as the reference without the struck text, with no stray markers', () => {
    fc.assert(
      fc.property(sentence, sentence, (mt, ref) => {
        const md = diffMarkdown(mt, ref);
        const para = tokens(md).find((t) => t.type === 'paragraph') as { tokens: Token[] } | undefined;
        const inlineTokens = para?.tokens ?? [];
        expect(squash(side(inlineTokens, 'mt'))).toBe(squash(mt));
        expect(squash(side(inlineTokens, 'ref'))).toBe(squash(ref));
        // every ~~ and ** was parsed as a marker, none shows up as text
        expect(visibleText(html(md))).not.toMatch(/~~|\*\*/);
      }),
      { numRuns: 400 },
    );
  });

  it('strikes MT-only words and bolds reference-only words', () => {
    const md = diffMarkdown('He met geiseln in Gaza.', 'He met hostages in Gaza.');
    expect(md).toBe('He met ~~geiseln~~ **hostages** in Gaza.');
  });
});

describe('diffMarkdown punctuation', () => {
  it('a deleted or inserted mark alone is boxed (code) inside the strike or bold, so it is visible', () => {
    const md = diffMarkdown('He left.', 'He left');
    expect(md).toContain('~~`.`~~');
    const out = html(md);
    expect(out).toMatch(/<del><code>\.<\/code><\/del>/);
    expect(html(diffMarkdown('He left', 'He left!'))).toMatch(/<strong><code>!<\/code><\/strong>/);
  });
});
