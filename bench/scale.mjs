/**
 * Scaling benchmark (issue 15): `npm run bench:scale [-- --sizes 50K,200K --runs 3 --no-write]`.
 *
 * Builds one MT article per size from the garbled seed 004 (sentences shuffled, most in one of VARIANTS
 * versions with one word swapped for another word of the seeds; seeded PRNG, the same bytes on every
 * machine) and runs
 * `mtdiff check -f json` on it against the four English seeds, as a user would (a fresh process, no
 * embedding cache). Wall time and peak RSS come from /usr/bin/time. The growth exponent is the least-squares
 * slope of log(time) over log(size). Writes the table into BENCHMARKS.md under "## Scaling (issue 15)".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { segmentDocument } from '../dist/segment/index.js';
import { tokenize } from '../dist/segment/tokens.js';
import { createRng } from './lib/prng.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MT_SEED = '004_105117b8f2f418e5';
const REF_SEEDS = ['000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'];
const SUBSTITUTE_SHARE = 0.8;
const SENTENCES_PER_PARAGRAPH = 5;
const SECTION = '## Scaling (issue 15)';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50K,200K,800K,3M,5Mi' },
    runs: { type: 'string', default: '3' },
    /** Sizes above this many bytes run once: a median of three 5 MiB runs costs more than it tells. */
    'repeat-below': { type: 'string', default: '1000000' },
    'no-write': { type: 'boolean', default: false },
    /** Only write the article of the first size to this path (for profiling with node --cpu-prof). */
    generate: { type: 'string' },
  },
});

function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)(K|Ki|M|Mi)?$/.exec(text.trim());
  if (!m) throw new Error(`bad size ${text}`);
  const unit = { K: 1e3, Ki: 1024, M: 1e6, Mi: 1024 * 1024 }[m[2]] ?? 1;
  return { label: text.trim().replace(/([KM]i?)$/, ' $1B'), bytes: Math.round(Number(m[1]) * unit) };
}

const seedText = (name) => readFileSync(join(ROOT, 'seeds', `${name}.txt`), 'utf8');
const mtSentences = segmentDocument(MT_SEED, seedText(MT_SEED)).sentences.map((s) => s.text);
const vocabulary = [
  ...new Set([MT_SEED, ...REF_SEEDS].flatMap((s) => tokenize(seedText(s)).filter((w) => w.word && /^\p{Ll}{3,}$/u.test(w.text)).map((w) => w.text))),
].sort();

/** Each seed sentence in up to this many versions: the article varies, but its distinct sentences are capped. */
const VARIANTS = 24;

/**
 * The seed's sentences, each with VARIANTS - 1 one-word substitutions. The cap keeps the model's share
 * (linear in distinct sentences, which the embedder encodes once each; see bench:batch for its throughput)
 * from hiding the cost of everything after it, which is what grew quadratically.
 */
function variantPool(rng) {
  return mtSentences.map((sentence) => {
    const words = tokenize(sentence).filter((t) => t.word && /^\p{Ll}{3,}$/u.test(t.text));
    if (words.length === 0) return [sentence];
    return [sentence, ...Array.from({ length: VARIANTS - 1 }, () => {
      const w = rng.pick(words);
      return sentence.slice(0, w.start) + rng.pick(vocabulary) + sentence.slice(w.end);
    })];
  });
}

/** Exactly `bytes` long (UTF-8), so that sizes on the x axis are what they claim. */
function article(bytes, rng) {
  const pool = variantPool(rng);
  const parts = [];
  let length = 0;
  let k = 0;
  while (length < bytes) {
    for (const variants of rng.shuffle(pool)) {
      const text = rng.chance(SUBSTITUTE_SHARE) ? rng.pick(variants) : variants[0];
      const piece = `${text}${++k % SENTENCES_PER_PARAGRAPH === 0 ? '\n\n' : ' '}`;
      parts.push(piece);
      length += Buffer.byteLength(piece);
      if (length >= bytes) break;
    }
  }
  return Buffer.from(parts.join('')).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, ' ');
}

function runOnce(mtPath, bytes) {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %M', process.execPath, join(ROOT, 'dist/cli/main.js'), 'check', '-f', 'json', '--max-bytes', String(bytes + 1024), mtPath, ...REF_SEEDS.map((s) => join(ROOT, 'seeds', `${s}.txt`))],
    { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, MTDIFF_CACHE_DIR: join(tmpdir(), 'mtdiff-bench-scale-nocache') } },
  );
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`check exited with ${r.status}: ${r.stderr.slice(-500)}`);
  const analysis = JSON.parse(r.stdout);
  return { seconds: Number(m[1]), rssMb: Number(m[2]) / 1024, sentences: analysis.sentences.length, flags: analysis.flags.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Least-squares slope of log y over log x. */
function exponent(points) {
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

const rng = createRng('bench-scale');
if (args.generate) {
  writeFileSync(args.generate, article(parseSize(args.sizes.split(',')[0]).bytes, rng));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'mtdiff-bench-scale-'));
const results = [];
try {
  for (const size of args.sizes.split(',').map(parseSize)) {
    const mtPath = join(dir, `mt-${size.bytes}.txt`);
    writeFileSync(mtPath, article(size.bytes, rng));
    const runs = size.bytes < Number(args['repeat-below']) ? Number(args.runs) : 1;
    const samples = Array.from({ length: runs }, () => runOnce(mtPath, size.bytes));
    const row = { ...size, runs, seconds: median(samples.map((s) => s.seconds)), rssMb: median(samples.map((s) => s.rssMb)), sentences: samples[0].sentences, flags: samples[0].flags };
    results.push(row);
    process.stderr.write(`${row.label}: ${row.seconds} s, ${row.rssMb.toFixed(0)} MB, ${row.sentences} sentences, ${row.flags} flags (${runs} run${runs > 1 ? 's' : ''})\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const slope = exponent(results);
/** The local slope from the previous size: a fixed start-up cost flattens the global fit, not this. */
const local = (r, i) => (i === 0 ? '' : exponent([results[i - 1], r]).toFixed(2));
const table = [
  '| MT size | sentences | flags | runs | time (s, median) | s per MB | exponent from previous size | peak RSS (MB) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map((r, i) => `| ${r.label} | ${r.sentences} | ${r.flags} | ${r.runs} | ${r.seconds.toFixed(2)} | ${(r.seconds / (r.bytes / 1e6)).toFixed(1)} | ${local(r, i)} | ${r.rssMb.toFixed(0)} |`),
].join('\n');
process.stdout.write(`${JSON.stringify({ exponent: Number(slope.toFixed(3)), results }, null, 2)}\n\n${table}\n\nfitted exponent ${slope.toFixed(2)}\n`);

if (!args['no-write']) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  const section = [
    SECTION,
    '',
    `\`npm run bench:scale\` (bench/scale.mjs): \`mtdiff check -f json\` on one generated MT article of each size (seed 004`,
    `sentences shuffled, ${SUBSTITUTE_SHARE * 100}% in one of ${VARIANTS - 1} versions with one word swapped, so at most ~${mtSentences.length * VARIANTS} distinct sentences) against the four English seeds; a fresh process per run, no`,
    'embedding cache; wall time and peak RSS from /usr/bin/time. Machine: ' + machine + ' (shared with other jobs).',
    '',
    table,
    '',
    `Fitted growth exponent (least squares, log time over log size, ${results[0].label} to ${results.at(-1).label}): **${slope.toFixed(2)}**.`,
    '',
  ].join('\n');
  const path = join(ROOT, 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf(SECTION);
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + SECTION.length);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`;
  writeFileSync(path, updated);
}
