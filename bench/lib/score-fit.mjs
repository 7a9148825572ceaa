// Cross-validated fit of the sentence score on the dump of bench/lib/score-dump.mjs: DEMETR minimal pairs held
// out by source language, MQM talks held out by talk, both in every fold; the model is dist/eval/fit.js's
// pairwise logistic regression with non-negative weights.
import { execSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { agreement } from '../../dist/eval/agreement.js';
import { FIT_FEATURES, fitTwoSources, mqmPairs, PAIRWISE_DEFAULTS, rankPair, scoredRows, segmentScore, toScoreWeights } from '../../dist/eval/fit.js';

/** Fold k holds out these DEMETR languages and the k-th MQM talk (as the calibration's folds). */
export const LANG_FOLDS = [['german', 'chinese_simple'], ['french', 'russian'], ['spanish', 'czech']];
export const TALKS = ['talk.2', 'talk.5', 'talk.7'];
/** Share of the loss the minimal pairs get (the MQM pairs the rest). Prior: the two sources weigh alike. */
export const DEMETR_SHARE = 0.5;

const round4 = (x) => Math.round(x * 1e4) / 1e4;

export function splitRows(rows) {
  const mt = new Map(rows.filter((r) => r.set === 'demetr' && r.kind === 'mt').map((r) => [`${r.lang}:${r.id}`, r]));
  const perts = rows.filter((r) => r.set === 'demetr' && r.kind === 'pert' && mt.has(`${r.lang}:${r.id}`));
  const mqm = rows.filter((r) => r.set === 'mqm').map((r) => ({ ...r, segment: { system: r.system, doc: r.doc, segId: r.segId } }));
  return { mt, perts, mqm };
}

/** Minimal pairs, each file weighing the same (the target is a macro average over files). */
function demetrPairs(mt, perts, total) {
  const byFile = new Map();
  for (const p of perts) byFile.set(p.file, (byFile.get(p.file) ?? 0) + 1);
  return perts.map((p) => rankPair(mt.get(`${p.lang}:${p.id}`), p, total / (byFile.size * byFile.get(p.file))));
}

export function fit(mt, perts, mqm, options = {}) {
  const share = options.demetrShare ?? DEMETR_SHARE;
  const fitOptions = { ...PAIRWISE_DEFAULTS, ...(options.noFlags ? { exclude: ['flags', 'flagsExpected'] } : {}), ...(options.exclude ? { exclude: options.exclude } : {}) };
  const { w, temperature } = fitTwoSources(demetrPairs(mt, perts, share), mqmPairs(mqm, 1 - share), fitOptions);
  return { raw: Array.from(w), temperature, weights: toScoreWeights(w, mqm.map((it) => ({ item: it, mqm: it.mqm }))) };
}

function accuracy(mt, perts, score) {
  const perFile = new Map();
  for (const p of perts) {
    const m = mt.get(`${p.lang}:${p.id}`);
    const row = perFile.get(p.file) ?? { file: p.file, n: 0, score: 0, chrf: 0 };
    row.n++;
    if (score(m) > score(p)) row.score++;
    if (m.chrf > p.chrf) row.chrf++;
    perFile.set(p.file, row);
  }
  return perFile;
}

/** Held-out numbers: each pair scored by the fold that did not see its language, each talk by the fold without it. */
export function crossValidate(rows, options = {}) {
  const { mt, perts, mqm } = splitRows(rows);
  const folds = LANG_FOLDS.map((langs, k) => {
    const heldTalk = TALKS[k];
    const trainPerts = perts.filter((p) => !langs.includes(p.lang));
    const { weights, raw, temperature } = fit(mt, trainPerts, mqm.filter((it) => it.doc !== heldTalk), options);
    const testPerts = perts.filter((p) => langs.includes(p.lang));
    const testMqm = mqm.filter((it) => it.doc === heldTalk);
    const score = (it) => round4(segmentScore(it, weights));
    return {
      langs, talk: heldTalk, weights, raw, temperature,
      demetr: accuracy(mt, testPerts, score),
      mtdiff: agreement(scoredRows(testMqm, (it) => segmentScore(it, weights))),
      chrF: agreement(scoredRows(testMqm, (it) => it.chrf)),
    };
  });
  const files = [...new Set(perts.map((p) => p.file))].sort();
  const perFile = files.map((file) => {
    const parts = folds.map((f) => f.demetr.get(file)).filter(Boolean);
    const n = parts.reduce((s, r) => s + r.n, 0);
    return { file, n, score: (100 * parts.reduce((s, r) => s + r.score, 0)) / n, chrf: (100 * parts.reduce((s, r) => s + r.chrf, 0)) / n };
  });
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const all = fit(mt, perts, mqm, options);
  const shipped = { mtdiff: agreement(scoredRows(mqm, (it) => segmentScore(it, all.weights))), chrF: agreement(scoredRows(mqm, (it) => it.chrf)) };
  return {
    options,
    perFile,
    macro: { score: mean(perFile.map((r) => r.score)), chrf: mean(perFile.map((r) => r.chrf)) },
    losing: perFile.filter((r) => r.score < r.chrf).map((r) => r.file),
    folds: folds.map(({ demetr: _demetr, ...f }) => f),
    mqm: {
      groupedTau: mean(folds.map((f) => f.mtdiff.groupedTau)), flatTau: mean(folds.map((f) => f.mtdiff.flatTau)),
      chrfGroupedTau: mean(folds.map((f) => f.chrF.groupedTau)), chrfFlatTau: mean(folds.map((f) => f.chrF.flatTau)),
    },
    all: { ...all, inSample: shipped },
    counts: { pairs: perts.length, mqmSegments: mqm.length },
  };
}

const f1 = (x) => x.toFixed(1);
const f3 = (x) => x.toFixed(3);
const mixLine = (w) => `${Object.entries(w.mix).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}; perWord ${w.perWord.toFixed(4)}, flagWeight ${w.flagWeight.toFixed(4)}, expectedFlagWeight ${(w.expectedFlagWeight ?? 0).toFixed(4)}`;

export function formatReport(r) {
  const lines = [
    `Held out (DEMETR folds by source language, MQM folds by talk; ${r.counts.pairs} minimal pairs, ${r.counts.mqmSegments} MQM segments)${r.options.noFlags ? ', without the flags' : ''}`,
    '',
    '| perturbation | pairs | score acc. | chrF acc. | diff |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.perFile.map((x) => `| ${x.file} | ${x.n} | ${f1(x.score)} | ${f1(x.chrf)} | ${x.score >= x.chrf ? '+' : ''}${f1(x.score - x.chrf)} |`),
    `| **macro (${r.perFile.length} files)** | | **${f1(r.macro.score)}** | **${f1(r.macro.chrf)}** | |`,
    '',
    `Files below chrF: ${r.losing.length ? r.losing.join(', ') : 'none'}.`,
    '',
    '| MQM held-out talk | DEMETR held out | mtdiff flat tau | mtdiff grouped tau | chrF flat tau | chrF grouped tau |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...r.folds.map((f) => `| ${f.talk} | ${f.langs.join('+')} | ${f3(f.mtdiff.flatTau)} | ${f3(f.mtdiff.groupedTau)} | ${f3(f.chrF.flatTau)} | ${f3(f.chrF.groupedTau)} |`),
    `| **mean** | | **${f3(r.mqm.flatTau)}** | **${f3(r.mqm.groupedTau)}** | **${f3(r.mqm.chrfFlatTau)}** | **${f3(r.mqm.chrfGroupedTau)}** |`,
    '',
    'Weights per fold:',
    ...r.folds.map((f) => `- without ${f.langs.join('+')} / ${f.talk}: ${mixLine(f.weights)}`),
    `- all data (shipped): ${mixLine(r.all.weights)}`,
  ];
  return lines.join('\n');
}

function git(cmd) {
  try {
    return execSync(`git ${cmd}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** models/score.json: the all-data fit for parallel references, the comparable prior, and the held-out record. */
export function writeModel(path, r, sources) {
  const previous = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  const round = (x) => Number(x.toPrecision(6));
  const mix = Object.fromEntries(Object.entries(r.all.weights.mix).map(([k, v]) => [k, round(v)]));
  const model = {
    version: (previous?.version ?? 0) + 1,
    provenance:
      `parallel: pairwise logistic regression with non-negative weights (dist/eval/fit.js fitPairwise, l2 ${PAIRWISE_DEFAULTS.l2}) on ` +
      `DEMETR dev minimal pairs (${sources.demetr.replace(/.*\/shared\//, '../shared/')}, mt above pert, ${r.counts.pairs} pairs, every file weighing the same) and ` +
      `WMT21 TED zh-en expert MQM (${sources.mqm.replace(/.*\/shared\//, '../shared/')}, systems ranked within each segment against refB, ${r.counts.mqmSegments} segments), ` +
      `${DEMETR_SHARE * 100}% / ${100 - DEMETR_SHARE * 100}% of the loss, ${r.options.noFlags ? 'without' : 'with'} the flag terms, the MQM pairs with their own logit temperature (${r.all.temperature}, maximum likelihood over a grid: dist/eval/fit.js fitTwoSources); perWord by least squares against expert MQM; fitted from commit ${git('rev-parse --short HEAD')}. ` +
      'comparable: prior (no annotated comparable data): half BERTScore recall, half sentence cosine, MT-length exposure, each flagged MQM point one expected point.',
    command: 'npm run fit:score',
    features: FIT_FEATURES,
    parallel: { mix, refExposure: r.all.weights.refExposure, perWord: round(r.all.weights.perWord), flagWeight: round(r.all.weights.flagWeight), expectedFlagWeight: round(r.all.weights.expectedFlagWeight ?? 0) },
    comparable: { mix: { bertR: 0.5, similarity: 0.5 }, refExposure: 0, perWord: 0.2914, flagWeight: 1 },
    heldOut: {
      demetrMacroAccuracy: round(r.macro.score),
      chrfMacroAccuracy: round(r.macro.chrf),
      filesBelowChrf: r.losing,
      mqmGroupedTau: round(r.mqm.groupedTau),
      chrfGroupedTau: round(r.mqm.chrfGroupedTau),
      mqmFlatTau: round(r.mqm.flatTau),
      chrfFlatTau: round(r.mqm.chrfFlatTau),
      foldTemperatures: r.folds.map((f) => f.temperature),
    },
  };
  writeFileSync(path, `${JSON.stringify(model, null, 1)}\n`);
}
