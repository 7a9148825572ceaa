import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FLAG_COLUMNS, formatFlagTable } from '../../src/format/flag-rows.js';
import { flagKey } from '../../src/review/file.js';
import { HOSTILE, hostileAnalysis, reviewOf } from '../fixtures/report/analysis.js';

describe('per-flag exports', () => {
  const a = hostileAnalysis();
  const first = [...a.flags].sort((x, y) => x.start - y.start || x.end - y.end)[0]!;
  const review = reviewOf(a, { [flagKey(first)]: { status: 'dismissed', comment: 'not an error', at: '2026-01-01' } });

  it('csv: one row per flag with the documented columns, decisions and 1-based sentences', () => {
    const rows = parse(formatFlagTable(a, 'csv', review)) as string[][];
    expect(rows[0]).toEqual([...FLAG_COLUMNS]);
    expect(rows).toHaveLength(a.flags.length + 1);
    for (const r of rows) expect(r).toHaveLength(FLAG_COLUMNS.length);
    const body = rows.slice(1);
    expect(body[0]![FLAG_COLUMNS.indexOf('decision')]).toBe('dismissed: not an error');
    expect(body[0]![FLAG_COLUMNS.indexOf('sentence')]).toBe(String(first.sentence + 1));
    expect(body.filter((r) => r[FLAG_COLUMNS.indexOf('decision')] !== '')).toHaveLength(1);
  });

  it('tsv: every line has the same number of cells, nothing breaks a row', () => {
    const lines = formatFlagTable(a, 'tsv').trimEnd().split('\n');
    expect(lines).toHaveLength(a.flags.length + 1);
    for (const l of lines) expect(l.split('\t')).toHaveLength(FLAG_COLUMNS.length);
  });

  it('neutralises formulas and escapes controls in both', () => {
    const evil = hostileAnalysis();
    evil.flags[0]!.suggestion = '=HYPERLINK("http://evil.example")';
    evil.flags[0]!.message = '+cmd|calc';
    for (const format of ['csv', 'tsv'] as const) {
      const out = formatFlagTable(evil, format);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      const cells = format === 'csv' ? (parse(out) as string[][]).flat() : out.split(/[\t\n]/);
      for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@]/);
    }
    expect(formatFlagTable(evil, 'csv')).toContain(HOSTILE[0]);
  });
});
