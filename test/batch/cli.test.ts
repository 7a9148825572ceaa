import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/embed/cache.js';
import { mtdiff, mtdiffIn, seedSpellCache, type Run } from '../cli/run.js';
import { jsonl, makeBatch, type Batch } from './fixture.js';

type Rec = { id: string; mt?: string; score?: number; error?: string; flags?: unknown[] };
const records = (stdout: string): Rec[] => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
type Db = { prepare(s: string): { get(): { n: number } }; close(): void };
const Database = createRequire(import.meta.url)('better-sqlite3') as new (path: string, options: { readonly: boolean }) => Db;
function cacheRows(dir: string): number {
  const db = new Database(join(dir, CACHE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM embeddings').get().n;
  } finally {
    db.close();
  }
}

let batch: Batch;
let manifest: string;
let whole: Run;
// In this process: the batch runner's behaviour. The --cache-dir case below is a real process, since dictionaries
// are opened once per process and their cache directory fixed at first use.
const run = (args: string[]) => mtdiffIn(['score', ...args], { cwd: batch.dir, env: { MTDIFF_CACHE_DIR: join(batch.dir, 'default-cache') } });

beforeAll(async () => {
  batch = makeBatch(3);
  const d = batch.dir;
  seedSpellCache(join(d, 'default-cache'));
  writeFileSync(join(d, 'mt', 'empty.txt'), '  \n');
  writeFileSync(join(d, 'mt', 'binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]));
  writeFileSync(join(d, 'mt', 'latin1.txt'), Buffer.from('Gr\xfc\xdfe aus M\xfcnchen.\n', 'latin1'));
  writeFileSync(join(d, 'mt', 'huge.txt'), 'Hamas talks. '.repeat(1000));
  const refs = batch.refPaths;
  const good = batch.good.map((id) => ({ id, mt: `mt/${id}.txt`, refs }));
  writeFileSync(
    join(d, 'batch.jsonl'),
    jsonl([
      good[0],
      { id: 'missing', mt: 'mt/nope.txt', refs },
      good[1],
      { id: 'empty', mt: 'mt/empty.txt', refs },
      { id: 'binary', mt: 'mt/binary.txt', refs },
      { id: 'latin1', mt: 'mt/latin1.txt', refs },
      { id: 'huge', mt: 'mt/huge.txt', refs },
      { id: 'outside', mt: '../escape.txt', refs },
      { id: 's0', mt: 'mt/s2.txt', refs },
      { id: 'badref', mt: 'mt/s1.txt', refs: [...refs, 'refs/nope.txt'] },
      good[2],
    ]) + 'this line is not JSON\n',
  );
  manifest = 'batch.jsonl';
  whole = await run(['--input', manifest, '--no-cache', '--max-bytes', '8000']);
});
afterAll(() => rmSync(batch.dir, { recursive: true, force: true }));

describe('mtdiff score (real model, small batch)', () => {
  it('writes one record per manifest line, in order, and exits 2 when some item failed', () => {
    expect(whole.code, whole.stderr).toBe(2);
    const recs = records(whole.stdout);
    expect(recs.map((r) => r.id)).toEqual(['s0', 'missing', 's1', 'empty', 'binary', 'latin1', 'huge', 'outside', 's0', 'badref', 's2', 'line:12']);
    expect(recs.filter((r) => r.error === undefined).map((r) => r.id)).toEqual(['s0', 's1', 's2']);
    const err = Object.fromEntries(recs.filter((r) => r.error).map((r) => [r.id, r.error!]));
    expect(err.missing).toMatch(/^mt\/nope\.txt: no such file/);
    expect(err.empty).toMatch(/no text/);
    expect(err.binary).toMatch(/binary/);
    expect(err.latin1).toMatch(/UTF-8/);
    expect(err.huge).toMatch(/over the limit/);
    expect(err.outside).toMatch(/outside the manifest's directory/);
    expect(err.badref).toMatch(/refs\/nope\.txt/);
    expect(recs[8]!.error).toMatch(/duplicate id "s0"/);
    expect(err['line:12']).toMatch(/line 12: not valid JSON/);
  });

  it('gives scored records the documented shape, flags as in the Analysis contract', () => {
    const ok = records(whole.stdout).filter((r) => !r.error);
    let flagged = 0;
    for (const rec of ok) {
      expect(Object.keys(rec)).toEqual(['id', 'mt', 'score', 'mqm', 'mqmPer100', 'words', 'counts', 'categories', 'flags', 'source']);
      expect(rec.mt).toBe(`mt/${rec.id}.txt`);
      const text = readFileSync(join(batch.dir, rec.mt!), 'utf8');
      const flags = rec.flags as { start: number; end: number; text: string; evidence: { ref: string }[] }[];
      flagged += flags.length;
      for (const f of flags) {
        for (const key of ['start', 'end', 'text', 'category', 'severity', 'confidence', 'message', 'evidence', 'detector', 'sentence']) expect(f).toHaveProperty(key);
        expect(text.slice(f.start, f.end)).toBe(f.text);
        // Evidence names references as the manifest wrote them, so records do not depend on where the batch lives.
        for (const e of f.evidence) expect(batch.refPaths).toContain(e.ref);
      }
    }
    expect(flagged).toBeGreaterThan(0); // the garbled seed always has something to flag
  });

  it('keeps stdout for records only and ends with a summary on stderr', () => {
    for (const line of whole.stdout.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    expect(whole.stderr).toMatch(/12 items, 3 ok, 9 errors, mean MQM [\d.]+ per 100 words, mean score 0\.\d{4}/);
    expect(whole.stderr).toMatch(/verdicts: \d+ needs revision, \d+ minor issues, \d+ no issues found/);
    expect(whole.stderr).toMatch(/worst 3 \(MQM per 100 words\):/);
  });

  it('is deterministic: shards make up the whole run, and a warm cache gives the same bytes without new embeddings', async () => {
    const shards = [];
    for (const k of [1, 2]) shards.push(await run(['--input', manifest, '--shard', `${k}/2`, '--cache-dir', 'cache', '--max-bytes', '8000']));
    const [a, b] = shards.map((s) => s.stdout.split('\n').filter(Boolean));
    const interleaved = a!.flatMap((line, i) => (b![i] === undefined ? [line] : [line, b![i]!]));
    expect(`${interleaved.join('\n')}\n`).toBe(whole.stdout);
    const rows = cacheRows(join(batch.dir, 'cache'));
    expect(rows).toBeGreaterThan(0);
    const warm = await run(['--input', manifest, '--cache-dir', 'cache', '--max-bytes', '8000']);
    expect(warm.stdout).toBe(whole.stdout);
    expect(cacheRows(join(batch.dir, 'cache'))).toBe(rows); // every text was a hit
    // Only the dictionary tables (src/detect/lexicon/spell-cache.ts) live in the default cache; no embeddings.
    const defaults = join(batch.dir, 'default-cache');
    expect(existsSync(defaults) ? readdirSync(defaults).filter((f) => f !== 'spell') : []).toEqual([]);
  });

  it('CSV manifest to a CSV file with reports; exit 1 below --fail-under', async () => {
    const d = batch.dir;
    const csv = ['id,mt,refs', ...batch.good.map((id) => `${id},mt/${id}.txt,${batch.refPaths.join(';')}`)].join('\n');
    writeFileSync(join(d, 'good.csv'), csv);
    const r = await run(['--input', 'good.csv', '--format', 'csv', '--output', 'out/scores.csv', '--report-dir', 'reports', '--date', '2026-01-01', '--fail-under', '0.99']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    const rows = parse(readFileSync(join(d, 'out', 'scores.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const byId = Object.fromEntries(records(whole.stdout).filter((x) => !x.error).map((x) => [x.id, x]));
    expect(rows.map((x) => x.id)).toEqual(batch.good);
    for (const row of rows) expect(Number(row.score)).toBe(byId[row.id!]!.score);
    expect(readdirSync(join(d, 'reports')).sort()).toEqual(['index.md', 's0.md', 's1.md', 's2.md']);
    const index = readFileSync(join(d, 'reports', 'index.md'), 'utf8');
    expect(index).toContain('2026-01-01');
    for (const id of batch.good) expect(index).toContain(`${id}.md`);
    expect(readFileSync(join(d, 'reports', 's1.md'), 'utf8')).toContain(byId.s1!.score!.toFixed(3));
    expect(r.stderr).toMatch(/3 below --fail-under 0\.99/);
  });

  it('gates: --fail-on and --max-mqm-per-100 exit 1 and name the items; per-flag TSV rows; index worst first', async () => {
    const good = join(batch.dir, 'good.jsonl');
    writeFileSync(good, jsonl(batch.good.map((id) => ({ id, mt: `mt/${id}.txt`, refs: batch.refPaths }))));
    const byId = Object.fromEntries(records(whole.stdout).filter((x) => !x.error).map((x) => [x.id, x as Rec & { mqmPer100: number; counts: Record<string, number> }]));
    const worst = Math.max(...Object.values(byId).map((r) => r.mqmPer100));
    const loose = await run(['--input', 'good.jsonl', '--format', 'flags-tsv', '--max-mqm-per-100', String(worst), '--report-dir', 'gated', '--date', '2026-01-01']);
    expect(loose.code, loose.stderr).toBe(0);
    const lines = loose.stdout.trimEnd().split('\n');
    expect(lines[0]!.split('\t')).toEqual(['document', 'sentence', 'start', 'end', 'text', 'category', 'severity', 'confidence', 'fix', 'evidence', 'decision', 'message']);
    expect(lines.length - 1).toBe(Object.values(byId).reduce((n, r) => n + r.flags!.length, 0));
    const index = readFileSync(join(batch.dir, 'gated', 'index.md'), 'utf8');
    const order = [...index.matchAll(/^\| (s\d) \|/gm)].map((m) => m[1]!);
    expect(order.map((id) => byId[id]!.mqmPer100)).toEqual(Object.values(byId).map((r) => r.mqmPer100).sort((a, b) => b - a));
    const strict = await run(['--input', 'good.jsonl', '--max-mqm-per-100', String(worst - 0.001), '--fail-on', 'major']);
    expect(strict.code).toBe(1);
    const failing = Object.values(byId).filter((r) => r.mqmPer100 > worst - 0.001 || r.counts.major! + r.counts.critical! > 0).length;
    expect(strict.stderr).toContain(`${failing} failing --fail-on major, --max-mqm-per-100 ${worst - 0.001} (exit 1)`);
    expect((await run(['--input', 'good.jsonl', '--fail-on', 'minor'])).code).toBe(3);
    expect((await run(['--input', 'good.jsonl', '--output', 'kept.jsonl'])).code).toBe(0);
    const again = await run(['--input', 'good.jsonl', '--output', 'kept.jsonl', '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resumed: ${batch.good.length} records already in the output were kept, not analysed again`);
  });

  it('directory mode writes a JSON array with the same scores', async () => {
    const r = await run(['--mt-dir', 'mt', '--ref-dir', 'refs', '--format', 'json', '--no-cache', '--max-bytes', '8000']);
    expect(r.code).toBe(2);
    const arr = JSON.parse(r.stdout) as Rec[];
    expect(arr.map((x) => x.id)).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'latin1.txt', 's0.txt', 's1.txt', 's2.txt']);
    const byId = Object.fromEntries(records(whole.stdout).filter((x) => !x.error).map((x) => [x.id, x.score]));
    for (const id of batch.good) expect(arr.find((x) => x.id === `${id}.txt`)!.score).toBe(byId[id]);
  });

  it('exits 3 on bad arguments before loading anything', async () => {
    const cases = [
      ['--input', manifest, '--shard', '3/2'],
      ['--input', manifest, '--format', 'xml'],
      ['--input', manifest, '--resume'],
      ['--input', manifest, '--mt-dir', 'mt', '--ref-dir', 'refs'],
      ['--input', 'batch.txt'],
      ['--input', manifest, '--fail-under', '2'],
    ];
    for (const args of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
    }
  });
});

describe('--cache-dir governs every cache', () => {
  it('puts the dictionary tables there too, and nothing in the default cache directory', () => {
    const chosen = join(batch.dir, 'chosen-cache');
    const elsewhere = join(batch.dir, 'env-cache');
    // Every table this machine has built is there already but the English ones, which the run must write there.
    const english = (name: string) => /^dictionary-en-(gb-)?[0-9a-f]{32}\.bin$/.test(name);
    seedSpellCache(chosen, english);
    const r = mtdiff(['score', '--input', manifest, '--cache-dir', chosen, '--max-bytes', '8000'], { cwd: batch.dir, env: { MTDIFF_CACHE_DIR: elsewhere } });
    expect(r.code, r.stderr).toBe(2);
    expect(existsSync(join(chosen, CACHE_FILE))).toBe(true);
    expect(readdirSync(join(chosen, 'spell')).filter(english)).toHaveLength(2);
    expect(existsSync(elsewhere)).toBe(false);
  });
});

describe('source-language warnings in a batch', () => {
  it('gives each item the warnings check gives: on stderr with its id, in its record, counted in the summary', async () => {
    const d = batch.dir;
    writeFileSync(join(d, 'mt', 'de.txt'), 'The bürgermeister thanked the feuerwehr and the bewohner of the stadt after the hochwasser.\n');
    writeFileSync(join(d, 'langs.jsonl'), jsonl([{ id: 'german', mt: 'mt/de.txt', refs: batch.refPaths }, { id: batch.good[0], mt: `mt/${batch.good[0]}.txt`, refs: batch.refPaths }]));
    const r = await run(['--input', 'langs.jsonl', '--no-cache', '--source-lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    const [german, plain] = records(r.stdout) as (Rec & { source?: { lang: string; detected: boolean; warnings?: string[] } })[];
    expect(german!.source).toMatchObject({ lang: 'fr', detected: false, warnings: [expect.stringMatching(/^--source-lang fr .*look German/)] });
    expect(plain!.source?.warnings).toBeUndefined();
    expect(r.stderr).toMatch(/mtdiff: warning: german: --source-lang fr .*look German/);
    expect(r.stderr).toMatch(/1 with a source-language warning .*: german/);
  });
});
