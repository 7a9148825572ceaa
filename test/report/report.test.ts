import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { escapeControls } from '../../src/format/sanitize.js';
import { flagKey } from '../../src/review/file.js';
import { reportSections, renderReport } from '../../src/report/markdown.js';
import { buildAnalysis, HOSTILE, hostileAnalysis, reviewOf } from '../fixtures/report/analysis.js';
import { allTokens, checkTables, html, tokens, visibleText } from './md.js';

const DATE = '2026-01-01';
const oneLine = (s: string) => escapeControls(s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));

function checkStructure(md: string, flaggedSentences: number): void {
  checkTables(md);
  expect(allTokens(md).filter((t) => t.type === 'html')).toEqual([]);
  const lexed = tokens(md) as ReturnType<typeof tokens> & { links: Record<string, unknown> };
  expect(Object.keys(lexed.links)).toEqual([]);
  const headings = allTokens(md).filter((t) => t.type === 'heading') as { depth: number; text: string }[];
  expect(headings.filter((h) => h.depth === 1)).toHaveLength(1);
  expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['What to fix', 'Flagged sentences']);
  expect(headings.filter((h) => h.depth === 3 && /^Sentence \d+$/.test(h.text))).toHaveLength(flaggedSentences);
}

/** The ordered list of problems under "What to fix", as rendered HTML per item. */
function problems(md: string): string[] {
  const section = md.slice(md.indexOf('## What to fix'), md.indexOf('## Flagged sentences'));
  const list = tokens(section).find((t) => t.type === 'list') as { items: { tokens: Token[] }[] } | undefined;
  return (list?.items ?? []).map((i) => visibleText(html(i.tokens.map((t) => t.raw).join(''))));
}

describe('renderReport with hostile text', () => {
  const analysis = hostileAnalysis();
  const review = reviewOf(analysis, {
    [flagKey(analysis.flags[0]!)]: { status: 'accepted', suggestion: HOSTILE.join(' '), comment: HOSTILE.join('\n'), at: DATE },
  });
  const flagged = new Set(analysis.flags.map((f) => f.sentence)).size;

  for (const [label, options] of [
    ['without a review', { date: DATE }],
    ['with a review', { date: DATE, review }],
  ] as const) {
    it(`keeps every section intact ${label}`, () => {
      const md = renderReport(analysis, options);
      checkStructure(md, flagged);
      expect(problems(md).length).toBeGreaterThan(0);
      expect(md.includes('Review: ')).toBe('review' in options);
    });
  }

  it('runs no HTML and writes no control character', () => {
    const md = renderReport(analysis, { date: DATE, review });
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const out = html(md);
    expect(out).not.toMatch(/<(script|b|img|!--|https)[\s>]/i);
    for (const [, href, text] of out.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
      // only our own links: anchors to sentences
      expect(href, text).toMatch(/^#sentence-\d+$/);
    }
  });

  it('shows every flag message and flagged text literally', () => {
    const text = visibleText(html(renderReport(analysis, { date: DATE })));
    for (const f of analysis.flags) {
      expect(text).toContain(oneLine(f.message).trim());
      if (/[\p{L}\p{N}]/u.test(f.text)) expect(text).toContain(oneLine(f.text).trim());
    }
  });
});

const SENTENCES = ['Alpha beta gamma delta.', 'Epsilon zeta eta theta.', 'Iota kappa lambda mu.', 'Nu xi omicron pi.', 'Beta again here.'];

describe('what to fix', () => {
  it('groups a recurring error into one problem with its occurrences, most severe first', () => {
    const analysis = buildAnalysis(SENTENCES, [
      { sentence: 0, text: 'beta', suggestion: 'bet', severity: 'minor', message: 'beta is wrong' },
      { sentence: 3, text: 'xi', severity: 'critical', message: 'xi is wrong' },
      { sentence: 4, text: 'Beta', suggestion: 'bet', severity: 'minor', message: 'beta is wrong' },
      { sentence: 1, text: 'zeta', severity: 'major', message: 'zeta is wrong' },
    ]);
    const items = problems(renderReport(analysis, { date: DATE }));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^critical number|^critical mistranslation/);
    expect(items[1]).toMatch(/^major/);
    expect(items[2]).toMatch(/“beta” → “bet” — 2 times, sentences 1, 5/);
  });

  it("shows the reviewer's decisions, comments and edited suggestions next to their problems", () => {
    const analysis = buildAnalysis(SENTENCES, [
      { sentence: 0, text: 'beta', suggestion: 'bet', message: 'first' },
      { sentence: 1, text: 'zeta', suggestion: 'z', message: 'second' },
      { sentence: 2, text: 'kappa', message: 'third' },
    ]);
    const [a, b] = analysis.flags;
    const review = reviewOf(analysis, {
      [flagKey(a!)]: { status: 'accepted', suggestion: 'better | *fix*', comment: 'agreed <b>really</b>', at: DATE },
      [flagKey(b!)]: { status: 'dismissed', comment: 'false alarm', at: DATE },
      '9999-10000:omission': { status: 'accepted', at: DATE },
    });
    const md = renderReport(analysis, { date: DATE, review });
    const item = (message: string) => problems(md).find((p) => p.includes(message))!;
    expect(item('first')).toContain('Review: accepted, fix: “better | *fix*” — “agreed <b>really</b>”');
    expect(item('second')).toContain('Review: dismissed — “false alarm”');
    expect(item('third')).toContain('Review: open');
    expect(visibleText(html(md))).toContain('Review: 1 accepted, 1 dismissed, 1 open; 1 decision refers to flags this analysis no longer finds');
  });

  it('has no review lines without a review file', () => {
    const md = renderReport(buildAnalysis(SENTENCES, [{ sentence: 0, text: 'beta' }]), { date: DATE });
    expect(md).not.toContain('Review:');
  });

  it('shows an empty suggestion as a deletion', () => {
    const analysis = buildAnalysis(SENTENCES, [{ sentence: 0, text: 'beta', suggestion: '', message: 'repeated' }]);
    expect(problems(renderReport(analysis, { date: DATE }))[0]).toContain('“beta” → (delete)');
  });

  it('quotes evidence around the cited word, also in another inflection', () => {
    const analysis = buildAnalysis(SENTENCES, [
      {
        sentence: 0,
        text: 'beta',
        suggestion: 'released',
        message: "the references say 'released'",
        evidence: [
          { ref: 'r.txt', index: 0, text: 'A long opening that says nothing at all about the matter in question and goes on, then they release them.' },
        ],
      },
    ]);
    const md = renderReport(analysis, { date: DATE });
    expect(md).toContain('**release**');
  });

  it('says so when nothing was flagged', () => {
    const md = renderReport(buildAnalysis(SENTENCES, []), { date: DATE });
    checkStructure(md, 0);
    expect(md).toContain('Nothing was flagged.');
  });
});

describe('the summary', () => {
  it('starts with the verdict, the numbers and the problems to fix first, and counts by category', () => {
    const analysis = buildAnalysis(SENTENCES, [
      { sentence: 0, text: 'beta', severity: 'major', category: 'untranslated' },
      { sentence: 1, text: 'zeta', severity: 'minor', category: 'untranslated' },
      { sentence: 2, text: 'kappa', severity: 'critical', category: 'number' },
    ]);
    const md = renderReport(analysis, { date: DATE });
    const lines = md.split('\n');
    expect(lines[2]).toBe('**Needs revision: 1 critical, 1 major, 1 minor**');
    expect(lines[4]).toMatch(/^MQM penalty /);
    expect(md.indexOf('Fix these first:')).toBeLessThan(md.indexOf('## What to fix'));
    expect(md).toContain('By category: number 1 (1 critical; MQM 10), untranslated 2 (1 major, 1 minor; MQM 6).');
    expect(md).toContain(DATE);
  });

  it('is built from sections, so another block is one more entry', () => {
    const analysis = buildAnalysis(SENTENCES, [{ sentence: 0, text: 'beta' }]);
    const sections = reportSections(analysis, { date: DATE, extraSections: ['## After review\n\nextra'] });
    expect(sections[1]).toBe('## After review\n\nextra');
    expect(renderReport(analysis, { date: DATE, extraSections: ['## After review\n\nextra'] })).toContain('\n\n## After review\n\nextra\n\n## What to fix');
  });

  it('links the corrected article when one was written', () => {
    const md = renderReport(buildAnalysis(SENTENCES, []), { date: DATE, corrected: 'x y.corrected.txt' });
    expect(html(md)).toContain('<a href="x%20y.corrected.txt">x y.corrected.txt</a>');
  });
});
