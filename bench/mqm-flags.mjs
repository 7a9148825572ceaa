// MQM flag dump for the calibration fit: every system segment of the expert-annotated talks checked against the
// reference system's segment (parallel mode, as `eval mqm` does), with every raw flag and the features its
// detector reported, and the experts' error spans. bench/calibrate.mjs labels a flag 1 when it overlaps a span.
// Usage: npm run build && node bench/mqm-flags.mjs [--data F] [--ref refB] [--src zh] [--out F]
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';
import { parseMqmTsv } from '../dist/eval/mqm-tsv.js';
import { wordCount } from './lib/demetr.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  args: argv.slice(2),
  options: {
    data: { type: 'string', default: join(root, '../shared/data/mqm_ted_zhen_dev.tsv') },
    ref: { type: 'string', default: 'refB' },
    src: { type: 'string', default: 'zh' },
    out: { type: 'string', default: join(root, 'bench/results/mqm-flags.jsonl') },
  },
});
const started = performance.now();
const segments = parseMqmTsv(readFileSync(opts.data, 'utf8'));
const key = (s) => `${s.doc}\t${s.segId}`;
const refs = new Map(segments.filter((s) => s.system === opts.ref).map((s) => [key(s), s]));
// Human translations are not MT; eval mqm leaves them out the same way.
const evaluated = segments.filter((s) => !/^ref/i.test(s.system) && refs.has(key(s)));
const analyzer = await createAnalyzer();
const items = evaluated.map((s) => ({ mt: { id: 'mt', text: s.target }, refs: [{ id: 'ref', text: refs.get(key(s)).target }] }));
const analyses = [];
for (let k = 0; k < items.length; k += 256) analyses.push(...(await analyzer.analyzeMany(items.slice(k, k + 256), { mode: 'parallel', sourceLang: opts.src, keepHidden: true })));

const slim = (f) => ({ start: f.start, end: f.end, text: f.text, category: f.category, severity: f.severity, confidence: f.confidence, detector: f.detector, features: f.features, message: f.message });
const out = createWriteStream(opts.out);
evaluated.forEach((s, i) => {
  const a = analyses[i];
  const spans = s.errors.flatMap((e) => e.spans.map((sp) => ({ start: sp.start, end: sp.end, category: e.category, severity: e.severity })));
  out.write(`${JSON.stringify({ kind: 'mqm', talk: s.doc, system: s.system, segId: s.segId, text: s.target, reference: items[i].refs[0].text, words: wordCount(s.target), raters: s.raters.length, spans, shown: a.flags.map(slim), raw: a.rawFlags.map(slim) })}\n`);
});
out.end(`${JSON.stringify({ kind: 'meta', signature: analyses[0]?.signature, data: opts.data.replace(root + '/', ''), reference: opts.ref, seconds: Math.round((performance.now() - started) / 1000) })}\n`);
stderr.write(`wrote ${opts.out}: ${evaluated.length} segments, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
