import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/core/types.js';
import { SEVERITIES } from '../../src/core/types.js';
import { escapeControls } from '../../src/format/sanitize.js';
import { flagKey } from '../../src/review/file.js';
import { flagsBySeverity } from '../../src/report/flags.js';
import { renderReport } from '../../src/report/markdown.js';
import { buildAnalysis, HOSTILE, hostileAnalysis, reviewOf } from '../fixtures/report/analysis.js';
import { allTokens, cellText, checkTables, column, html, tableWith, tokens, visibleText } from './md.js';

const DATE = '2026-01-01';
const oneLine = (s: string) => escapeControls(s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));

function checkStructure(md: string, sentences: number): void {
  checkTables(md);
  expect(allTokens(md).filter((t) => t.type === 'html')).toEqual([]);
  const lexed = tokens(md) as ReturnType<typeof tokens> & { links: Record<string, unknown> };
  expect(Object.keys(lexed.links)).toEqual([]);
  const headings = allTokens(md).filter((t) => t.type === 'heading') as { depth: number; text: string }[];
  expect(headings.filter((h) => h.depth === 1)).toHaveLength(1);
  expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['What to fix', 'Sentence by sentence']);
  expect(headings.filter((h) => h.depth === 3 && /^Sentence \d+$/.test(h.text))).toHaveLength(sentences);
}

describe('renderReport with hostile text', () => {
  const analysis = hostileAnalysis();
  const review = reviewOf(analysis, {
    [flagKey(analysis.flags[0]!)]: { status: 'accepted', suggestion: HOSTILE.join(' '), comment: HOSTILE.join('\n'), at: DATE },
  });

  for (const [label, options] of [
    ['without a review', { date: DATE }],
    ['with a review', { date: DATE, review }],
  ] as const) {
    it(`keeps every table and section intact ${label}`, () => {
      const md = renderReport(analysis, options);
      checkStructure(md, analysis.sentences.length);
      const fix = tableWith(md, '#');
      expect(fix.rows).toHaveLength(analysis.flags.length);
      expect(fix.header.map((h) => h.text).includes('Review')).toBe('review' in options);
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

  it('shows every hostile sentence literally', () => {
    const text = visibleText(html(renderReport(analysis, { date: DATE })));
    for (const s of analysis.sentences) expect(text).toContain(oneLine(s.text).trim());
    for (const f of analysis.flags) expect(text).toContain(oneLine(f.message).trim());
  });

  it('emphasises the flagged span in its context, and marks a zero-width span', () => {
    const md = renderReport(analysis, { date: DATE });
    const fix = tableWith(md, '#');
    const textCol = column(fix, 'Flagged text');
    const problemCol = column(fix, 'Problem');
    const zero = fix.rows.find((r) => cellText(r[problemCol]!) === "'' looks wrong");
    expect(zero).toBeDefined();
    expect(zero![textCol]!.tokens.some((t) => t.type === 'strong' && t.text === '‸')).toBe(true);
    const dot = fix.rows.find((r) => cellText(r[problemCol]!) === "'.' looks wrong")!;
    // a punctuation span right after a letter is still emphasised, not shown with literal asterisks
    expect(dot[textCol]!.tokens.some((t) => t.type === 'strong' && t.text === '.')).toBe(true);
    expect(cellText(dot[textCol]!)).not.toContain('*');
  });
});

const SENTENCES = ['Alpha beta gamma delta.', 'Epsilon zeta eta theta.', 'Iota kappa lambda mu.', 'Nu xi omicron pi.'];

describe('the flag table', () => {
  it('lists flags most severe first, then in reading order', () => {
    const flags = [
      { sentence: 0, text: 'gamma', severity: 'minor' as const },
      { sentence: 3, text: 'xi', severity: 'critical' as const },
      { sentence: 1, text: 'theta', severity: 'major' as const },
      { sentence: 1, text: 'zeta', severity: 'critical' as const },
      { sentence: 0, text: 'beta', severity: 'major' as const },
      { sentence: 2, text: 'Iota', severity: 'minor' as const },
    ].map((f) => ({ ...f, message: `about ${f.text}` }));
    const analysis = buildAnalysis(SENTENCES, flags);
    const fix = tableWith(renderReport(analysis, { date: DATE }), '#');
    const problem = column(fix, 'Problem');
    const order = fix.rows.map((r) => analysis.flags.find((f) => f.message === cellText(r[problem]!))!);
    expect(new Set(order).size).toBe(analysis.flags.length);
    const rank = (f: Flag) => SEVERITIES.indexOf(f.severity);
    order.slice(1).forEach((f, i) => {
      const prev = order[i]!;
      expect(rank(prev) < rank(f) || (rank(prev) === rank(f) && prev.start < f.start)).toBe(true);
    });
    expect(fix.rows.map((r) => cellText(r[column(fix, 'Severity')]!))).toEqual(order.map((f) => f.severity));
  });

  it('orders any set of flags by severity, then position (a permutation)', () => {
    const flag = fc.record({
      start: fc.nat(1000),
      len: fc.nat(20),
      severity: fc.constantFrom(...SEVERITIES),
    });
    fc.assert(
      fc.property(fc.array(flag, { maxLength: 30 }), (specs) => {
        const flags = specs.map((s, i) => ({ ...s, end: s.start + s.len, category: 'mistranslation', message: String(i) }) as unknown as Flag);
        const sorted = flagsBySeverity(flags);
        expect([...sorted].sort((a, b) => Number(a.message) - Number(b.message))).toEqual(flags);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          const d = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
          expect(d < 0 || (d === 0 && a.start <= b.start)).toBe(true);
        }
      }),
    );
  });

  it("shows the reviewer's decisions, comments and edited suggestions next to their flags", () => {
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
    const fix = tableWith(md, '#');
    const cell = (message: string) => {
      const row = fix.rows.find((r) => cellText(r[column(fix, 'Problem')]!) === message)!;
      return cellText(row[column(fix, 'Review')]!);
    };
    expect(cell('first')).toMatch(/^accepted/);
    expect(cell('first')).toContain('better | *fix*');
    expect(cell('first')).toContain('agreed <b>really</b>');
    expect(cell('second')).toMatch(/^dismissed/);
    expect(cell('second')).toContain('false alarm');
    expect(cell('third')).toBe('open');
    const text = visibleText(html(md));
    expect(text).toContain('Review: 1 accepted, 1 dismissed, 1 open; 1 decision refers to flags this analysis no longer finds');
  });

  it('has no review column and no review line without a review file', () => {
    const analysis = buildAnalysis(SENTENCES, [{ sentence: 0, text: 'beta' }]);
    const md = renderReport(analysis, { date: DATE });
    expect(() => column(tableWith(md, '#'), 'Review')).toThrow();
    expect(md).not.toContain('Review:');
  });

  it('shows an empty suggestion as a deletion and a missing one as a dash', () => {
    const analysis = buildAnalysis(SENTENCES, [
      { sentence: 0, text: 'beta', suggestion: '', message: 'repeated' },
      { sentence: 1, text: 'zeta', message: 'no idea' },
    ]);
    const fix = tableWith(renderReport(analysis, { date: DATE }), '#');
    const suggestion = (message: string) => cellText(fix.rows.find((r) => cellText(r[column(fix, 'Problem')]!) === message)![column(fix, 'Suggestion')]!);
    expect(suggestion('repeated')).toBe('(delete)');
    expect(suggestion('no idea')).toBe('—');
  });

  it('says so when nothing was flagged', () => {
    const md = renderReport(buildAnalysis(SENTENCES, []), { date: DATE });
    checkStructure(md, SENTENCES.length);
    expect(md).toContain('Nothing was flagged.');
  });
});

describe('the summary', () => {
  it('counts flags by category and severity, and charts every sentence once', () => {
    const analysis = buildAnalysis(SENTENCES, [
      { sentence: 0, text: 'beta', severity: 'major', category: 'untranslated' },
      { sentence: 1, text: 'zeta', severity: 'minor', category: 'untranslated' },
      { sentence: 2, text: 'kappa', severity: 'critical', category: 'number' },
    ]);
    const md = renderReport(analysis, { date: DATE });
    const counts = tableWith(md, 'Category');
    const row = (name: string) => counts.rows.find((r) => cellText(r[0]!) === name)!.map(cellText);
    expect(row('untranslated')).toEqual(['untranslated', '0', '1', '1', '2', '6']);
    expect(row('number')).toEqual(['number', '1', '0', '0', '1', '10']);
    expect(row('Total').slice(1, 5)).toEqual(['1', '1', '1', '3']);
    const chart = tableWith(md, 'Score');
    const listed = chart.rows.flatMap((r) => cellText(r[column(chart, 'Which')]!).split(', ').filter(Boolean));
    expect(listed.map(Number).sort((x, y) => x - y)).toEqual(SENTENCES.map((_, i) => i + 1));
    const total = chart.rows.reduce((n, r) => n + Number(cellText(r[column(chart, 'Sentences')]!)), 0);
    expect(total).toBe(SENTENCES.length);
    expect(md).toContain(DATE);
  });
});
