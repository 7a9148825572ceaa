/**
 * Issue 15, slow half: a real full disk (a 64 KiB tmpfs; needs root, skipped with a message elsewhere),
 * SIGTERM on a blocked run, output = input through --report-dir.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mtdiff, ROOT, SEEDS } from '../cli/run.js';

const MT = join(ROOT, SEEDS[0]!);
const REFS = SEEDS.slice(1, 3).map((s) => join(ROOT, s));
const disk = mkdtempSync(join(tmpdir(), 'mtdiff-full-'));
const work = mkdtempSync(join(tmpdir(), 'mtdiff-slow15-'));

function mountTmpfs(): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'pipe' });
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}
const cannotMount = mountTmpfs();
if (cannotMount) console.warn(`skipping the full-disk tests: cannot mount a 64 KiB tmpfs (${cannotMount})`);
afterAll(() => {
  if (!cannotMount) execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Fills the tmpfs, then frees `free` bytes, so the next write of more than that fails part-way. */
function fillDisk(free: number): void {
  writeFileSync(join(disk, 'spare'), Buffer.alloc(free));
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(disk, `filler-${i}`), Buffer.alloc(4096, 1));
    } catch {
      break;
    }
  }
  unlinkSync(join(disk, 'spare'));
}

const leftovers = (): string[] => readdirSync(disk).filter((n) => n.endsWith('.tmp'));
const oneLine = (stderr: string): string[] => stderr.trim().split('\n').filter((l) => /^mtdiff: (error: )?cannot write|^mtdiff: .*cannot write/.test(l));

describe.skipIf(cannotMount !== undefined)('a full disk never costs a good file and never exits 0', () => {
  beforeEach(() => {
    for (const n of readdirSync(disk)) rmSync(join(disk, n), { recursive: true, force: true });
  });

  it('report --out: exit 5, the old report untouched', () => {
    const out = join(disk, 'report.md');
    const old = `# the good old report\n${'x'.repeat(20_000)}\n`;
    writeFileSync(out, old);
    fillDisk(8192);
    const r = mtdiff(['report', MT, ...REFS, '--out', out, '--date', '2026-01-01']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/cannot write .*report\.md: no space left on device/);
    expect(readFileSync(out, 'utf8')).toBe(old);
    expect(leftovers()).toEqual([]);
  });

  it('score -f json --output: exit 5, the old output untouched (no invalid JSON)', () => {
    const manifest = join(work, 'm.jsonl');
    writeFileSync(manifest, ['a', 'b', 'c'].map((id) => JSON.stringify({ id, mt: MT, refs: REFS })).join('\n'));
    const out = join(disk, 'scores.json');
    writeFileSync(out, '[]\n');
    fillDisk(4096);
    const r = mtdiff(['score', '--input', manifest, '--allow-outside', '-f', 'json', '--output', out, '--no-cache']);
    expect(r.code).toBe(5);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toBe('[]\n');
  });

  it('score --output x.jsonl filling up: exit 5 and no torn line', () => {
    const manifest = join(work, 'm2.jsonl');
    writeFileSync(manifest, ['a', 'b', 'c', 'd'].map((id) => JSON.stringify({ id, mt: MT, refs: REFS })).join('\n'));
    const out = join(disk, 'run.jsonl');
    fillDisk(16384);
    const r = mtdiff(['score', '--input', manifest, '--allow-outside', '--output', out, '--no-cache']);
    expect(r.code).toBe(5);
    const text = readFileSync(out, 'utf8');
    expect(text === '' || text.endsWith('\n')).toBe(true);
    for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('--report-dir: an item report that does not fit is an error line and exit 5', () => {
    const manifest = join(work, 'm3.jsonl');
    writeFileSync(manifest, `${JSON.stringify({ id: 'a', mt: MT, refs: REFS })}\n`);
    const dir = join(disk, 'reports');
    mkdirSync(dir);
    fillDisk(8192);
    const r = mtdiff(['score', '--input', manifest, '--allow-outside', '--report-dir', dir, '--no-cache']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/mtdiff: error: a: cannot write .*a\.md: no space left on device/);
    expect(readdirSync(dir).filter((n) => n === 'a.md')).toEqual([]);
  });
});

/** Thirty numbered copies of the MT seed: distinct sentences, so nothing is embedded once for all. */
function longArticle(): string {
  const path = join(work, 'long.txt');
  const text = readFileSync(MT, 'utf8');
  writeFileSync(path, Array.from({ length: 30 }, (_, k) => text.replace(/([.!?]) /g, `$1 ${k + 1}. `)).join('\n\n'));
  return path;
}

describe('no hangs', () => {
  it('score with a FIFO in the manifest ends (it used to block on the open and ignore SIGTERM)', async () => {
    const sub = join(work, 'fifo');
    mkdirSync(sub);
    execFileSync('mkfifo', [join(sub, 'pipe.txt')]);
    writeFileSync(join(sub, 'ref.txt'), readFileSync(REFS[0]!));
    writeFileSync(join(sub, 'm.jsonl'), `${JSON.stringify({ id: 'p', mt: 'pipe.txt', refs: ['ref.txt'] })}\n`);
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'score', '--input', join(sub, 'm.jsonl'), '--no-cache'], { stdio: 'ignore' });
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
    const early = await Promise.race([ended, new Promise((r) => setTimeout(() => r('running'), 60_000))]);
    if (early === 'running') child.kill('SIGTERM');
    const code = await Promise.race([ended, new Promise((r) => setTimeout(() => r('ignored SIGTERM'), 10_000))]);
    if (code === 'ignored SIGTERM') child.kill('SIGKILL');
    // Either it finished on its own (the FIFO is refused) or SIGTERM ended it within seconds.
    expect([2, 143]).toContain(code);
  });

  it.each([
    ['score', (m: string) => ['score', '--input', m, '--allow-outside', '--no-cache']],
    // A long article and an empty cache: the seed alone is checked in under the 2.5 s this test waits.
    ['check', () => ['check', longArticle(), ...REFS]],
  ])('SIGTERM mid-run ends %s within seconds, with status 143', async (_name, args) => {
    const manifest = join(work, 'many.jsonl');
    writeFileSync(manifest, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `i${i}`, mt: MT, refs: REFS })).join('\n'));
    const cache = mkdtempSync(join(work, 'cache-'));
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args(manifest)], { stdio: 'ignore', env: { ...process.env, MTDIFF_CACHE_DIR: cache } });
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' ? 143 : null))));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGTERM');
    const code = await Promise.race([ended, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(143);
  });
});
