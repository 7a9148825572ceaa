// DEMETR minimal-pair benchmark (parallel mode): every perturbation `pert` and the good `mt` checked against
// the human reference. Writes every flag mtdiff raises (shown or not, with the features its detector reported)
// to bench/results/demetr-flags.jsonl, for the summary (bench/demetr-report.mjs) and the calibration fit.
// Usage: npm run bench:demetr [-- --sample 40 --file critical_id7_antonym --data ../shared/data/demetr_dev.jsonl]
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';
import { chrf } from '../dist/score/chrf.js';
import { changedRegions, SOURCE_LANG, wordCount } from './lib/demetr.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  args: argv.slice(2),
  options: {
    data: { type: 'string', default: join(root, '../shared/data/demetr_dev.jsonl') },
    sample: { type: 'string', default: '0' },
    file: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(root, 'bench/results/demetr-flags.jsonl') },
  },
});
const log = (msg) => stderr.write(`${msg}\n`);
const started = performance.now();

let rows = readFileSync(opts.data, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
if (opts.file.length) rows = rows.filter((r) => opts.file.includes(r.file) || r.file === 'base_id35_reference');
const sample = Number(opts.sample);
if (sample > 0) {
  // The same ids in every file, spread over the languages: every `sample`-th source sentence.
  const ids = [...new Set(rows.map((r) => `${r.lang}:${r.id}`))].sort();
  const step = Math.max(1, Math.round(ids.length / sample));
  const keep = new Set(ids.filter((_, i) => i % step === 0));
  rows = rows.filter((r) => keep.has(`${r.lang}:${r.id}`));
}

const analyzer = await createAnalyzer();
const out = createWriteStream(opts.out);
const slim = (f) => ({ start: f.start, end: f.end, text: f.text, category: f.category, severity: f.severity, confidence: f.confidence, detector: f.detector, features: f.features, shown: f.shown, message: f.message });
const record = (kind, row, text, analysis, extra) =>
  out.write(`${JSON.stringify({ kind, file: row.file, id: row.id, lang: row.lang, text, words: wordCount(text), score: analysis.score, chrf: chrf(text, row.ref), flags: [...analysis.flags.map((f) => slim({ ...f, shown: true })), ...analysis.hiddenFlags.map((f) => slim({ ...f, shown: false }))], raw: analysis.rawFlags.map(slim), ...extra })}\n`);

let signature;
for (const [lang, src] of Object.entries(SOURCE_LANG)) {
  const mine = rows.filter((r) => r.lang === lang);
  if (mine.length === 0) continue;
  const clean = [...new Map(mine.map((r) => [r.id, r])).values()];
  const perts = mine.filter((r) => r.pert_check && r.pert !== r.mt && r.file !== 'base_id33_empty');
  const items = [...clean.map((r) => ({ mt: { id: 'mt', text: r.mt }, refs: [{ id: 'ref', text: r.ref }] })), ...perts.map((r) => ({ mt: { id: 'pert', text: r.pert }, refs: [{ id: 'ref', text: r.ref }] }))];
  const analyses = [];
  for (let k = 0; k < items.length; k += 256) analyses.push(...(await analyzer.analyzeMany(items.slice(k, k + 256), { mode: 'parallel', sourceLang: src, keepHidden: true })));
  signature ??= analyses[0]?.signature;
  clean.forEach((r, i) => record('mt', r, r.mt, analyses[i]));
  perts.forEach((r, i) => record('pert', r, r.pert, analyses[clean.length + i], { regions: changedRegions(r.mt, r.pert) }));
  log(`${lang}: ${clean.length} clean, ${perts.length} perturbed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
out.end(`${JSON.stringify({ kind: 'meta', signature, seconds: Math.round((performance.now() - started) / 1000), sample, data: opts.data.replace(root + '/', '') })}\n`);
log(`wrote ${opts.out}`);
