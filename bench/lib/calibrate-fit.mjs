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

/** Calibrated, merged flags of one text, each marked shown or not at the threshold. */
export function finalFlags(raw, sentences, detectors, mode, threshold) {
  const calibrated = raw.map((f) => {
    const model = detectors[calibrationKey(mode, f.detector)];
    return { ...f, evidence: f.evidence ?? [], message: f.message ?? '', confidence: model ? predict(model, f.features) : sigmoid(f.features.prior) };
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
