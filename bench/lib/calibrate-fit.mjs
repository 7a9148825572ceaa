// Shared by the calibration fits: per-detector logistic models and applying them as `check` would.
import { calibrationKey, predict } from '../../dist/detect/calibrate.js';
import { rankFlags } from '../../dist/detect/rank.js';
import { fitLogistic } from './logistic.mjs';

/** rows: [{ detector, features, label }] -> { 'mode:detector': model } */
export function fitDetectors(rows, mode) {
  const detectors = {};
  for (const d of [...new Set(rows.map((r) => r.detector))].sort()) {
    const mine = rows.filter((r) => r.detector === d);
    const names = [...new Set(mine.flatMap((r) => Object.keys(r.features)))].sort();
    // Few flags: the base rate alone; a feature fitted on a handful of flags would be noise.
    const model = fitLogistic(mine, mine.length >= 40 ? names : [], { lambda: 2 });
    detectors[calibrationKey(mode, d)] = { ...model, n: mine.length, positives: mine.filter((r) => r.label).length };
  }
  return detectors;
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const logit = (p) => Math.log(Math.min(1 - 1e-4, Math.max(1e-4, p)) / (1 - Math.min(1 - 1e-4, Math.max(1e-4, p))));

/**
 * Per-detector models plus one Platt step over them, fitted on out-of-group predictions (each group left out
 * in turn): in-sample fits are over-confident on a new source language or article, and this learns by how much.
 * rows: [{ detector, features, label, group }].
 */
export function fitCalibrated(rows, mode) {
  const groups = [...new Set(rows.map((r) => r.group))];
  const pairs = [];
  for (const g of groups) {
    const inner = fitDetectors(rows.filter((r) => r.group !== g), mode);
    for (const r of rows.filter((x) => x.group === g)) {
      const model = inner[calibrationKey(mode, r.detector)];
      pairs.push({ features: { z: logit(model ? predict(model, r.features) : sigmoid(r.features.prior)) }, label: r.label, weight: r.weight });
    }
  }
  const fit = fitLogistic(pairs, ['z'], { lambda: 0.01 });
  const a = (fit.weights.z ?? 1) / (fit.scale.z ?? 1);
  return { detectors: fitDetectors(rows, mode), platt: { a, b: fit.bias - a * (fit.mean.z ?? 0) } };
}

/** Calibrated, merged flags of one text, each marked shown or not at the threshold. */
export function finalFlags(raw, sentences, fitted, mode, threshold) {
  const { detectors, platt } = fitted;
  const calibrated = raw.map((f) => {
    const model = detectors[calibrationKey(mode, f.detector)];
    const p = model ? predict(model, f.features) : sigmoid(f.features.prior);
    return { ...f, evidence: f.evidence ?? [], message: f.message ?? '', confidence: platt && model ? sigmoid(platt.a * logit(p) + platt.b) : p };
  });
  return rankFlags(calibrated, sentences).map((f) => ({ ...f, shown: f.confidence >= threshold }));
}

export function reliabilityTable(labelled) {
  const f2 = (x) => x.toFixed(2);
  const mean = (xs) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const lines = ['| confidence | flags | predicted | observed |', '| --- | ---: | ---: | ---: |'];
  for (let b = 0; b < 10; b++) {
    const inBin = labelled.filter((f) => Math.min(9, Math.floor(f.confidence * 10)) === b);
    if (inBin.length) lines.push(`| ${f2(b / 10)}-${f2((b + 1) / 10)} | ${inBin.length} | ${f2(mean(inBin.map((f) => f.confidence)))} | ${f2(mean(inBin.map((f) => f.label)))} |`);
  }
  return lines.join('\n');
}

export const GRID = Array.from({ length: 19 }, (_, i) => Math.round(5 * (i + 1)) / 100);
