/**
 * Batch-scoring benchmark: `npm run bench:batch [-- --items N --jobs N]`.
 *
 * Builds N stories (default 200) from the seeds in a temp dir: each story takes one seed as its MT (the garbled
 * 004 half the time, a reference otherwise), shuffles its sentences and substitutes words in most of them
 * (seeded PRNG, so every machine gets the same batch), with the other four seeds as references. Then runs
 * `mtdiff score` as a user would (a fresh process: model load and detector start-up included) twice on the
 * same cache directory: cold (empty cache) and warm. Prints JSON, then a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { segmentDocument } from '../dist/segment/index.js';
import { tokenize } from '../dist/segment/tokens.js';
import { createRng } from './lib/prng.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = ['000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c', '004_105117b8f2f418e5'];
/** Share of sentences that get a substitution: most MT sentences must be new texts, or the cold run is warm. */
const SUBSTITUTE_SHARE = 0.8;

const { values: args } = parseArgs({ options: { items: { type: 'string', default: '200' }, jobs: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
const items = Number(args.items);
const jobs = Number(args.jobs);

const texts = Object.fromEntries(SEEDS.map((s) => [s, readFileSync(join(ROOT, 'seeds', `${s}.txt`), 'utf8')]));
const vocabulary = [...new Set(Object.values(texts).flatMap((t) => tokenize(t).filter((w) => w.word && /^\p{Ll}{3,}$/u.test(w.text)).map((w) => w.text)))].sort();

function story(i, rng) {
  const source = rng.chance(0.5) ? SEEDS[4] : SEEDS[rng.int(4)];
  const sentences = segmentDocument(source, texts[source]).sentences.map((s) => s.text);
  const changed = rng.shuffle(sentences).map((sentence) => {
    if (!rng.chance(SUBSTITUTE_SHARE)) return sentence;
    const words = tokenize(sentence).filter((t) => t.word && /^\p{Ll}{3,}$/u.test(t.text));
    if (words.length === 0) return sentence;
    const w = rng.pick(words);
    return sentence.slice(0, w.start) + rng.pick(vocabulary) + sentence.slice(w.end);
  });
  return { id: `story-${String(i).padStart(4, '0')}`, source, text: `${changed.join('\n')}\n`, sentences: changed.length };
}

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-bench-batch-'));
mkdirSync(join(dir, 'mt'));
mkdirSync(join(dir, 'refs'));
for (const s of SEEDS) writeFileSync(join(dir, 'refs', `${s}.txt`), texts[s]);
const rng = createRng('bench-batch');
const stories = Array.from({ length: items }, (_, i) => story(i, rng));
const manifest = stories.map((s) => {
  writeFileSync(join(dir, 'mt', `${s.id}.txt`), s.text);
  return JSON.stringify({ id: s.id, mt: `mt/${s.id}.txt`, refs: SEEDS.filter((x) => x !== s.source).map((x) => `refs/${x}.txt`) });
});
writeFileSync(join(dir, 'batch.jsonl'), `${manifest.join('\n')}\n`);
const sentences = stories.reduce((n, s) => n + s.sentences, 0);

const dirSize = (d) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);

function run(label) {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/cli/main.js'), 'score', '--input', 'batch.jsonl', '--output', `${label}.jsonl`, '--cache-dir', 'cache', '--jobs', String(jobs)],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`${label} run exited with ${r.status}`);
  }
  return {
    run: label,
    seconds: Number(seconds.toFixed(2)),
    itemsPerSecond: Number((items / seconds).toFixed(3)),
    sentencesPerSecond: Number((sentences / seconds).toFixed(1)),
    cacheBytes: dirSize(join(dir, 'cache')),
  };
}

try {
  const cold = run('cold');
  const warm = run('warm');
  const identical = readFileSync(join(dir, 'cold.jsonl')).equals(readFileSync(join(dir, 'warm.jsonl')));
  const result = {
    benchmark: 'batch',
    items,
    mtSentences: sentences,
    refsPerItem: 4,
    jobs,
    node: process.version,
    cold,
    warm,
    speedup: Number((cold.seconds / warm.seconds).toFixed(2)),
    identicalOutput: identical,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n\n`);
  const rows = [
    ['run', 'seconds', 'items/s', 'sentences/s', 'cache MB'],
    ...[cold, warm].map((r) => [r.run, r.seconds.toFixed(1), r.itemsPerSecond.toFixed(2), r.sentencesPerSecond.toFixed(1), (r.cacheBytes / 1e6).toFixed(1)]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}\n`);
  process.stdout.write(`\n${items} items, ${sentences} MT sentences, 4 refs each, --jobs ${jobs}; warm/cold speed-up ${result.speedup}x; outputs identical: ${identical}\n`);
  if (!identical) process.exitCode = 1;
} finally {
  if (args.keep) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
