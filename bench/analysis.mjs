// Time of mtdiff's analysis outside the model: check the seeds once (embeddings now cached in memory), then
// repeat the analysis and report the mean per run. Usage: npm run build && node bench/analysis.mjs [--runs 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
const names = ['004_105117b8f2f418e5', '000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'];
const docs = names.map((n) => ({ id: `seeds/${n}.txt`, text: readFileSync(new URL(`../seeds/${n}.txt`, import.meta.url), 'utf8') }));
const analyzer = await createAnalyzer();
await analyzer.analyze(docs[0], docs.slice(1));
const t0 = performance.now();
for (let i = 0; i < runs; i++) await analyzer.analyze(docs[0], docs.slice(1));
console.log(`analysis of the seeds with cached embeddings: ${((performance.now() - t0) / runs).toFixed(1)} ms per run (mean of ${runs})`);
