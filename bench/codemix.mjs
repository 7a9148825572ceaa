// Untranslated words in any language (issue 18): DEMETR's critical_id4_codemix minimal pairs, where one word of a
// good MT is left in the source language. Per language: how often the injected word is covered by an
// `untranslated` flag of severity major or critical (pert vs ref, parallel mode), and how many `untranslated` flags
// the clean MT gets (false alarms).
// --synthetic it,nl,...: languages that are not in the file, judged on synthetic pairs instead: in each clean English
// MT of the file (with its reference), one lower-case word of four or more letters, chosen at random (seeded), is
// replaced by a stem drawn at random from that language's npm Hunspell dictionary (one that no English dictionary
// knows in lower case and no English derivation explains). Nothing is hand-picked.
// Usage: npm run bench:codemix [-- --source given|auto --data ../shared/data/demetr_dev.jsonl --out FILE]
//        npm run bench:codemix -- --synthetic it,nl,pl,pt,sv,ro [--pairs 100] [--seed codemix]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { argv, stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../dist/analyze.js';
import { tokenize } from '../dist/segment/tokens.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  args: argv.slice(2),
  options: {
    data: { type: 'string', default: join(root, '../shared/data/demetr_dev.jsonl') },
    // given: --source-lang set to the pair's language; auto: not set (mtdiff infers or assumes it).
    source: { type: 'string', default: 'auto' },
    out: { type: 'string' },
    synthetic: { type: 'string' },
    pairs: { type: 'string', default: '100' },
    seed: { type: 'string', default: 'codemix' },
  },
});
const ISO = { german: 'de', french: 'fr', spanish: 'es', chinese_simple: 'zh', russian: 'ru', czech: 'cs' };

const demetr = readFileSync(opts.data, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((x) => x.file === 'critical_id4_codemix');
const pairs = opts.synthetic ? await syntheticPairs(opts.synthetic.split(','), Number(opts.pairs)) : demetr;
if (opts.synthetic) {
  for (const k of Object.keys(ISO)) delete ISO[k];
  for (const l of opts.synthetic.split(',')) ISO[l] = l;
}

/** Per language, `n` clean pairs of the file with one word replaced by a random stem of the language's dictionary. */
async function syntheticPairs(langs, n) {
  const { createRng } = await import('./lib/prng.mjs');
  const { englishSpellers, englishToken } = await import('../dist/detect/lexicon/english.js');
  const { englishDerivation } = await import('../dist/detect/lexicon/english-morph.js');
  const { languageResources } = await import('../dist/detect/lexicon/languages.js');
  const english = await englishSpellers();
  const clean = demetr.slice(0, n);
  const out = [];
  for (const lang of langs) {
    const res = languageResources(lang);
    const pkg = res?.hunspell ?? res?.stems;
    if (!pkg) throw new Error(`no npm dictionary for ${lang}`);
    const { dic } = (await import(pkg)).default;
    const stems = [...new Set(Buffer.from(dic).toString('utf8').split('\n').slice(1).map((l) => l.split(/[/\t ]/)[0].trim()))].filter(
      (w) => /^\p{Ll}{4,}$/u.test(w) && !englishToken(english, w) && !englishDerivation(w, english),
    );
    const rng = createRng(`${opts.seed}:${lang}`);
    clean.forEach((p, k) => {
      const candidates = tokenize(p.mt).filter((t, i) => i > 0 && t.word && /^\p{Ll}{4,}$/u.test(t.text));
      if (!candidates.length) return;
      const t = candidates[rng.int(candidates.length)];
      const word = stems[rng.int(stems.length)];
      out.push({ lang, id: k, mt: p.mt, ref: p.ref, pert: p.mt.slice(0, t.start) + word + p.mt.slice(t.end) });
    });
  }
  return out;
}

/** Word tokens of pert that the clean MT does not have: the injected word(s). */
function injected(mt, pert) {
  const have = new Map();
  for (const t of tokenize(mt)) if (t.word) have.set(t.text, (have.get(t.text) ?? 0) + 1);
  const out = [];
  for (const t of tokenize(pert)) {
    if (!t.word) continue;
    const n = have.get(t.text) ?? 0;
    if (n > 0) have.set(t.text, n - 1);
    else out.push(t);
  }
  return out;
}

const serious = (f) => f.category === 'untranslated' && (f.severity === 'major' || f.severity === 'critical');
const covers = (f, t) => f.start < t.end && t.start < f.end;

const started = performance.now();
const analyzer = await createAnalyzer();
const rows = [];
const misses = [];
const falseFlags = [];
for (const [lang, iso] of Object.entries(ISO)) {
  const mine = pairs.filter((p) => p.lang === lang);
  const options = { mode: 'parallel', ...(opts.source === 'given' ? { sourceLang: iso } : {}) };
  const items = mine.flatMap((p) => [
    { mt: { id: `${lang}/${p.id}/pert`, text: p.pert }, refs: [{ id: 'ref', text: p.ref }] },
    { mt: { id: `${lang}/${p.id}/mt`, text: p.mt }, refs: [{ id: 'ref', text: p.ref }] },
  ]);
  const analyses = await analyzer.analyzeMany(items, options);
  let scored = 0;
  let hit = 0;
  let falseCount = 0;
  let falsePairs = 0;
  mine.forEach((p, k) => {
    const pert = analyses[2 * k];
    const clean = analyses[2 * k + 1];
    const words = injected(p.mt, p.pert);
    if (words.length > 0) {
      scored++;
      if (words.some((t) => pert.flags.some((f) => serious(f) && covers(f, t)))) hit++;
      else misses.push({ lang, id: p.id, src: pert.source?.lang, words: words.map((t) => t.text), flags: pert.flags.filter((f) => words.some((t) => covers(f, t))).map((f) => `${f.category}:${f.severity}:${f.text}:${f.confidence}`) });
    }
    const wrong = clean.flags.filter((f) => f.category === 'untranslated');
    falseCount += wrong.length;
    if (wrong.length) {
      falsePairs++;
      falseFlags.push({ lang, id: p.id, src: clean.source?.lang, flags: wrong.map((f) => `${f.severity}:${f.text}: ${f.message}`) });
    }
  });
  rows.push({ lang, pairs: scored, covered: hit, rate: scored ? hit / scored : 0, falseFlags: falseCount, falsePairs });
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
stdout.write(`codemix (${opts.source} source language), ${pairs.length} pairs, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
stdout.write('| language | pairs | injected word flagged (major/critical untranslated) | false untranslated flags on clean mt (pairs) |\n|---|---|---|---|\n');
for (const r of rows) stdout.write(`| ${r.lang} | ${r.pairs} | ${r.covered} (${pct(r.rate)}) | ${r.falseFlags} (${r.falsePairs}) |\n`);
if (opts.out) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(opts.out, JSON.stringify({ source: opts.source, rows, misses, falseFlags }, null, 2));
}
stderr.write(`misses:\n${misses.map((m) => `  ${m.lang} ${m.id} src:${m.src} ${m.words.join(' ')} [${m.flags.join(', ')}]`).join('\n')}\n`);
stderr.write(`false flags:\n${falseFlags.map((m) => `  ${m.lang} ${m.id} ${m.flags.join(' | ')}`).join('\n')}\n`);
