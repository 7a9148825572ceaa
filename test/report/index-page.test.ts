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
