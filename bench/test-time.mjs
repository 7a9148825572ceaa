/**
 * Wall time of the fast suite: `npm run bench:test-time [-- --base REV --runs R]`.
 *
 * Runs `npm test` R times (default 3) in this checkout and, with --base, in a temporary git worktree of REV
 * (sharing this node_modules), alternating the two so both see the same machine load, and prints the medians and
 * their ratio. The first run of each side also builds its incremental caches; medians of three hide that, and
 * `--cold` deletes them before every run instead, as a fresh clone sees.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: args } = parseArgs({ options: { base: { type: 'string' }, runs: { type: 'string', default: '3' }, cold: { type: 'boolean', default: false } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench:test-time: --runs takes a positive integer');
  process.exit(3);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function timeOnce(dir) {
  if (args.cold) for (const p of ['dist', 'node_modules/.cache/mtdiff-dev']) rmSync(join(dir, p), { recursive: true, force: true });
  const t = performance.now();
  const r = spawnSync('npm', ['test'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    console.error(`bench:test-time: npm test failed in ${dir} (exit ${r.status})\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`);
    process.exit(1);
  }
  return seconds;
}

let base;
if (args.base) {
  base = mkdtempSync(join(tmpdir(), 'mtdiff-test-time-'));
  execFileSync('git', ['worktree', 'add', '--detach', base, args.base], { cwd: ROOT, stdio: 'ignore' });
  // The base's own node_modules would need a full install; the dependencies are the same packages.
  symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'));
}
const sides = [{ name: 'this checkout', dir: ROOT, times: [] }, ...(base ? [{ name: `base ${args.base}`, dir: base, times: [] }] : [])];
try {
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0].toFixed(2)}, ${runs} runs each${args.cold ? ', caches deleted before each run' : ''}`);
  for (let i = 0; i < runs; i++) {
    for (const side of sides) {
      side.times.push(timeOnce(side.dir));
      console.log(`  ${side.name}: run ${i + 1} ${side.times.at(-1).toFixed(1)} s`);
    }
  }
  for (const side of sides) console.log(`${side.name}: median ${median(side.times).toFixed(1)} s (${side.times.map((t) => t.toFixed(1)).join(', ')})`);
  if (base) console.log(`ratio this / base: ${(median(sides[0].times) / median(sides[1].times)).toFixed(2)}`);
} finally {
  if (base && existsSync(base)) execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: ROOT, stdio: 'ignore' });
}
