// Recall and precision of mtdiff's flags on seed 004 against a reviewer's annotation
// (test/fixtures/seeds/004-reviewer.json), and false flags on the clean seeds. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../dist/analyze.js';

const seed = (n) => readFileSync(new URL(`../seeds/${n}`, import.meta.url), 'utf8');
const files = ['004_105117b8f2f418e5.txt', '000_ca9d7fcf8c42fc70.txt', '001_727ce4c87fcf43d9.txt', '002_e767b787d4f7fc8a.txt', '003_085184b4ea32ed6c.txt'];
const gold = JSON.parse(readFileSync(new URL('../test/fixtures/seeds/004-reviewer.json', import.meta.url), 'utf8')).errors;
const mt = seed(files[0]);
const spans = gold.map((g) => {
  const from = mt.indexOf(g.after);
  const start = mt.indexOf(g.text, from);
  if (from < 0 || start < 0) throw new Error(`annotation not found: ${g.text}`);
  return { ...g, start, end: start + g.text.length };
});
const analyzer = await createAnalyzer();
const a = await analyzer.analyze({ id: files[0], text: mt }, files.slice(1).map((f) => ({ id: f, text: seed(f) })));
const overlaps = (x, y) => x.start < y.end && y.start < x.end;
const found = spans.filter((g) => a.flags.some((f) => overlaps(f, g)));
const correct = a.flags.filter((f) => spans.some((g) => overlaps(f, g)));
const byCat = {};
for (const g of spans) {
  byCat[g.category] ??= [0, 0];
  byCat[g.category][1]++;
  if (found.includes(g)) byCat[g.category][0]++;
}
console.log(`seed 004: ${spans.length} reviewer errors, ${a.flags.length} flags`);
console.log(`recall ${found.length}/${spans.length} = ${((100 * found.length) / spans.length).toFixed(1)}%; precision ${correct.length}/${a.flags.length} = ${((100 * correct.length) / a.flags.length).toFixed(1)}%`);
console.log('| category | found / marked |\n| --- | ---: |');
for (const [c, [f, n]] of Object.entries(byCat)) console.log(`| ${c} | ${f} / ${n} |`);
console.log('flags not in the annotation:', a.flags.filter((f) => !correct.includes(f)).map((f) => `${f.category}:"${f.text}"`).join(', ') || 'none');
