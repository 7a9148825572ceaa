// Raw coverage of the injected errors in a DEMETR dump (bench/demetr.mjs): per file, the share of perturbed sentences
// with any flag (shown or hidden) covering the change that the good MT lacks, and which detectors raised them.
// What the calibration could show at most. Usage: node bench/demetr-oracle.mjs [bench/results/demetr-flags.jsonl]
import { readFileSync } from 'node:fs';
import { readDump } from './lib/demetr-score.mjs';
import { EXPECTED, hitsRegion } from './lib/demetr.mjs';
const dump = readDump(readFileSync(process.argv[2] ?? new URL('results/demetr-flags.jsonl', import.meta.url), 'utf8'));
const files = [...new Set(dump.perts.map((p) => p.file))].sort();
const key = (f) => `${f.category}|${f.text}`;
for (const file of files) {
  const items = dump.perts.filter((p) => p.file === file);
  let any = 0, cat = 0; const byDet = {};
  for (const p of items) {
    const m = dump.mt.get(`${p.lang}:${p.id}`);
    const base = new Set(m.flags.map(key));
    const hits = p.flags.filter((f) => hitsRegion(f, p.regions) && !base.has(key(f)));
    if (hits.length) any++;
    if (hits.some((f) => EXPECTED[file]?.includes(f.category))) cat++;
    for (const d of new Set(hits.map((f) => f.detector))) byDet[d] = (byDet[d] ?? 0) + 1;
  }
  console.log(file.padEnd(34), String(items.length).padStart(4), 'raw', (100 * any / items.length).toFixed(0).padStart(3), 'cat', (100 * cat / items.length).toFixed(0).padStart(3), Object.entries(byDet).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([d, n]) => `${d}:${n}`).join(' '));
}
