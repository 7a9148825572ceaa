// Synthetic error benchmark of the detectors: inject labelled errors into the English reference articles,
// run mtdiff's analysis on the corrupted copies and the clean originals, score flags against the labels.
// Usage: npm run bench:detect [-- --copies 10 --rate 0.3 --seed bench-1 --out bench/results/detect.json]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { argv, exit, stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';
import { tokenize } from '../dist/segment/tokens.js';
import { writeFileAtomic } from '../dist/io/write.js';
import { corrupt, originalOffset } from './lib/generate.mjs';
import { INJECTED_CATEGORIES } from './lib/inject.mjs';
import { loadLexicons } from './lib/lexicons.mjs';
import { markdown } from './lib/report.mjs';
import { confusion, falseFlagRate, hits, scoreSpans, scoreTokens } from './lib/score.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  args: argv.slice(2),
  options: {
    copies: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.3' },
    seed: { type: 'string', default: 'bench-1' },
    out: { type: 'string', default: join(root, 'bench/results/detect.json') },
    raw: { type: 'string', default: join(root, 'bench/results/detect-raw.jsonl') },
    'min-confidence': { type: 'string' },
  },
});
const copies = Number(opts.copies);
const rate = Number(opts.rate);
const log = (msg) => stderr.write(`${msg}\n`);
const started = performance.now();

const seedDir = join(root, 'seeds');
const articles = readdirSync(seedDir)
  .filter((f) => /^00[0-3]_.*\.txt$/.test(f))
  .sort()
  .map((f) => ({ id: `seeds/${f}`, text: readFileSync(join(seedDir, f), 'utf8') }));

log('loading lexicons and model…');
const [lex, analyzer] = await Promise.all([loadLexicons(), createAnalyzer()]).catch((err) => {
  log(`bench:detect: ${err.message}`);
  exit(1);
});

const wordTokens = (text) => tokenize(text).filter((t) => t.word).map(({ start, end }) => ({ start, end }));
const flagKey = (f, start) => `${f.category}|${start}|${f.text}`;
const slim = (f) => ({ category: f.category, start: f.start, end: f.end, text: f.text, sentence: f.sentence, detector: f.detector, confidence: f.confidence, message: f.message });

const cases = [];
const clean = [];
// Every flag before the threshold, with its features and a label, for the calibration fit (bench/calibrate.mjs).
const rawRows = [];
function rawRow(article, copy, text, analysis, errors, background, edits = []) {
  const sentenceAt = (start) => analysis.sentences.find((s) => start >= s.start && start <= s.end)?.index ?? 0;
  const raw = analysis.rawFlags.map((f) => {
    const flag = { ...f, sentence: sentenceAt(f.start) };
    const label = errors.some((e) => hits(e, flag)) && !background.has(flagKey(f, originalOffset(edits, f.start))) ? 1 : 0;
    return { start: f.start, end: f.end, text: f.text, category: f.category, severity: f.severity, detector: f.detector, features: f.features, sentence: flag.sentence, label };
  });
  return { article, copy, words: analysis.words, sentences: analysis.sentences.map(({ index, start, end }) => ({ index, start, end })), errors: errors.map(({ start, end, category, sentence }) => ({ start, end, category, sentence })), raw };
}
let signature;
for (const [i, article] of articles.entries()) {
  const refs = articles.filter((_, j) => j !== i);
  const variants = Array.from({ length: copies }, (_, c) => ({ copy: c, ...corrupt(article.text, refs.map((r) => r.text), lex, { seed: `${opts.seed}:${article.id}:${c}`, rate }) }));
  const items = [{ mt: article, refs }, ...variants.map((v) => ({ mt: { id: `${article.id}#${v.copy}`, text: v.text }, refs }))];
  // One article at a time: all its copies share the references, and the token vectors of one batch stay small.
  const [original, ...analyses] = await analyzer.analyzeMany(items, { keepHidden: true, ...(opts['min-confidence'] === undefined ? {} : { minConfidence: Number(opts['min-confidence']) }) });
  rawRows.push(rawRow(article.id, -1, article.text, original, [], new Set()));
  signature ??= original.signature;
  const background = new Set(original.flags.map((f) => flagKey(f, f.start)));
  const rawBackground = new Set(original.rawFlags.map((f) => flagKey(f, f.start)));
  clean.push({ id: article.id, ...falseFlagRate(original.flags, original.words), list: original.flags.map(slim) });
  variants.forEach((v, c) => {
    const analysis = analyses[c];
    rawRows.push(rawRow(article.id, v.copy, v.text, analysis, v.errors, rawBackground, v.errors));
    cases.push({
      article: article.id,
      copy: v.copy,
      text: v.text,
      words: analysis.words,
      // Errors in sentences without reference support can only be found by reference-free checks.
      errors: v.errors.map((e) => ({ ...e, supported: analysis.sentences[e.sentence]?.unsupported === false })),
      flags: analysis.flags.map((f) => ({ ...slim(f), background: background.has(flagKey(f, originalOffset(v.errors, f.start))) })),
      sentences: analysis.sentences.map((s) => s.text),
      tokens: wordTokens(v.text),
    });
  });
  log(`${article.id}: ${copies} copies, ${variants.reduce((n, v) => n + v.errors.length, 0)} errors, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
lex.wordnet.close();

const spans = scoreSpans(cases, INJECTED_CATEGORIES);
const tokens = scoreTokens(cases, INJECTED_CATEGORIES);
const cleanWords = clean.reduce((n, c) => n + c.words, 0);
const cleanAll = falseFlagRate(clean.flatMap((c) => c.list), cleanWords);
const results = {
  config: { copies, rate, seed: opts.seed, articles: articles.map((a) => a.id), categories: INJECTED_CATEGORIES, signature },
  totals: {
    errors: cases.reduce((n, c) => n + c.errors.length, 0),
    flags: cases.reduce((n, c) => n + c.flags.length, 0),
    cleanWords,
    cleanFlags: cleanAll.flags,
    cleanPer1000: cleanAll.per1000,
    cleanByCategory: cleanAll.byCategory,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  },
  spans,
  tokens,
  confusion: confusion(cases),
  clean,
  errors: cases.flatMap((c) =>
    c.errors.map((e) => ({
      article: c.article,
      copy: c.copy,
      category: e.category,
      start: e.start,
      end: e.end,
      text: e.text,
      original: e.edit.original,
      detail: e.detail,
      sentence: c.sentences[e.sentence],
      supported: e.supported,
      hitBy: c.flags.filter((f) => hits(e, f)).map((f) => ({ category: f.category, detector: f.detector, text: f.text, message: f.message })),
    })),
  ),
  // Flags on corrupted copies that hit no injected error and that the clean original does not get.
  newFalseFlags: cases.flatMap((c) =>
    c.flags.filter((f) => !f.background && !c.errors.some((e) => hits(e, f))).map((f) => ({ article: c.article, copy: c.copy, ...f, sentenceText: c.sentences[f.sentence] })),
  ),
};

writeFileAtomic(opts.out, `${JSON.stringify(results, null, 2)}\n`);
writeFileAtomic(opts.raw, `${rawRows.map((r) => JSON.stringify(r)).join('\n')}\n`);
stdout.write(`${markdown(results)}\n`);
log(`wrote ${opts.out} (${results.totals.seconds} s)`);
