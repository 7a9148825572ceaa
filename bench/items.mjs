/**
 * One-sentence batch benchmark: `npm run bench:items [-- --items N --runs R --dist DIR]`.
 *
 * Builds N DEMETR items (default 500) in a temp dir: for source sentence j, one item with the good MT and one
 * with the MT of perturbation file j mod 35, both against the one human reference (so two items share each
 * reference file, as a DEMETR batch does). Runs `mtdiff score --mode parallel` as a user would, cold (fresh
 * process, empty cache directory) and warm (same cache again), R times each (default 3), and prints medians:
 * items/s, time to the first record, and with MTDIFF_STAGES=1 the time spent waiting for the model.
 * `--dist` points at another build (e.g. the base commit's) so both can be measured in one run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = join(ROOT, '../shared/data/demetr_dev.jsonl');

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    dist: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
  },
});
const items = Number(args.items);
const runs = Number(args.runs);
const dists = (args.dist ?? [join(ROOT, 'dist')]).map((d) => resolve(d));

function buildItems(dir) {
  const lines = readFileSync(DATA, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const bySentence = new Map();
  for (const l of lines) {
    const key = `${l.lang}-${l.id}`;
    if (!bySentence.has(key)) bySentence.set(key, []);
    bySentence.get(key).push(l);
  }
  const groups = [...bySentence.values()];
  mkdirSync(join(dir, 'mt'));
  mkdirSync(join(dir, 'ref'));
  const manifest = [];
  for (let k = 0; k < items; k++) {
    const j = k >> 1;
    const group = groups[j % groups.length];
    const line = group[j % group.length];
    const name = `${line.lang}-${line.id}`;
    const id = k % 2 === 0 ? `${name}-mt` : `${name}-${line.file}`;
    writeFileSync(join(dir, 'ref', `${name}.txt`), `${line.ref}\n`);
    writeFileSync(join(dir, 'mt', `${id}.txt`), `${k % 2 === 0 ? line.mt : line.pert}\n`);
    manifest.push(JSON.stringify({ id, mt: `mt/${id}.txt`, refs: [`ref/${name}.txt`] }));
  }
  writeFileSync(join(dir, 'items.jsonl'), `${manifest.join('\n')}\n`);
}

/** One `score` process; resolves to wall seconds, seconds to the first record on stdout, and the stage line. */
function run(dist, dir, cache, out) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e9;
    const child = spawn(process.execPath, [join(dist, 'cli/main.js'), 'score', '--input', 'items.jsonl', '--mode', 'parallel', '--cache-dir', cache], {
      cwd: dir,
      env: { ...process.env, MTDIFF_STAGES: '1' },
    });
    let first;
    const stdout = [];
    let stderr = '';
    child.stdout.on('data', (b) => {
      first ??= since();
      stdout.push(b);
    });
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = since();
      if (code !== 0 && code !== 1) return fail(new Error(`score exited with ${code}: ${stderr.slice(-400)}`));
      writeFileSync(out, Buffer.concat(stdout));
      const stages = /mtdiff: stages: (\{.*\})/.exec(stderr);
      done({ seconds, first, stages: stages ? JSON.parse(stages[1]) : undefined });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => (x === undefined ? undefined : Number(x.toFixed(d)));

function summarise(label, results) {
  const seconds = median(results.map((r) => r.seconds));
  const model = results.every((r) => r.stages) ? median(results.map((r) => (r.stages.modelMs ?? 0) / 1000)) : undefined;
  return {
    run: label,
    seconds: round(seconds),
    itemsPerSecond: round(items / seconds, 1),
    firstRecordSeconds: round(median(results.map((r) => r.first ?? r.seconds))),
    modelSeconds: round(model),
    outsideModelShare: model === undefined ? undefined : round(1 - model / seconds, 3),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-bench-items-'));
buildItems(dir);
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`items: ${items} one-sentence DEMETR items (${Math.ceil(items / 2)} references), ${runs} runs each, medians`);
// Cold means an empty embedding cache, not unbuilt dictionary tables (<cache>/spell): one run builds those first.
await run(dists[0], dir, join(dir, 'prime'), join(dir, 'prime.jsonl'));
const freshCache = (name) => {
  mkdirSync(join(dir, name));
  symlinkSync(join(dir, 'prime', 'spell'), join(dir, name, 'spell'));
  return join(dir, name);
};
const rows = [];
for (const [d, dist] of dists.entries()) {
  const cold = [];
  const warm = [];
  // Interleaved so that load from elsewhere on the machine falls on both alike.
  for (let r = 0; r < runs; r++) {
    const cache = freshCache(`cache-${d}-${r}`);
    cold.push(await run(dist, dir, cache, join(dir, `out-${d}-cold.jsonl`)));
    warm.push(await run(dist, dir, cache, join(dir, `out-${d}-warm.jsonl`)));
  }
  rows.push(summarise(`${dist} cold`, cold), summarise(`${dist} warm`, warm));
}
console.log(JSON.stringify(rows, null, 1));
const outputs = dists.flatMap((_, d) => ['cold', 'warm'].map((k) => readFileSync(join(dir, `out-${d}-${k}.jsonl`), 'utf8')));
console.log(`records identical across builds and runs: ${outputs.every((o) => o === outputs[0])}`);
console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (args.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
