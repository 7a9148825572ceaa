import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvLines, csvRow, errorRecord } from '../../src/batch/record.js';
import { Summary } from '../../src/batch/summary.js';
import { CACHE_FILE, openEmbeddingCache } from '../../src/embed/cache.js';
import { uniqueRefs } from '../../src/io/unique.js';

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-hostile-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV cells are data (OWASP CSV injection)', () => {
  const ids = ['=HYPERLINK("http://x","y")', '+cmd|calc', '-2+3', '@SUM(1)', '\tlead', '\rcr', 'plain id'];

  it('a cell a spreadsheet would run as a formula is prefixed with a quote; plain cells are left alone', () => {
    const rows = ids.map((id) => csvRow(errorRecord(id, `${id} failed`)));
    const cells = (parse(csvLines(rows)) as string[][]).map((r) => r[0]);
    cells.forEach((cell, i) => {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cell!.replace(/^'/, '').replace('\\t', '\t').replace('\\r', '\r')).toBe(ids[i]);
    });
    expect(cells.at(-1)).toBe('plain id');
  });

  it('escape sequences in ids and errors never reach the CSV (an OSC 52 clipboard write)', () => {
    const osc = 'story\u001b]52;c;aGFja2Vk\u0007.txt';
    const line = csvLines([csvRow(errorRecord(osc, `${osc}: no such file`))]);
    expect(line).not.toMatch(/[\u001b\u0007]/);
    expect(line).toContain('\\x1b]52;c;aGFja2Vk\\x07');
  });
});

describe('NaN never passes a gate', () => {
  it('a score that is not a number counts as below --fail-under', () => {
    const s = new Summary(0.99);
    s.add({ id: 'a', mt: 'a', score: Number.NaN, mqm: 0, mqmPer100: 0, words: 1, counts: { critical: 0, major: 0, minor: 0 }, categories: {}, flags: [] });
    expect(s.tally().belowThreshold).toBe(1);
  });
});

describe('duplicate references', () => {
  it('the same file under another name, or the same text, counts once with a warning', () => {
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'Reference one.');
    const refs = uniqueRefs([
      { id: 'a.txt', path: a, text: 'Reference one.' },
      { id: './a.txt', path: join(dir, '.', 'a.txt'), text: 'Reference one.' },
      { id: 'copy.txt', path: join(dir, 'copy.txt'), text: 'Reference one.' },
      { id: 'b.txt', path: join(dir, 'b.txt'), text: 'Reference two.' },
    ]);
    expect(refs.refs.map((r) => r.id)).toEqual(['a.txt', 'b.txt']);
    expect(refs.warnings).toEqual(['reference ./a.txt is the same as a.txt; counted once', 'reference copy.txt is the same as a.txt; counted once']);
  });
});

describe('cached vectors are checked', () => {
  const value = { vector: new Float32Array([0.1, 0.2, 0.3, 0.4]), tokenVectors: [new Float32Array([1, 2, 3, 4]), null], pieces: 3 };
  const db = () => {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    return new Database(join(dir, 'cache', CACHE_FILE));
  };

  it('random bytes in a stored vector make a miss (recomputed), not NaN scores', () => {
    const store = openEmbeddingCache(join(dir, 'cache'), { warn: () => {} });
    store.put('m', ['text'], [value]);
    expect(store.get('m', ['text'])[0]?.vector).toEqual(value.vector);
    store.close();
    const raw = db();
    // NaN bit patterns, the same length as before: only the checksum can tell.
    raw.prepare('UPDATE embeddings SET vectors = ?').run(Buffer.alloc(32, 0xff));
    raw.close();
    const again = openEmbeddingCache(join(dir, 'cache'), { warn: () => {} });
    expect(again.get('m', ['text'])).toEqual([undefined]);
    again.close();
  });
});
