import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pendingEntries, prepareResume, scanOutput } from '../../src/batch/resume.js';

const rec = (id: string): string => `${JSON.stringify({ id, score: 0.5 })}\n`;

describe('resume scan', () => {
  it('keeps whole lines and cuts a torn last line', () => {
    const whole = rec('a') + rec('b');
    const state = scanOutput(Buffer.from(`${whole}{"id":"c","sco`));
    expect(state.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(state.keepBytes).toBe(Buffer.byteLength(whole));
    expect(scanOutput(Buffer.from(whole)).keepBytes).toBe(Buffer.byteLength(whole));
    expect(scanOutput(Buffer.from('{"id":"x"')).keepBytes).toBe(0);
  });

  it('counts bytes, not characters (ids with non-ASCII text)', () => {
    const whole = rec('Zürich-Ünterföhring') + rec('北京');
    expect(scanOutput(Buffer.from(`${whole}{"id":"tor`)).keepBytes).toBe(Buffer.byteLength(whole));
  });

  it('counts whole lines that are not records instead of failing', () => {
    const state = scanOutput(Buffer.from(`${rec('a')}garbage\n[1]\n${rec('b')}`));
    expect(state.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(state.unreadable).toBe(2);
  });

  it('truncates the file on disk to the last complete line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-resume-'));
    try {
      const path = join(dir, 'out.jsonl');
      writeFileSync(path, `${rec('a')}${rec('b')}{"id":"c"`);
      const state = prepareResume(path);
      expect(state.records).toHaveLength(2);
      expect(readFileSync(path, 'utf8')).toBe(rec('a') + rec('b'));
      expect(prepareResume(join(dir, 'missing.jsonl')).records).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pending entries', () => {
  const e = (id: string, n: number) => ({ id, n });

  it('skips entries whose records are present, by occurrence for repeated ids', () => {
    const entries = [e('a', 1), e('b', 2), e('a', 3), e('c', 4), e('a', 5)];
    expect(pendingEntries(entries, [{ id: 'a' }, { id: 'b' }]).map((x) => x.n)).toEqual([3, 4, 5]);
    expect(pendingEntries(entries, [{ id: 'a' }, { id: 'b' }, { id: 'a' }]).map((x) => x.n)).toEqual([4, 5]);
    expect(pendingEntries(entries, []).map((x) => x.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores records for ids the manifest no longer has', () => {
    expect(pendingEntries([e('a', 1)], [{ id: 'zzz' }]).map((x) => x.n)).toEqual([1]);
  });
});

afterAll(() => undefined);
