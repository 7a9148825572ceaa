/**
 * Embedding performance benchmark: `npm run bench [-- --texts 2000 --runs 5 --batch-sizes 1,8,32,64 --no-peer]`.
 *
 * On one corpus (the seeds' sentences, repeated with a numbered suffix until there are --texts distinct texts, so
 * the embedder's cache never hits):
 *  1. mtdiff throughput through loadEmbedder()/encode() per batch size, plus input order vs length-sorted batches;
 *  2. the same model in Python sentence-transformers (bench/st_peer.py, PyTorch CPU, same thread count), as the
 *     yardstick: mtdiff's throughput is reported as a ratio to it. The peer's venv is made by
 *     `scripts/peer-venv.sh DIR` (pinned, CPU torch from PyPI) and found by `--python DIR/bin/python` or
 *     $MTDIFF_PYTHON; without either the peer is skipped with a message;
 *  3. cold start: `mtdiff check` on the 5 seeds in a fresh process (wall time, peak RSS), median of --runs; and the
 *     cold run split into stages by a child process that performs the same steps one at a time;
 *  4. warm, in-process: one analyzer, the seeds analysed again (cache hits), as a "new MT article" against
 *     references already embedded (the MT's sentences dropped from the cache), and as a "second article" (sentence
 *     cache emptied, model and dictionaries loaded), with the time spent inside encode() and inside the model.
 * Prints Markdown tables and writes bench/results/embed.json. The machine is shared: next to every timing stands the
 * CPU the rest of the machine used meanwhile ("other processes", in cores); batch-1 throughput also varies by about
 * +-25% between identical runs with no visible contention, so compare rows measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { segmentDocument } from '../dist/segment/index.js';
import { loadEmbedder } from '../dist/embed/embedder.js';
import { Analyzer } from '../dist/analyze.js';
import { writeFileAtomic } from '../dist/io/write.js';
import { EMBED } from '../dist/config.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = ['004_105117b8f2f418e5', '000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'];
const SEED_PATHS = SEEDS.map((s) => `seeds/${s}.txt`);
const CHECK_ARGS = ['dist/cli/main.js', 'check', ...SEED_PATHS, '--format', 'json'];

const { values: args } = parseArgs({
  options: {
    texts: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '3' },
    'batch-sizes': { type: 'string', default: '1,8,32,64' },
    threads: { type: 'string', default: '2' },
    'no-peer': { type: 'boolean', default: false },
    python: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench/results/embed.json') },
  },
});
const minTexts = Number(args.texts);
const runs = Number(args.runs);
const repeats = Number(args.repeats);
const batchSizes = args['batch-sizes'].split(',').map(Number);
const log = (line) => process.stderr.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => Number(x.toFixed(1));
const now = () => performance.now();

/** CPU seconds the whole machine has spent busy since boot (/proc/stat; USER_HZ is 100 on Linux). */
function busySeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    return (f.reduce((a, b) => a + b, 0) - f[3] - f[4]) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Runs fn and says how many cores the rest of the machine kept busy meanwhile (busy time minus this process's
 * CPU minus `childCpu` seconds reported by fn). Other engineers' test runs share the 2 cores; their load slows
 * ONNX Runtime's and PyTorch's spinning thread pools far more than its share, so every timing carries this.
 */
async function withContention(fn) {
  const busy0 = busySeconds();
  const own0 = process.cpuUsage();
  const t0 = now();
  const result = await fn();
  const wall = (now() - t0) / 1e3;
  const own = process.cpuUsage(own0);
  const others = (busySeconds() - busy0 - (own.user + own.system) / 1e6 - (result?.childCpu ?? 0)) / wall;
  return { ...result, otherCores: Number(Math.max(0, others).toFixed(2)) };
}

// ---------- corpus ----------
const seedTexts = SEEDS.map((s) => ({ id: `seeds/${s}.txt`, text: readFileSync(join(ROOT, 'seeds', `${s}.txt`), 'utf8') }));
const base = seedTexts.flatMap((d) => segmentDocument(d.id, d.text).sentences.map((s) => s.text));
const texts = [];
for (let k = 0; texts.length < minTexts; k++) for (const s of base) texts.push(k === 0 ? s : `${s} (version ${k})`);
const warmupTexts = base.slice(0, 64).map((s) => `${s} (warm-up)`);

// ---------- environment ----------
function packageVersion(...candidates) {
  for (const c of candidates) {
    const p = join(ROOT, 'node_modules', c, 'package.json');
    if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8')).version;
  }
  return null;
}
const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? cpus()[0]?.model;
const cpuFlags = (readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:\s*(.*)$/m) ?? [])[1] ?? '';
const env = {
  cpu: cpuModel,
  logicalCpus: cpus().length,
  avx512vnni: /\bavx512_vnni\b/.test(cpuFlags),
  node: process.version,
  xenovaTransformers: packageVersion('@xenova/transformers'),
  onnxruntimeNode: packageVersion('@xenova/transformers/node_modules/onnxruntime-node', 'onnxruntime-node'),
  loadAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};

// ---------- 1. mtdiff throughput ----------
/**
 * One model for all throughput runs, its caches emptied before each: every further ONNX Runtime session loaded
 * into a process slowed the next runs (in two trials, batch 1: 240, 240, 205, 164 and 251, 252, 180, 167 sentences/s
 * for sessions 1-4; one session reused: 235-247), which would make later rows look worse than earlier ones.
 */
let shared;
async function freshEmbedder() {
  if (shared && typeof shared.cache?.clear === 'function' && typeof shared.pieceCache?.clear === 'function') {
    shared.cache.clear();
    shared.pieceCache.clear();
    return shared;
  }
  shared = await loadEmbedder();
  return shared;
}

/**
 * Does encode() take a `batchSize` option (the proposed hook)? Probed once with a size other than the built-in
 * EMBED.batchSize: 4 texts in batches of `size` give ceil(4 / size) + 1 progress calls only when it is honoured.
 */
async function probeBatchOption() {
  const embedder = await freshEmbedder();
  const size = EMBED.batchSize === 2 ? 3 : 2;
  let calls = 0;
  await embedder.encode(['Probe one.', 'Probe number two.', 'The third probe text.', 'And a fourth one.'], () => calls++, { batchSize: size });
  return calls === Math.ceil(4 / size) + 1;
}

/**
 * Encodes `list` with batches of `size`. With encode()'s `batchSize` option: one call (the embedder's own global
 * length sort). Without it, the built-in EMBED.batchSize is one plain encode() call; smaller sizes are one
 * encode() call per slice of a list sorted by character length (a proxy for the embedder's word-piece sort);
 * larger sizes cannot be measured. `order: 'input'` keeps article order: every batch mixes lengths as the text does.
 */
async function timeEncode(list, size, order, hasOption) {
  if (!hasOption && size > EMBED.batchSize) return null;
  const embedder = await freshEmbedder();
  await embedder.encode(warmupTexts, undefined, { batchSize: size });
  const started = now();
  if (order === 'input') {
    for (let i = 0; i < list.length; i += size) await embedder.encode(list.slice(i, i + size), undefined, { batchSize: size });
    return { seconds: (now() - started) / 1e3, via: 'encode(slice) in input order' };
  }
  if (hasOption || size === EMBED.batchSize) {
    await embedder.encode(list, undefined, { batchSize: size });
    return { seconds: (now() - started) / 1e3, via: hasOption ? 'encode(all, { batchSize })' : 'encode(all)' };
  }
  const sorted = [...list].sort((a, b) => a.length - b.length);
  for (let i = 0; i < sorted.length; i += size) await embedder.encode(sorted.slice(i, i + size));
  return { seconds: (now() - started) / 1e3, via: 'encode(slice) of a length-sorted list' };
}

async function timeRepeated(list, size, order, hasOption) {
  const all = [];
  for (let i = 0; i < repeats; i++) {
    const r = await withContention(async () => (await timeEncode(list, size, order, hasOption)) ?? {});
    if (r.seconds === undefined) return null;
    all.push(r);
  }
  const seconds = median(all.map((r) => r.seconds));
  return { seconds, via: all[0].via, otherCores: median(all.map((r) => r.otherCores)), all: all.map((r) => Number((list.length / r.seconds).toFixed(1))) };
}

async function mtdiffThroughput() {
  const hasOption = await probeBatchOption();
  const rows = [];
  for (const size of batchSizes) {
    const r = await timeRepeated(texts, size, 'sorted', hasOption);
    if (!r) {
      log(`mtdiff batch ${size}: not measurable (encode() has no batchSize option yet)`);
      rows.push({ batchSize: size, sentencesPerSecond: null, via: 'needs encode(texts, onBatch, { batchSize })' });
      continue;
    }
    const perSec = texts.length / r.seconds;
    log(`mtdiff batch ${size}: ${perSec.toFixed(1)} sentences/s (${r.via}; runs ${r.all.join(', ')}; other processes ${r.otherCores} cores)`);
    rows.push({ batchSize: size, seconds: Number(r.seconds.toFixed(3)), sentencesPerSecond: Number(perSec.toFixed(1)), runs: r.all, via: r.via, otherCores: r.otherCores });
  }
  // Length sorting matters only when a batch holds several texts: compare at 32, or the largest size measurable.
  const orderSize = hasOption ? 32 : EMBED.batchSize;
  const unsorted = orderSize > 1 ? await timeRepeated(texts, orderSize, 'input', hasOption) : null;
  const sorted = rows.find((r) => r.batchSize === orderSize);
  const order = unsorted && {
    batchSize: orderSize,
    inputOrderSentencesPerSecond: Number((texts.length / unsorted.seconds).toFixed(1)),
    sortedSentencesPerSecond: sorted?.sentencesPerSecond ?? null,
    otherCores: unsorted.otherCores,
  };
  if (order) log(`mtdiff batch ${orderSize} in input order: ${order.inputOrderSentencesPerSecond} sentences/s (other processes ${unsorted.otherCores} cores)`);
  else log('length sort vs input order: not measurable with batches of 1 (needs the batchSize option)');
  return { rows, order };
}

// ---------- 2. Python peer ----------
/** --python PATH, else $MTDIFF_PYTHON: the interpreter of a venv made by scripts/peer-venv.sh DIR. */
function peerPython() {
  const given = args.python ?? process.env.MTDIFF_PYTHON;
  if (given && !existsSync(given)) log(`python peer: ${given} does not exist (create it with scripts/peer-venv.sh DIR)`);
  return given && existsSync(given) ? given : undefined;
}

function runPeer(python) {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-bench-embed-'));
  const file = join(dir, 'texts.json');
  writeFileSync(file, JSON.stringify(texts));
  return new Promise((resolve) => {
    const child = spawn(python, [join(ROOT, 'bench/st_peer.py'), file, '--batch-sizes', batchSizes.join(','), '--threads', args.threads, '--repeats', String(repeats)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n')) if (line.startsWith('st_peer:')) log(line);
    });
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) {
        log(`python peer failed (exit ${code}): ${err.trim().split('\n').at(-1)}`);
        resolve(null);
      } else resolve(JSON.parse(out));
    });
  });
}

// ---------- 3. cold start ----------
const TIME = '/usr/bin/time';

/** One `mtdiff check` in a fresh process: wall seconds and peak RSS (MB). */
function coldCheck() {
  if (existsSync(TIME)) {
    const started = now();
    const r = spawnSync(TIME, ['-v', process.execPath, ...CHECK_ARGS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (now() - started) / 1e3;
    if (r.status !== 0) throw new Error(`check failed: ${r.stderr.slice(-500)}`);
    const kb = Number((r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/) ?? [])[1]);
    const cpu = ['User', 'System'].reduce((n, k) => n + Number((r.stderr.match(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`)) ?? [])[1] ?? 0), 0);
    return { seconds: wall, rssMB: kb / 1024, flags: JSON.parse(r.stdout).flags.length, childCpu: cpu };
  }
  return coldCheckPolled();
}

/** Fallback without GNU time: poll VmHWM of the child. */
function coldCheckPolled() {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, CHECK_ARGS, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let hwm = 0;
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const poll = setInterval(() => {
      try {
        const kb = Number((readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s*(\d+)/) ?? [])[1]);
        if (kb > hwm) hwm = kb;
      } catch {
        // the process has exited between polls
      }
    }, 10);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`check exited ${code}`));
      else resolve({ seconds: (now() - started) / 1e3, rssMB: hwm / 1024, flags: JSON.parse(out).flags.length });
    });
  });
}

/**
 * The same work as `check`, one stage at a time, in a fresh process: module imports (the CLI's command modules),
 * model file verification (sha256), model load, dictionary loads, encode() (and the model inside it), the rest.
 */
const STAGES_CHILD = `
const t0 = performance.now();
const root = ${JSON.stringify(pathToFileURL(ROOT).href)};
const { readFileSync } = await import('node:fs');
const mods = ['dist/cli/check.js', 'dist/cli/review.js', 'dist/cli/score.js', 'dist/cli/report.js', 'dist/cli/eval.js'];
process.env.DOTENV_CONFIG_QUIET = 'true';
await import('commander');
for (const m of mods) await import(root + m);
const { createAnalyzer } = await import(root + 'dist/analyze.js');
const { formatJson } = await import(root + 'dist/format/json.js');
const { resolveModel, verifyModelFiles } = await import(root + 'dist/embed/registry.js');
const { loadLexicons } = await import(root + 'dist/detect/untranslated.js');
const t1 = performance.now();
verifyModelFiles(resolveModel());
const t2 = performance.now();
const analyzer = await createAnalyzer();
const t3 = performance.now();
await loadLexicons('de');
const t4 = performance.now();
const emb = analyzer.embedder;
let encodeMs = 0, runMs = 0;
const encode = emb.encode.bind(emb);
emb.encode = async (...a) => { const s = performance.now(); try { return await encode(...a); } finally { encodeMs += performance.now() - s; } };
if (emb.runtime && typeof emb.runtime.run === 'function') {
  const run = emb.runtime.run.bind(emb.runtime);
  emb.runtime.run = async (...a) => { const s = performance.now(); try { return await run(...a); } finally { runMs += performance.now() - s; } };
}
const paths = ${JSON.stringify(SEED_PATHS)};
const [mt, ...refs] = paths.map((p) => ({ id: p, text: readFileSync(new URL(p, root), 'utf8') }));
const analysis = await analyzer.analyze(mt, refs);
const t5 = performance.now();
const json = formatJson(analysis);
const t6 = performance.now();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ childCpu: (cpu.user + cpu.system) / 1e6, startMs: t0, importMs: t1 - t0, verifyMs: t2 - t1, modelLoadMs: t3 - t2,
  dictionariesMs: t4 - t3, analyzeMs: t5 - t4, encodeMs, runMs, formatMs: t6 - t5, bytes: json.length }));
`;

function coldStages() {
  const started = now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', STAGES_CHILD], { cwd: ROOT, encoding: 'utf8' });
  const wall = now() - started;
  if (r.status !== 0) throw new Error(`stage child failed: ${r.stderr.slice(-800)}`);
  const { childCpu, ...s } = JSON.parse(r.stdout);
  return { childCpu, ...s, wallMs: wall, processMs: wall - (s.startMs + s.importMs + s.verifyMs + s.modelLoadMs + s.dictionariesMs + s.analyzeMs + s.formatMs) };
}

// ---------- 4. warm, in process ----------
async function warm() {
  // createAnalyzer() is new Analyzer(await loadEmbedder()): built here on the already loaded model (see freshEmbedder).
  const analyzer = new Analyzer(await freshEmbedder());
  const emb = analyzer.embedder;
  const [mt, ...refs] = seedTexts;
  let encodeMs = 0;
  let runMs = 0;
  const encode = emb.encode.bind(emb);
  emb.encode = async (...a) => {
    const s = now();
    try {
      return await encode(...a);
    } finally {
      encodeMs += now() - s;
    }
  };
  // The model call inside encode(): a private field, measured only when it is there.
  if (emb.runtime && typeof emb.runtime.run === 'function') {
    const run = emb.runtime.run.bind(emb.runtime);
    emb.runtime.run = async (...a) => {
      const s = now();
      try {
        return await run(...a);
      } finally {
        runMs += now() - s;
      }
    };
  }
  const first = now();
  await analyzer.analyze(mt, refs);
  const firstMs = now() - first;
  const measure = async (clear) => {
    const out = [];
    for (let i = 0; i < runs; i++) {
      if (clear === 'all') emb.cache?.clear();
      else if (clear === 'mt') for (const s of segmentDocument(mt.id, mt.text).sentences) emb.cache?.delete(s.text);
      encodeMs = 0;
      runMs = 0;
      const r = await withContention(async () => {
        const s = now();
        await analyzer.analyze(mt, refs);
        return { totalMs: now() - s, encodeMs, runMs };
      });
      out.push(r);
    }
    const total = median(out.map((o) => o.totalMs));
    const enc = median(out.map((o) => o.encodeMs));
    const run = median(out.map((o) => o.runMs));
    return { otherCores: median(out.map((o) => o.otherCores)), totalMs: ms(total), encodeMs: ms(enc), modelRunMs: ms(run), outsideEncodeShare: Number((1 - enc / total).toFixed(3)), outsideModelShare: Number((1 - run / total).toFixed(3)) };
  };
  const cached = await measure(false);
  const hasCache = typeof emb.cache?.clear === 'function';
  const newMt = hasCache ? await measure('mt') : null;
  const secondArticle = hasCache ? await measure('all') : null;
  return { firstAnalyzeMs: ms(firstMs), cached, newMt, secondArticle };
}

// ---------- report ----------
function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function markdown(res) {
  const out = [];
  const e = res.environment;
  const p = res.peer;
  out.push(
    `CPU: ${e.cpu} (${e.logicalCpus} logical CPUs, AVX-512 VNNI: ${e.avx512vnni ? 'yes' : 'no'}); load average ${e.loadAtStart[0]} at start, ${e.loadAtEnd[0]} at end.`,
    `node ${e.node}, @xenova/transformers ${e.xenovaTransformers}, onnxruntime-node ${e.onnxruntimeNode}` +
      (p ? `; Python ${p.python}, torch ${p.torch}, sentence-transformers ${p.sentenceTransformers} (${p.threads} threads)` : '; Python peer not run') +
      '.',
    `mtdiff's built-in batch size (EMBED.batchSize): ${res.builtInBatchSize}. Corpus: ${res.corpus.texts} distinct texts (${res.corpus.baseSentences} seed sentences + numbered suffixes); throughput is the median of ${res.corpus.repeats} passes. Command: \`npm run bench\`.`,
    '"Other processes": cores the rest of the machine kept busy during the measurement (/proc/stat minus our own CPU); above ~0.2 the numbers are depressed by contention.',
    '',
    table(
      ['batch size', 'mtdiff sentences/s', 'sentence-transformers sentences/s', 'mtdiff / ST', 'other processes (cores) mtdiff / ST', 'how mtdiff was batched'],
      res.throughput.map((r) => [
        String(r.batchSize),
        r.mtdiff ?? '—',
        r.sentenceTransformers ?? '—',
        r.ratio === null ? '—' : r.ratio.toFixed(2),
        `${r.otherCores ?? '—'} / ${r.stOtherCores ?? '—'}`,
        r.via,
      ]),
    ),
    '',
    res.order
      ? `Batch ${res.order.batchSize} in input order (no length sort): ${res.order.inputOrderSentencesPerSecond} sentences/s vs ${res.order.sortedSentencesPerSecond} length-sorted.`
      : 'Length sort vs input order: not measured (batches of one text; needs the batchSize option).',
    '',
    table(
      ['cold `check`, 5 seeds (median of ' + res.cold.runs + ')', 'value'],
      [
        ['wall time, fresh process (s)', res.cold.seconds.toFixed(2)],
        ['other processes during the runs (cores)', String(res.cold.otherCores)],
        ['peak RSS (MB)', res.cold.rssMB.toFixed(0)],
        ['node start-up + exit (ms)', res.cold.stages.processMs.toFixed(0)],
        ['module imports (ms)', res.cold.stages.importMs.toFixed(0)],
        ['model sha256 verification (ms)', res.cold.stages.verifyMs.toFixed(0)],
        ['model load incl. verification (ms)', res.cold.stages.modelLoadMs.toFixed(0)],
        ['dictionary loads: nspell en, en-GB, de (ms)', res.cold.stages.dictionariesMs.toFixed(0)],
        ['encode() (ms)', res.cold.stages.encodeMs.toFixed(0)],
        ['  of which the model (runtime.run) (ms)', res.cold.stages.runMs.toFixed(0)],
        ['analysis outside encode(): align, detect, score (ms)', (res.cold.stages.analyzeMs - res.cold.stages.encodeMs).toFixed(0)],
        ['JSON formatting (ms)', res.cold.stages.formatMs.toFixed(0)],
      ],
    ),
    '',
    table(
      ['warm, in process (median of ' + runs + ')', 'total ms', 'encode() ms', 'model ms', 'share outside encode()', 'share outside the model', 'other processes (cores)'],
      [
        ['same seeds again (sentence cache hits)', res.warm.cached],
        ['new MT article, references already embedded (MT sentences dropped from the cache)', res.warm.newMt],
        ['"second article" (sentence cache emptied)', res.warm.secondArticle],
      ]
        .filter(([, w]) => w)
        .map(([label, w]) => [label, w.totalMs.toFixed(0), w.encodeMs.toFixed(0), w.modelRunMs.toFixed(0), `${(100 * w.outsideEncodeShare).toFixed(0)}%`, `${(100 * w.outsideModelShare).toFixed(0)}%`, String(w.otherCores)]),
    ),
    '',
    `Cold command: \`/usr/bin/time -v node ${CHECK_ARGS.join(' ')}\`.`,
  );
  return out.join('\n');
}

// ---------- main ----------
log(`corpus: ${texts.length} texts from ${base.length} seed sentences; load average ${env.loadAtStart.join(' ')}`);
const mt = await mtdiffThroughput();

const python = args['no-peer'] ? undefined : peerPython();
let peer = null;
if (!python) log(args['no-peer'] ? 'python peer skipped (--no-peer)' : 'python peer skipped: create it with `scripts/peer-venv.sh DIR`, then pass --python DIR/bin/python or set MTDIFF_PYTHON');
else peer = await runPeer(python);

log('cold start ...');
const colds = [];
for (let i = 0; i < runs; i++) colds.push(await withContention(coldCheck));
const stages = [];
for (let i = 0; i < runs; i++) stages.push(await withContention(async () => coldStages()));
const stageMedians = Object.fromEntries(
  Object.keys(stages[0])
    .filter((k) => k !== 'childCpu')
    .map((k) => [k, k === 'otherCores' ? median(stages.map((s) => s[k])) : ms(median(stages.map((s) => s[k])))]),
);
log('warm, in process ...');
const warmRes = await warm();

const throughput = mt.rows.map((r) => {
  const st = peer?.results.find((x) => x.batchSize === r.batchSize)?.sentencesPerSecond ?? null;
  return {
    batchSize: r.batchSize,
    mtdiff: r.sentencesPerSecond,
    sentenceTransformers: st,
    ratio: r.sentencesPerSecond && st ? Number((r.sentencesPerSecond / st).toFixed(3)) : null,
    via: r.via,
    runs: r.runs ?? null,
    otherCores: r.otherCores ?? null,
    stOtherCores: peer?.results.find((x) => x.batchSize === r.batchSize)?.otherCores ?? null,
  };
});
env.loadAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
const result = {
  benchmark: 'embed',
  environment: env,
  builtInBatchSize: EMBED.batchSize,
  corpus: { texts: texts.length, baseSentences: base.length, suffix: ' (version k)', repeats },
  throughput,
  order: mt.order,
  peer,
  cold: {
    runs,
    command: `node ${CHECK_ARGS.join(' ')}`,
    seconds: Number(median(colds.map((c) => c.seconds)).toFixed(3)),
    rssMB: Number(median(colds.map((c) => c.rssMB)).toFixed(1)),
    flags: colds[0].flags,
    otherCores: median(colds.map((c) => c.otherCores)),
    stages: stageMedians,
  },
  warm: warmRes,
};
writeFileAtomic(args.out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${markdown(result)}\n`);
log(`wrote ${args.out}`);
// onnxruntime's thread pool keeps the event loop alive on some versions.
process.exit(0);
