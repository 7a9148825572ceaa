import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import nspell from 'nspell';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disagreements, spellSample } from '../../../src/detect/lexicon/spell-sample.js';
import {
  decodeTable,
  encodeTable,
  loadSpeller,
  openSpeller,
  spellCacheDir,
  spellCacheFile,
  spellCacheKey,
  tableFromNSpell,
  TableSpeller,
  type Speller,
} from '../../../src/detect/lexicon/spell.js';

const root = join(import.meta.dirname, '../../..');
const seedText = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'seeds', f), 'utf8'))
  .join('\n');

interface Dict {
  aff: Buffer;
  dic: Buffer;
}

async function dictionary(pkg: string): Promise<Dict> {
  const mod = (await import(pkg)) as { default: { aff: Uint8Array; dic: Uint8Array } };
  return { aff: Buffer.from(mod.default.aff), dic: Buffer.from(mod.default.dic) };
}

function reference(dict: Dict): { speller: Speller; forms: string[] } {
  const speller = nspell(dict);
  return { speller, forms: Object.keys((speller as unknown as { data: object }).data) };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-spell-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function expectTable(s: Speller | undefined, from: 'cache' | 'parse'): TableSpeller {
  expect(s).toBeInstanceOf(TableSpeller);
  expect((s as TableSpeller).from).toBe(from);
  return s as TableSpeller;
}

describe.each([
  ['dictionary-en', 3000],
  ['dictionary-en-gb', 3000],
  ['dictionary-de', 3000],
])('%s: the cached table answers as nspell does', (pkg, n) => {
  let ref: Speller;
  let words: string[];
  let cacheDir: string;
  beforeAll(async () => {
    const dict = await dictionary(pkg);
    const r = reference(dict);
    ref = r.speller;
    words = spellSample(r.forms, dict.dic.toString('utf8'), seedText, n);
    cacheDir = tempDir();
  });

  it('on the first run (parsed, cache written) and on the next (read from the cache)', async () => {
    const cold = expectTable(await openSpeller(pkg, { cacheDir }), 'parse');
    const warm = expectTable(await openSpeller(pkg, { cacheDir }), 'cache');
    expect(words.length).toBeGreaterThan(10 * n);
    // The sample has both answers in quantity, not just one.
    const yes = words.filter((w) => ref.correct(w)).length;
    expect(yes).toBeGreaterThan(words.length / 4);
    expect(words.length - yes).toBeGreaterThan(words.length / 4);
    expect(disagreements(ref, cold, words)).toEqual([]);
    expect(disagreements(ref, warm, words)).toEqual([]);
  });
});

describe('a small dictionary using every flag correct() reads, with non-Latin-1 forms', () => {
  const aff = [
    'SET UTF-8',
    'KEEPCASE K',
    'FORBIDDENWORD F',
    'ONLYINCOMPOUND C',
    'COMPOUNDMIN 1',
    'COMPOUNDRULE 2',
    'COMPOUNDRULE AB',
    'COMPOUNDRULE n*1t',
    'ICONV 1',
    'ICONV ’ \'',
    'SFX S Y 1',
    'SFX S 0 s .',
    'PFX U Y 1',
    'PFX U 0 un .',
    '',
  ].join('\n');
  const dic = ['12', 'œuvre/S', 'Ωmega/S', 'McDonald/K', 'NASA', 'badword/F', 'badwords', 'foo/CA', 'bar/B', 'do/US', "it's", '1/n1', '1st/Ct', ''].join('\n');
  let pkg: string;
  beforeAll(() => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.aff'), aff);
    writeFileSync(join(dir, 'index.dic'), dic);
    const mod = join(dir, 'index.mjs');
    writeFileSync(mod, `import fs from 'node:fs';\nexport default { aff: fs.readFileSync(new URL('index.aff', import.meta.url)), dic: fs.readFileSync(new URL('index.dic', import.meta.url)) };\n`);
    pkg = pathToFileURL(mod).href;
  });

  it('gives nspell’s answers, cold and cached', async () => {
    const r = reference({ aff: Buffer.from(aff), dic: Buffer.from(dic) });
    const words = spellSample(r.forms, dic, "it's it’s IT’S McDonald MCDONALD mcdonald NASA Nasa nasa undo UNDOS foobar FOOBAR barfoo 11st 1st", 200);
    const cacheDir = tempDir();
    const cold = expectTable(await openSpeller(pkg, { cacheDir }), 'parse');
    const warm = expectTable(await openSpeller(pkg, { cacheDir }), 'cache');
    for (const s of [cold, warm]) {
      expect(disagreements(r.speller, s, words)).toEqual([]);
      expect(['œuvres', 'Ωmegas', 'ŒUVRE', 'McDonald', 'undo', 'foobar', "it's", 'it’s'].map((w) => s.correct(w))).toEqual(Array(8).fill(true));
      expect(['badword', 'mcdonald', 'foo', 'ωmegas'].map((w) => s.correct(w))).toEqual(Array(4).fill(false));
    }
  });
});

describe('cache robustness', () => {
  const pkg = 'dictionary-en';
  let ref: Speller;
  let words: string[];
  let key: string;
  beforeAll(async () => {
    const dict = await dictionary(pkg);
    const r = reference(dict);
    ref = r.speller;
    words = spellSample(r.forms, dict.dic.toString('utf8'), seedText, 300);
    key = spellCacheKey(dict.aff, dict.dic);
  });

  async function fresh(): Promise<{ cacheDir: string; file: string; good: Buffer }> {
    const cacheDir = tempDir();
    expectTable(await openSpeller(pkg, { cacheDir }), 'parse');
    const file = spellCacheFile(cacheDir, pkg, key);
    return { cacheDir, file, good: readFileSync(file) };
  }

  const corruptions: [string, (good: Buffer) => Buffer][] = [
    ['one flipped byte in the word forms', (b) => flip(b, Math.floor(b.length * 0.6))],
    ['one flipped byte in the header', (b) => flip(b, 30)],
    ['one flipped byte in the checksum', (b) => flip(b, b.length - 1)],
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['text instead of a table', () => Buffer.from('not a table\n')],
    ['the magic and nothing else', (b) => b.subarray(0, 20)],
  ];

  it.each(corruptions)('a cache file %s is rebuilt, and the answers stay nspell’s', async (_name, corrupt) => {
    const { cacheDir, file, good } = await fresh();
    writeFileSync(file, corrupt(good));
    const s = expectTable(await openSpeller(pkg, { cacheDir }), 'parse');
    expect(disagreements(ref, s, words)).toEqual([]);
    // Rebuilt: the same bytes as the first time (the table is deterministic), and read on the next run.
    expect(readFileSync(file).equals(good)).toBe(true);
    expectTable(await openSpeller(pkg, { cacheDir }), 'cache');
  });

  it('an intact table written for other dictionary bytes (another key) is not used', async () => {
    const { cacheDir, file, good } = await fresh();
    const table = decodeTable(good, key)!;
    writeFileSync(file, encodeTable({ ...table, header: { ...table.header, key: 'f'.repeat(64) } }));
    expectTable(await openSpeller(pkg, { cacheDir }), 'parse');
    expect(readFileSync(file).equals(good)).toBe(true);
  });

  it('the key changes with the dictionary bytes', () => {
    expect(spellCacheKey(Buffer.from('a'), Buffer.from('b'))).not.toBe(spellCacheKey(Buffer.from('a'), Buffer.from('c')));
    expect(spellCacheKey(Buffer.from('ab'), Buffer.from(''))).not.toBe(spellCacheKey(Buffer.from('a'), Buffer.from('b')));
  });

  it('an unwritable cache directory only means parsing every time', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const s = expectTable(await openSpeller(pkg, { cacheDir: join(blocker, 'spell') }), 'parse');
    expect(disagreements(ref, s, words)).toEqual([]);
    expectTable(await openSpeller(pkg, { cacheDir: join(blocker, 'spell') }), 'parse');
  });

  it('no cache at all (cacheDir: null) still gives the table, parsed', async () => {
    const s = expectTable(await openSpeller(pkg, { cacheDir: null }), 'parse');
    expect(disagreements(ref, s, words)).toEqual([]);
  });

  it('writing a table removes stale tables of the same package, not those of others', async () => {
    const cacheDir = tempDir();
    const stale = join(cacheDir, `dictionary-en-${'0'.repeat(32)}.bin`);
    const other = join(cacheDir, `dictionary-en-gb-${'0'.repeat(32)}.bin`);
    writeFileSync(stale, 'old');
    writeFileSync(other, 'other');
    await openSpeller(pkg, { cacheDir });
    expect(readdirSync(cacheDir).sort()).toEqual([`dictionary-en-${key.slice(0, 32)}.bin`, `dictionary-en-gb-${'0'.repeat(32)}.bin`]);
  });

  it('decoding arbitrary or damaged bytes never throws and never yields a table', () => {
    const good = encodeTable(tableFromNSpell(nspell({ aff: Buffer.from('SET UTF-8\n'), dic: Buffer.from('2\nfoo\nbar\n') }), key)!);
    expect(decodeTable(good, key)).toBeDefined();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => decodeTable(Buffer.from(bytes), key) === undefined),
    );
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const bad = Buffer.from(good);
        bad[at]! ^= x;
        return decodeTable(bad, key) === undefined;
      }),
    );
    fc.assert(fc.property(fc.nat(good.length - 1), (n) => decodeTable(good.subarray(0, n), key) === undefined));
  });
});

describe('loading packages', () => {
  it('a package that is not installed gives undefined', async () => {
    await expect(openSpeller('dictionary-xx-not-installed', { cacheDir: tempDir() })).resolves.toBeUndefined();
    await expect(loadSpeller('dictionary-xx-not-installed')).resolves.toBeUndefined();
  });

  it('loadSpeller loads a package once per process', () => {
    expect(loadSpeller('dictionary-xx-not-installed')).toBe(loadSpeller('dictionary-xx-not-installed'));
  });

  it('the cache directory honours MTDIFF_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(spellCacheDir({ MTDIFF_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe(join('/c', 'spell'));
    expect(spellCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'mtdiff', 'spell'));
    expect(spellCacheDir({})).toMatch(/\.cache[/\\]mtdiff[/\\]spell$/);
  });
});

function flip(buf: Buffer, at: number): Buffer {
  const out = Buffer.from(buf);
  out[at]! ^= 0x5a;
  return out;
}
