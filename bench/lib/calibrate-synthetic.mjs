// Comparable-mode calibration on the synthetic benchmark (bench/detect.mjs writes detect-raw.jsonl): errors
// injected into the four clean seed articles, each checked against the other three. Cross-validated by article.
import { readFileSync } from 'node:fs';
import { stdout } from 'node:process';
import { writeFileAtomic } from '../../dist/io/write.js';
import { GRID, finalFlags, fitDetectors, reliabilityTable } from './calibrate-fit.mjs';

const MODE = 'comparable';
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

function evaluate(rows, detectors, t) {
  const labelled = [];
  let cleanFlags = 0;
  let cleanWords = 0;
  let errors = 0;
  let found = 0;
  for (const r of rows) {
    const flags = finalFlags(r.raw, r.sentences, detectors, MODE, t);
    if (r.copy < 0) {
      cleanFlags += flags.filter((f) => f.shown).length;
      cleanWords += r.words;
      continue;
    }
    for (const f of flags) labelled.push({ ...f, label: r.raw.some((x) => x.label && overlaps(x, f)) ? 1 : 0 });
    errors += r.errors.length;
    found += r.errors.filter((e) => flags.some((f) => f.shown && overlaps(f, e))).length;
  }
  const shown = labelled.filter((f) => f.shown);
  return { labelled, precision: shown.length ? shown.filter((f) => f.label).length / shown.length : 1, shown: shown.length, per1000: (1000 * cleanFlags) / (cleanWords || 1), recall: found / (errors || 1) };
}

function choose(rows, detectors, target) {
  for (const t of GRID) if (evaluate(rows, detectors, t).precision >= target) return t;
  return 1;
}

const training = (rows) => rows.filter((r) => r.copy >= 0).flatMap((r) => r.raw.map((f) => ({ detector: f.detector, features: f.features, label: f.label })));

export function run(opts) {
  const rows = readFileSync(opts.dump === 'bench/results/demetr-flags.jsonl' ? 'bench/results/detect-raw.jsonl' : opts.dump, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const target = Number(opts.target);
  const articles = [...new Set(rows.map((r) => r.article))].sort();
  const held = [];
  const f = (x) => x.toFixed(3);
  stdout.write('| held-out article | threshold | precision | recall | clean flags / 1,000 words |\n| --- | ---: | ---: | ---: | ---: |\n');
  for (const a of articles) {
    const train = rows.filter((r) => r.article !== a);
    const detectors = fitDetectors(training(train), MODE);
    const t = choose(train, detectors, target);
    const e = evaluate(rows.filter((r) => r.article === a), detectors, t);
    held.push(...e.labelled);
    stdout.write(`| ${a} | ${t} | ${f(e.precision)} | ${f(e.recall)} | ${e.per1000.toFixed(1)} |\n`);
  }
  stdout.write(`\n${reliabilityTable(held)}\n`);
  const detectors = fitDetectors(training(rows), MODE);
  const minConfidence = choose(rows, detectors, target);
  const all = evaluate(rows, detectors, minConfidence);
  stdout.write(`\nAll articles: threshold ${minConfidence}, precision ${f(all.precision)}, recall ${f(all.recall)}, clean ${all.per1000.toFixed(1)} per 1,000 words.\n`);
  if (opts.write) {
    const previous = JSON.parse(readFileSync(opts.out, 'utf8'));
    const kept = Object.fromEntries(Object.entries(previous.detectors).filter(([k]) => !k.startsWith(`${MODE}:`)));
    const file = {
      ...previous,
      version: previous.version + 1,
      provenance: `${previous.provenance.split(' | comparable:')[0]} | comparable: logistic per detector on the synthetic benchmark (bench/detect.mjs, errors injected into seeds 000-003, each against the other three); labels: a flag covering an injected error that the clean article lacks`,
      minConfidence: { ...previous.minConfidence, [MODE]: minConfidence },
      detectors: { ...kept, ...detectors },
    };
    writeFileAtomic(opts.out, `${JSON.stringify(file, null, 1)}\n`);
    stdout.write(`wrote ${opts.out}\n`);
  }
}
