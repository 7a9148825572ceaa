/**
 * How each stage's cost grows with the number of references and with the article's length (issue 21, item 4):
 * `npm run build && node bench/stage-growth.mjs [--runs 3]`.
 *
 * In one process with the real model: the garbled seed against 1, 2, 4, 8 and 16 references (the four English
 * seeds, copies numbered sentence by sentence so every text is new to the model), and the seed repeated 1, 2 and
 * 4 times against the four references. Per configuration, medians of --runs: the model (encode), the analysis
 * after it, and the three detectors that took longest; and the growth exponent of the analysis time (least
 * squares of log time over log reference sentences, or MT sentences).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(args.runs);
const seed = (n) => readFileSync(new URL(`../seeds/${n}.txt`, import.meta.url), 'utf8');
const MT = seed('004_105117b8f2f418e5');
const REFS = ['000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'].map(seed);

let stamp = 0;
/** A text the model has not seen: every sentence end gets a number, which changes no detector's evidence much. */
const fresh = (text) => {
  stamp++;
  return text.replace(/([.!?])(\s|$)/g, (_, end, space) => ` (${stamp})${end}${space}`);
};

const analyzer = await createAnalyzer();
// Each detector timed where the analysis calls it.
const timings = new Map();
for (const d of analyzer.detectors) {
  const detect = d.detect.bind(d);
  d.detect = async (ctx) => {
    const t = performance.now();
    try {
      return await detect(ctx);
    } finally {
      timings.set(d.id, (timings.get(d.id) ?? 0) + performance.now() - t);
    }
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function measure(mtText, refTexts) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const mt = { id: 'mt', text: fresh(mtText) };
    const refs = refTexts.map((text, i) => ({ id: `ref${i}`, text: fresh(text) }));
    timings.clear();
    let encodeEnd = 0;
    const start = performance.now();
    const a = await analyzer.analyze(mt, refs, {}, (stage) => {
      if (stage === 'aligning' && !encodeEnd) encodeEnd = performance.now();
    });
    const end = performance.now();
    samples.push({ encode: encodeEnd - start, analysis: end - encodeEnd, detectors: new Map(timings), mtSentences: a.sentences.length, refSentences: a.refs.reduce((n, x) => n + x.sentences, 0) });
  }
  const top = [...samples[0].detectors.keys()]
    .map((id) => [id, median(samples.map((s) => s.detectors.get(id) ?? 0))])
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3);
  return { mtSentences: samples[0].mtSentences, refSentences: samples[0].refSentences, encode: median(samples.map((s) => s.encode)), analysis: median(samples.map((s) => s.analysis)), top };
}

function exponent(rows, x) {
  const pts = rows.map((r) => [Math.log(r[x]), Math.log(r.analysis)]);
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
}

const row = (label, r) =>
  `| ${label} | ${r.mtSentences} | ${r.refSentences} | ${r.encode.toFixed(0)} | ${r.analysis.toFixed(0)} | ${r.top.map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ')} |`;
const head = '| configuration | MT sentences | reference sentences | model (encode) ms | analysis ms | slowest detectors (ms) |\n| --- | ---: | ---: | ---: | ---: | --- |';

console.log(`${cpus().length} x ${cpus()[0]?.model}, load ${loadavg()[0].toFixed(2)}; medians of ${runs}\n`);
const byRefs = [];
console.log(head);
for (const n of [1, 2, 4, 8, 16]) {
  const r = await measure(MT, Array.from({ length: n }, (_, i) => REFS[i % REFS.length]));
  byRefs.push(r);
  console.log(row(`${n} reference${n > 1 ? 's' : ''}`, r));
}
const byLength = [];
for (const k of [1, 2, 4]) {
  const r = await measure(Array.from({ length: k }, () => MT).join('\n\n'), REFS);
  byLength.push(r);
  console.log(row(`seed 004 x${k}, 4 references`, r));
}
console.log(`\nanalysis time ~ reference sentences^${exponent(byRefs, 'refSentences').toFixed(2)}; ~ MT sentences^${exponent(byLength, 'mtSentences').toFixed(2)} (least squares on logs)`);
