import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Analysis, Flag } from '../../src/core/types.js';
import { CSV_COLUMNS, CSV_HEADER, csvLines, csvRow, errorRecord, jsonlLine, scoreRecord } from '../../src/batch/record.js';
import { reportFileName } from '../../src/batch/reports.js';

function flag(category: Flag['category'], severity: Flag['severity'], start: number): Flag {
  return { start, end: start + 3, text: 'abc', category, severity, confidence: 0.8, message: 'm', evidence: [], detector: 'd', sentence: 0 };
}

function analysis(flags: Flag[]): Analysis {
  return { version: 1, signature: 's', mt: 'x', refs: [], mode: 'comparable', score: 0.61, mqm: 12, mqmPer100: 3.5, words: 340, sentences: [], flags };
}

describe('records', () => {
  const flags = [flag('untranslated', 'major', 0), flag('number', 'critical', 5), flag('untranslated', 'minor', 10), flag('grammar', 'minor', 20)];

  it('counts severities and the categories that occur, and keeps the flags as they are', () => {
    const r = scoreRecord('s1', 'mt/s1.txt', analysis(flags));
    expect(r.counts).toEqual({ critical: 1, major: 1, minor: 2 });
    expect(r.categories).toEqual({ untranslated: 2, number: 1, grammar: 1 });
    expect(Object.keys(r.categories)).toEqual(['untranslated', 'number', 'grammar']);
    expect(r.flags).toEqual(flags);
    expect(Object.keys(r)).toEqual(['id', 'mt', 'score', 'mqm', 'mqmPer100', 'words', 'counts', 'categories', 'flags']);
  });

  it('serialises as one line per record', () => {
    const line = jsonlLine(scoreRecord('a\nb', 'm.txt', analysis(flags)));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line).id).toBe('a\nb');
  });

  it('CSV rows carry the summary columns and survive commas, quotes and newlines', () => {
    const rows = [scoreRecord('s,1 "q"', 'mt/a,b.txt', analysis(flags)), errorRecord('bad\nid', 'x.txt: no such file, "really"')];
    const parsed = parse(CSV_HEADER + csvLines(rows.map(csvRow)), { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0]!)).toEqual([...CSV_COLUMNS]);
    expect(parsed[0]).toMatchObject({ id: 's,1 "q"', mt: 'mt/a,b.txt', score: '0.61', mqm: '12', critical: '1', major: '1', minor: '2', error: '' });
    expect(parsed[1]).toMatchObject({ id: 'bad\nid', score: '', error: 'x.txt: no such file, "really"' });
  });
});

describe('report file names', () => {
  it('are safe and never shared by two ids', () => {
    const ids = ['story-1', 'a/b', 'a_b', '../../etc/passwd', 'index', 'INDEX', '', '.hidden', 'x'.repeat(300), 'x'.repeat(301)];
    const names = ids.map(reportFileName);
    expect(new Set(names).size).toBe(ids.length);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/);
      expect(n.length).toBeLessThan(100);
      expect(n).not.toBe('index.md');
    }
    expect(reportFileName('story-1')).toBe('story-1.md');
  });
});
