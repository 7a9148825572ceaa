// The sentence score's inputs on the dev data, for fitting it without the model: every DEMETR `mt` and `pert`
// (parallel mode, against the human reference) and every MQM system segment (against refB), with each sentence's
// deviations, flag MQM and lengths. One JSON object per line.
import { createWriteStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAnalyzer } from '../../dist/analyze.js';
import { chrf } from '../../dist/score/chrf.js';
import { collectItems } from '../../dist/eval/collect.js';
import { parseMqmTsv } from '../../dist/eval/mqm-tsv.js';
import { segmentDocument, wordTokens } from '../../dist/segment/index.js';
import { SOURCE_LANG } from './demetr.mjs';

const slim = (f) => ({ deviations: f.deviations, mqm: f.mqm, flagExpected: f.flagExpected, words: f.words, refWords: f.refWords });

/** Words of the reference sentences the alignment left unmatched (they count as fully deviating). */
function unmatchedWords(analysis, ref) {
  const doc = segmentDocument('ref', ref);
  return (analysis.refs[0]?.unmatched ?? []).reduce((n, k) => n + wordTokens(doc.sentences[k]?.text ?? '').length, 0);
}

export async function dumpScoreFeatures({ demetr, mqm, out, log, sample = 0 }) {
  const started = performance.now();
  const analyzer = await createAnalyzer();
  const stream = createWriteStream(out);
  const write = (o) => stream.write(`${JSON.stringify(o)}\n`);
  let rows = readFileSync(demetr, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  if (sample > 0) {
    const ids = [...new Set(rows.map((r) => `${r.lang}:${r.id}`))].sort();
    const step = Math.max(1, Math.round(ids.length / sample));
    const keep = new Set(ids.filter((_, i) => i % step === 0));
    rows = rows.filter((r) => keep.has(`${r.lang}:${r.id}`));
  }
  for (const [lang, src] of Object.entries(SOURCE_LANG)) {
    const mine = rows.filter((r) => r.lang === lang);
    if (mine.length === 0) continue;
    const clean = [...new Map(mine.map((r) => [r.id, r])).values()];
    const perts = mine.filter((r) => r.pert_check && r.pert !== r.mt && !r.file.startsWith('base_'));
    const items = [...clean.map((r) => ({ mt: { id: 'mt', text: r.mt }, refs: [{ id: 'ref', text: r.ref }] })), ...perts.map((r) => ({ mt: { id: 'pert', text: r.pert }, refs: [{ id: 'ref', text: r.ref }] }))];
    const analyses = [];
    for (let k = 0; k < items.length; k += 256) analyses.push(...(await analyzer.analyzeMany(items.slice(k, k + 256), { mode: 'parallel', sourceLang: src, keepHidden: true })));
    const record = (kind, r, text, a) => write({
      set: 'demetr', kind, file: kind === 'mt' ? undefined : r.file, lang, id: r.id, score: a.score, chrf: chrf(text, r.ref) / 100,
      sentences: a.scoreFeatures.map(slim), unmatchedWords: unmatchedWords(a, r.ref),
    });
    clean.forEach((r, i) => record('mt', r, r.mt, analyses[i]));
    perts.forEach((r, i) => record('pert', r, r.pert, analyses[clean.length + i]));
    log(`demetr ${lang}: ${clean.length} clean, ${perts.length} perturbed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const segments = parseMqmTsv(readFileSync(mqm, 'utf8'));
  const exclude = [...new Set(segments.map((s) => s.system))].filter((s) => /^ref/i.test(s));
  const evalItems = await collectItems(analyzer, segments, { referenceSystem: 'refB', exclude, sourceLang: 'zh' });
  for (const it of evalItems) {
    write({ set: 'mqm', system: it.segment.system, doc: it.segment.doc, segId: it.segment.segId, mqm: it.mqm, chrf: it.chrf, sentences: it.sentences.map(slim), unmatchedWords: it.unmatchedWords });
  }
  log(`mqm: ${evalItems.length} segments, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await new Promise((resolve) => stream.end(resolve));
  return { seconds: Math.round((performance.now() - started) / 1000) };
}
