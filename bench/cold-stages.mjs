/**
 * Where a cold `check` on the seeds spends its time: `node bench/cold-stages.mjs [--runs 5]`. Each run is a fresh
 * child process doing what `mtdiff check` does, in its order (model session started on its thread first, then
 * the command's imports, the inputs read and segmented, the wait for the session, the model, the analysis),
 * with a timestamp after each step. Prints the median per step as a Markdown table. The analysis runs on the
 * sentences encode() cached, so the model's share can be read off.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const STEPS = `
const root = ROOT_URL;
const T = [performance.now()];
const mark = () => T.push(performance.now());
const runtime = await import(root + 'dist/embed/runtime.js');
runtime.preloadDefaultModel();
mark();
await import('commander');
await import(root + 'dist/cli/project-config.js');
mark();
await import(root + 'dist/cli/check.js');
const { Analyzer } = await import(root + 'dist/analyze.js');
const { formatJson } = await import(root + 'dist/format/json.js');
const { segmentDocument } = await import(root + 'dist/segment/index.js');
mark();
const { readFileSync } = await import('node:fs');
const paths = ['004_105117b8f2f418e5','000_ca9d7fcf8c42fc70','001_727ce4c87fcf43d9','002_e767b787d4f7fc8a','003_085184b4ea32ed6c'].map((s) => 'seeds/' + s + '.txt');
const [mt, ...refs] = paths.map((p) => ({ id: p, text: readFileSync(new URL(p, root), 'utf8') }));
const docs = [mt, ...refs].map((t) => segmentDocument(t.id, t.text));
mark();
const { loadEmbedder } = await import(root + 'dist/embed/embedder.js');
const emb = await loadEmbedder();
mark();
let runMs = 0;
const run = emb.runtime.run;
emb.runtime.run = async (...a) => { const s = performance.now(); try { return await run(...a); } finally { runMs += performance.now() - s; } };
const analyzer = new Analyzer(emb);
await analyzer.encodeDocs(docs);
mark();
const a = await analyzer.analyze(mt, refs);
mark();
formatJson(a);
mark();
const cpu = process.cpuUsage();
console.log(JSON.stringify({ marks: T, runMs, cpu: (cpu.user + cpu.system) / 1e3 }));
process.exit(0);
`;

const LABELS = [
  'node start-up to first line',
  'start the model thread (registry, worker)',
  'import commander + project config (detector registry)',
  'import the check command (analysis library)',
  'read and segment the inputs',
  'wait for the model session (tokenizer loaded meanwhile)',
  'encode() the 155 sentences',
  'analysis (align, source language, detectors, scores)',
  'JSON formatting',
];

const ROOT = new URL('../', import.meta.url);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rows = [];
for (let i = 0; i < Number(values.runs); i++) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', STEPS.replace('ROOT_URL', JSON.stringify(ROOT.href))], { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(r.stderr);
  const { marks, runMs, cpu } = JSON.parse(r.stdout);
  const steps = [marks[0], ...marks.slice(1).map((t, k) => t - marks[k])];
  rows.push({ steps, runMs, cpu, wall, exit: wall - marks.at(-1) });
}
const out = ['| step | median ms |', '| --- | ---: |'];
LABELS.forEach((label, k) => out.push(`| ${label} | ${median(rows.map((r) => r.steps[k])).toFixed(0)} |`));
out.push(`| of encode(): the model (runtime.run) | ${median(rows.map((r) => r.runMs)).toFixed(0)} |`);
out.push(`| exit after the last line | ${median(rows.map((r) => r.exit)).toFixed(0)} |`);
out.push(`| **wall time of the process** | **${median(rows.map((r) => r.wall)).toFixed(0)}** |`);
out.push(`| CPU time of the process (user + system) | ${median(rows.map((r) => r.cpu)).toFixed(0)} |`);
console.log(out.join('\n'));
