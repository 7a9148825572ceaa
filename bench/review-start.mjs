// Time to the first screen of `mtdiff review` on seed 004 in a real terminal (tmux), and to the full review
// screen (flags and scores). Not a test: timings depend on the machine and its load. Usage:
//   npm run bench:review [-- --runs 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = ['004_105117b8f2f418e5', '000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'].map((s) => `seeds/${s}.txt`);
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const socket = `mtdiff-bench-${process.pid}`;
const tmux = (...args) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.error('bench:review needs tmux');
  process.exit(2);
}

function once(i) {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-bench-review-'));
  const cmd = `node dist/cli/main.js review ${SEEDS.join(' ')} --review-file ${join(dir, 'r.json')}; sleep 60`;
  const t0 = performance.now();
  tmux('new-session', '-d', '-s', `s${i}`, '-x', '160', '-y', '48', '-c', ROOT, cmd);
  let first;
  let full;
  while (full === undefined && performance.now() - t0 < 120_000) {
    const s = tmux('capture-pane', '-p', '-t', `s${i}`).stdout;
    const t = performance.now() - t0;
    if (first === undefined && s.includes('The United States broke')) first = t;
    if (s.includes('Sentences 1/')) full = t;
    spawnSync('sleep', ['0.02']);
  }
  tmux('kill-session', '-t', `s${i}`);
  rmSync(dir, { recursive: true, force: true });
  return { first, full };
}

const results = [];
for (let i = 0; i < runs; i++) {
  const r = once(i);
  results.push(r);
  console.log(`run ${i + 1}: article on screen ${(r.first / 1000).toFixed(2)} s, flags and scores ${(r.full / 1000).toFixed(2)} s`);
}
tmux('kill-server');
console.log(`median of ${runs}: first screen ${(median(results.map((r) => r.first)) / 1000).toFixed(2)} s (target <= 1 s), full screen ${(median(results.map((r) => r.full)) / 1000).toFixed(2)} s`);
