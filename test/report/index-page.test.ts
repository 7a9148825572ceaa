import { describe, expect, it } from 'vitest';
import { renderIndex } from '../../src/report/index-page.js';
import { buildAnalysis, HOSTILE } from '../fixtures/report/analysis.js';
import { allTokens, cellText, checkTables, column, tableWith, visibleText, html } from './md.js';

describe('renderIndex', () => {
  const analysed = buildAnalysis(['One two three.', 'Four five six.'], [
    { sentence: 0, text: 'two', severity: 'critical' },
    { sentence: 1, text: 'five', severity: 'minor' },
    { sentence: 1, text: 'six', severity: 'minor' },
  ]);
  const entries = [
    ...HOSTILE.slice(0, 6).map((h, i) => ({ id: `item ${h}`, path: `reports/${i} (${h}).md`, analysis: analysed })),
    { id: 'broken | item', path: 'reports/broken.md', error: 'cannot read\nbroken.txt: <binary> file' },
    { id: 'missing', path: 'reports/missing.md' },
  ];

  it('has one valid row per analysed item linking to its report, and lists the failures', () => {
    const md = renderIndex(entries, '2026-01-01');
    checkTables(md);
    expect(allTokens(md).filter((t) => t.type === 'html')).toEqual([]);
    const t = tableWith(md, 'Item');
    expect(t.rows).toHaveLength(6);
    const links = allTokens(md).filter((x) => x.type === 'link') as { href: string }[];
    expect(links.map((l) => decodeURIComponent(l.href))).toEqual(entries.slice(0, 6).map((e) => e.path));
    const first = t.rows[0]!;
    expect(cellText(first[column(t, 'critical')]!)).toBe('1');
    expect(cellText(first[column(t, 'minor')]!)).toBe('2');
    expect(cellText(first[column(t, 'Verdict')]!)).toBe('Needs revision');
    const text = visibleText(html(md));
    expect(text).toContain('broken | item: cannot read broken.txt: <binary> file');
    expect(text).toContain('missing: no analysis');
    expect(text).toContain('8 items · 6 analysed · 2 failed');
  });
});

describe('renderIndex order', () => {
  it('lists items worst first by MQM per 100 words, with verdict counts', () => {
    const make = (mqmPer100: number, score: number, severity?: 'major' | 'minor') => {
      const a = buildAnalysis(['One two three.'], severity ? [{ sentence: 0, text: 'two', severity }] : []);
      return { ...a, mqmPer100, score };
    };
    const entries = [
      { id: 'human', path: 'h.md', analysis: make(0.5, 0.7, 'minor') },
      { id: 'mt-bad', path: 'b.md', analysis: make(5.9, 0.5, 'major') },
      { id: 'clean', path: 'c.md', analysis: make(0, 0.6) },
      { id: 'mt-tie', path: 't.md', analysis: make(5.9, 0.4, 'major') },
    ];
    const md = renderIndex(entries, '2026-01-01');
    const t = tableWith(md, 'Item');
    expect(t.rows.map((r) => cellText(r[0]!))).toEqual(['mt-tie', 'mt-bad', 'human', 'clean']);
    expect(md).toContain('Verdicts: 2 needs revision, 1 minor issues, 1 no issues found.');
  });
});

describe('renderIndex after review', () => {
  const a = buildAnalysis(['One two three.'], [{ sentence: 0, text: 'two', severity: 'critical' }]);
  const b = buildAnalysis(['Four five six.'], [{ sentence: 0, text: 'five', severity: 'minor' }]);

  it('shows a reviewed item with the numbers after review, and ranks it by them', () => {
    const afterReview = { mqm: 0, mqmPer100: 0, counts: { critical: 0, major: 0, minor: 0 }, verdict: 'No issues found: 0 critical, 0 major, 0 minor' };
    const md = renderIndex(
      [
        { id: 'reviewed', path: 'r.md', analysis: a, afterReview },
        { id: 'plain', path: 'p.md', analysis: b },
      ],
      '2026-01-01',
    );
    const t = tableWith(md, 'Item');
    const col = (name: string) => t.rows.map((r) => cellText(r[column(t, name)]!));
    expect(col('Item')).toEqual(['plain', 'reviewed']);
    expect(col('Verdict')[1]).toBe('No issues found (after review)');
    expect(col('critical')[1]).toBe('0');
  });
});
