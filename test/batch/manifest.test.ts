import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryEntries, stem } from '../../src/batch/directory.js';
import { isInside, parseCsvManifest, parseJsonlManifest, type ManifestEntry } from '../../src/batch/manifest.js';

const base = resolve('/data/batch');
const opts = { base };
const line = (o: unknown): string => JSON.stringify(o);
const ids = (entries: ManifestEntry[]): string[] => entries.map((e) => (e.kind === 'item' ? e.item.id : e.id));
const errorOf = (e: ManifestEntry | undefined): string => (e?.kind === 'error' ? e.error : '');

describe('JSONL manifest', () => {
  it('resolves paths against the manifest directory and keeps them as written', () => {
    const [e] = parseJsonlManifest(line({ id: 's1', mt: 'mt/s1.txt', refs: ['refs/a.txt', 'refs/b.txt'] }), opts);
    expect(e).toMatchObject({ kind: 'item', line: 1 });
    if (e?.kind !== 'item') throw new Error('expected an item');
    expect(e.item).toMatchObject({ id: 's1', mt: 'mt/s1.txt', refs: ['refs/a.txt', 'refs/b.txt'] });
    expect(e.item.mtPath).toBe(join(base, 'mt/s1.txt'));
    expect(e.item.refPaths).toEqual([join(base, 'refs/a.txt'), join(base, 'refs/b.txt')]);
    expect(e.item.root).toBe(base);
  });

  it('turns each bad line into an error entry and keeps going, numbering physical lines', () => {
    const text = [
      line({ id: 'ok1', mt: 'a.txt', refs: ['r.txt'] }),
      '',
      '{"id": "broken", ',
      '[1, 2]',
      line({ id: 'nomt', refs: ['r.txt'] }),
      line({ id: 'norefs', mt: 'a.txt', refs: [] }),
      line({ id: 'badref', mt: 'a.txt', refs: ['r.txt', 7] }),
      line({ mt: 'a.txt', refs: ['r.txt'] }),
      line({ id: 'ok2', mt: 'b.txt', refs: ['r.txt'] }),
    ].join('\r\n');
    const entries = parseJsonlManifest(text, opts);
    expect(entries.map((e) => [e.kind, e.line])).toEqual([
      ['item', 1],
      ['error', 3],
      ['error', 4],
      ['error', 5],
      ['error', 6],
      ['error', 7],
      ['error', 8],
      ['item', 9],
    ]);
    expect(ids(entries)).toEqual(['ok1', 'line:3', 'line:4', 'nomt', 'norefs', 'badref', 'line:8', 'ok2']);
    expect(errorOf(entries[1])).toMatch(/^manifest line 3: not valid JSON/);
    expect(errorOf(entries[2])).toMatch(/not a JSON object/);
    expect(errorOf(entries[3])).toMatch(/"mt"/);
    expect(errorOf(entries[4])).toMatch(/"refs"/);
    expect(errorOf(entries[6])).toMatch(/"id"/);
  });

  it('reports every later use of an id as a duplicate of the first', () => {
    const text = [
      line({ id: 'x', mt: 'a.txt', refs: ['r.txt'] }),
      line({ id: 'y', mt: 'b.txt', refs: ['r.txt'] }),
      line({ id: 'x', mt: 'c.txt', refs: ['r.txt'] }),
      line({ id: 'x', mt: 'd.txt', refs: ['r.txt'] }),
    ].join('\n');
    const entries = parseJsonlManifest(text, opts);
    expect(entries.map((e) => e.kind)).toEqual(['item', 'item', 'error', 'error']);
    expect(ids(entries)).toEqual(['x', 'y', 'x', 'x']);
    expect(errorOf(entries[2])).toMatch(/duplicate id "x" \(first used on line 1\)/);
  });

  it('refuses paths that leave the manifest directory unless allowed', () => {
    const cases = ['../secret.txt', 'mt/../../secret.txt', '/etc/passwd', join(base, '..', 'other', 'x.txt')];
    for (const p of cases) {
      const viaMt = parseJsonlManifest(line({ id: 'a', mt: p, refs: ['r.txt'] }), opts)[0];
      const viaRef = parseJsonlManifest(line({ id: 'a', mt: 'ok.txt', refs: ['r.txt', p] }), opts)[0];
      expect(errorOf(viaMt)).toMatch(/outside the manifest's directory/);
      expect(errorOf(viaRef)).toContain(`"${p}"`);
      const allowed = parseJsonlManifest(line({ id: 'a', mt: p, refs: ['r.txt'] }), { base, allowOutside: true })[0];
      expect(allowed?.kind).toBe('item');
      if (allowed?.kind === 'item') expect(allowed.item.root).toBeUndefined();
    }
    const inside = parseJsonlManifest(line({ id: 'a', mt: join(base, 'mt', 'x.txt'), refs: ['./r/../r.txt', '..x/odd.txt'] }), opts)[0];
    expect(inside?.kind).toBe('item');
  });

  it('isInside follows path segments, not string prefixes', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
});

describe('CSV manifest', () => {
  it('reads a header in any order, splits refs on ";" and ignores extra columns', () => {
    const csv = 'note,refs,id,mt\r\n"x, y","refs/a.txt; refs/b.txt",s1,mt/s1.txt\r\n,refs/a.txt,s2,mt/s2.txt\r\n';
    const entries = parseCsvManifest(csv, opts)!;
    expect(entries.map((e) => e.kind)).toEqual(['item', 'item']);
    if (entries[0]?.kind !== 'item') throw new Error('expected an item');
    expect(entries[0].item).toMatchObject({ id: 's1', mt: 'mt/s1.txt', refs: ['refs/a.txt', 'refs/b.txt'] });
    expect(entries.map((e) => e.line)).toEqual([2, 3]);
  });

  it('gives bad rows error entries on their own line, in order', () => {
    const csv = ['id,mt,refs', 's1,a.txt,r.txt', ',b.txt,r.txt', 's3,,r.txt', 's4,c.txt,', 's1,d.txt,r.txt', 's6,../up.txt,r.txt', 's7,e.txt,r.txt'].join('\n');
    const entries = parseCsvManifest(csv, opts)!;
    expect(entries.map((e) => [e.kind, e.line])).toEqual([
      ['item', 2],
      ['error', 3],
      ['error', 4],
      ['error', 5],
      ['error', 6],
      ['error', 7],
      ['item', 8],
    ]);
    expect(ids(entries)).toEqual(['s1', 'line:3', 's3', 's4', 's1', 's6', 's7']);
  });

  it('survives a row with broken quoting', () => {
    const csv = 'id,mt,refs\ns1,a.txt,r.txt\ns2,"b.txt"x,r.txt\ns3,c.txt,r.txt\n';
    const entries = parseCsvManifest(csv, opts)!;
    expect(ids(entries)).toContain('s1');
    expect(ids(entries)).toContain('s3');
    expect(entries.some((e) => e.kind === 'error' && /CSV/.test(e.error))).toBe(true);
  });

  it('needs the header', () => {
    expect(parseCsvManifest('s1,a.txt,r.txt\n', opts)).toBeUndefined();
    expect(parseCsvManifest('', opts)).toBeUndefined();
  });
});

describe('directory mode', () => {
  const root = mkdtempSync(join(tmpdir(), 'mtdiff-dirmode-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (p: string): void => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), 'text');
  };

  it('pairs each MT file with its own reference folder when there is one, else with every shared reference', () => {
    for (const p of ['mt/b.txt', 'mt/a.txt', 'mt/.hidden', 'mt/c.md', 'refs/r2.txt', 'refs/r1.txt', 'refs/a/own.txt', 'refs/c/x.txt', 'refs/c/w.txt'])
      write(p);
    mkdirSync(join(root, 'mt', 'subdir'));
    const entries = directoryEntries(join(root, 'mt'), join(root, 'refs'));
    expect(ids(entries)).toEqual(['a.txt', 'b.txt', 'c.md']);
    const refs = entries.map((e) => (e.kind === 'item' ? e.item.refs.map((r) => r.slice(root.length + 1)) : []));
    expect(refs).toEqual([['refs/a/own.txt'], ['refs/r1.txt', 'refs/r2.txt'], ['refs/c/w.txt', 'refs/c/x.txt']]);
    expect(entries.map((e) => e.line)).toEqual([1, 2, 3]);
  });

  it('makes an error entry for an item without references and refuses a missing directory', () => {
    write('mt2/x.txt');
    mkdirSync(join(root, 'refs2', 'x'), { recursive: true });
    const [e] = directoryEntries(join(root, 'mt2'), join(root, 'refs2'));
    expect(errorOf(e)).toMatch(/no reference files/);
    expect(() => directoryEntries(join(root, 'nope'), join(root, 'refs'))).toThrow(/no such directory/);
  });

  it('stem drops only the last extension', () => {
    expect(stem('a.b.txt')).toBe('a.b');
    expect(stem('plain')).toBe('plain');
  });
});
