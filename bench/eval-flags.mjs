// Chooses unmatched.maxSimilarity (the parallel-mode unmatched-word detector) by cross-validation over the
// talks of an MQM file: for each threshold, token-level F1 of Accuracy flags vs Accuracy spans; fit on two
// talks, measure on the third. One model load; the analysis is re-run per threshold on cached vectors.
// Usage: npm run build && node bench/eval-flags.mjs [../shared/data/mqm_ted_zhen_dev.tsv]
import { readFileSync } from 'node:fs';
import { argv, stdout } from 'node:process';
import { createAnalyzer } from '../dist/analyze.js';
import { DEFAULT_SETTINGS } from '../dist/core/settings.js';
import { collectItems } from '../dist/eval/collect.js';
import { parseMqmTsv } from '../dist/eval/mqm-tsv.js';
import { tokenAgreement } from '../dist/eval/spans.js';

const file = argv[2] ?? '../shared/data/mqm_ted_zhen_dev.tsv';
const segments = parseMqmTsv(readFileSync(file, 'utf8'), file);
const exclude = [...new Set(segments.map((s) => s.system))].filter((s) => /^ref/i.test(s) && s !== 'refB');
const analyzer = await createAnalyzer({});
// Infinity switches the detector off; 1.01 flags every content word no reference word shares a stem with.
const thresholds = [-Infinity, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const runs = [];
for (const t of thresholds) {
  // Built directly, not through resolveSettings: the sweep's ends lie outside the range a user may set.
  const settings = { ...DEFAULT_SETTINGS, unmatched: { ...DEFAULT_SETTINGS.unmatched, maxSimilarity: t } };
  const items = await collectItems(analyzer, segments, { referenceSystem: 'refB', exclude, sourceLang: 'zh', settings });
  runs.push({ t, items });
}
const talks = [...new Set(runs[0].items.map((it) => it.segment.doc))].sort();
const acc = (items) => tokenAgreement(items).accuracy;
const f = (x) => x.toFixed(3);
stdout.write('| max similarity | P | R | F1 (all talks) |\n| ---: | ---: | ---: | ---: |\n');
for (const r of runs) {
  const c = acc(r.items);
  stdout.write(`| ${r.t === -Infinity ? 'off' : r.t} | ${f(c.precision)} | ${f(c.recall)} | ${f(c.f1)} |\n`);
}
const held = [];
for (const talk of talks) {
  const fit = runs.map((r) => ({ r, f1: acc(r.items.filter((it) => it.segment.doc !== talk)).f1 })).sort((a, b) => b.f1 - a.f1)[0];
  const c = acc(fit.r.items.filter((it) => it.segment.doc === talk));
  const off = acc(runs[0].items.filter((it) => it.segment.doc === talk));
  held.push({ talk, t: fit.r.t, f1: c.f1, off: off.f1 });
  stdout.write(`held out ${talk}: chosen ${fit.r.t}, Accuracy token F1 ${f(c.f1)} (P ${f(c.precision)}, R ${f(c.recall)}; detector off ${f(off.f1)})\n`);
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
stdout.write(`mean held-out Accuracy token F1: ${f(mean(held.map((h) => h.f1)))} (detector off: ${f(mean(held.map((h) => h.off)))})\n`);
