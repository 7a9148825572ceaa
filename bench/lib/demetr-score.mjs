// Scores a DEMETR flag dump (bench/demetr.mjs): score accuracy against chrF, recall of the injected error,
// false flags on the good MT, and a label per flag for calibration.
import { EXPECTED, hitsRegion } from './demetr.mjs';

const key = (f) => `${f.category}|${f.text}`;
const shownOf = (flags) => flags.filter((f) => f.shown !== false);

export function readDump(text) {
  const rows = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const meta = rows.find((r) => r.kind === 'meta');
  const mt = new Map(rows.filter((r) => r.kind === 'mt').map((r) => [`${r.lang}:${r.id}`, r]));
  const perts = rows.filter((r) => r.kind === 'pert' && !r.file.startsWith('base_'));
  const reference = rows.filter((r) => r.kind === 'pert' && r.file === 'base_id35_reference');
  return { meta, mt, perts, reference };
}

/**
 * Every flag on a perturbed sentence with its label: 1 when it covers the injected change and the good MT
 * does not carry the same flag; else 0. This is the population a reviewer meets: MT with errors.
 */
export function labelledFlags(dump) {
  const out = [];
  for (const p of dump.perts) {
    const base = new Set((dump.mt.get(`${p.lang}:${p.id}`)?.flags ?? []).map(key));
    for (const f of p.flags) out.push({ ...f, lang: p.lang, file: p.file, id: p.id, label: hitsRegion(f, p.regions) && !base.has(key(f)) ? 1 : 0 });
  }
  return out;
}

const pct = (n, d) => (d ? (100 * n) / d : 0);

export function summarise(dump, shown = shownOf) {
  const files = [...new Set(dump.perts.map((p) => p.file))].sort();
  const perFile = files.map((file) => {
    const items = dump.perts.filter((p) => p.file === file);
    let scoreWins = 0;
    let chrfWins = 0;
    let found = 0;
    let foundCat = 0;
    let severe = 0;
    let hitFlags = 0;
    for (const p of items) {
      const m = dump.mt.get(`${p.lang}:${p.id}`);
      if (m.score > p.score) scoreWins++;
      if (m.chrf > p.chrf) chrfWins++;
      const base = new Set(shown(m.flags).map(key));
      const hits = shown(p.flags).filter((f) => hitsRegion(f, p.regions) && !base.has(key(f)));
      if (hits.length) found++;
      if (hits.some((f) => EXPECTED[file]?.includes(f.category))) foundCat++;
      hitFlags += hits.length;
      severe += hits.filter((f) => f.severity !== 'minor').length;
    }
    return { file, n: items.length, scoreAcc: pct(scoreWins, items.length), chrfAcc: pct(chrfWins, items.length), recall: pct(found, items.length), recallCat: pct(foundCat, items.length), severe: pct(severe, hitFlags), hitFlags };
  });
  const cleanRows = [...dump.mt.values()];
  const words = cleanRows.reduce((n, r) => n + r.words, 0);
  const cleanFlags = cleanRows.flatMap((r) => shown(r.flags));
  const byDetector = {};
  for (const f of cleanFlags) byDetector[f.detector] = (byDetector[f.detector] ?? 0) + 1;
  const labelled = labelledFlags(dump).filter((f) => f.shown !== false);
  const critical = perFile.filter((r) => r.file.startsWith('critical_'));
  const macro = (rows, k) => rows.reduce((s, r) => s + r[k], 0) / (rows.length || 1);
  return {
    perFile,
    macro: { scoreAcc: macro(perFile, 'scoreAcc'), chrfAcc: macro(perFile, 'chrfAcc'), recall: macro(perFile, 'recall'), recallCat: macro(perFile, 'recallCat') },
    criticalSevere: pct(critical.reduce((s, r) => s + (r.severe * r.hitFlags) / 100, 0), critical.reduce((s, r) => s + r.hitFlags, 0)),
    clean: { sentences: cleanRows.length, words, flags: cleanFlags.length, per100: pct(cleanFlags.length, words), flaggedShare: pct(cleanRows.filter((r) => shown(r.flags).length).length, cleanRows.length), byDetector },
    precision: { flags: labelled.length, true: labelled.filter((f) => f.label).length, value: pct(labelled.filter((f) => f.label).length, labelled.length) },
  };
}

export function markdownSummary(s) {
  const f1 = (x) => x.toFixed(1);
  const lines = [
    '| perturbation | pairs | score acc. | chrF acc. | recall | recall, right category | hits major/critical |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...s.perFile.map((r) => `| ${r.file} | ${r.n} | ${f1(r.scoreAcc)} | ${f1(r.chrfAcc)} | ${f1(r.recall)} | ${f1(r.recallCat)} | ${r.hitFlags ? f1(r.severe) : '-'} |`),
    `| **macro (${s.perFile.length} files)** | | **${f1(s.macro.scoreAcc)}** | **${f1(s.macro.chrfAcc)}** | **${f1(s.macro.recall)}** | **${f1(s.macro.recallCat)}** | |`,
    '',
    `Good MT (${s.clean.sentences} sentences, ${s.clean.words} words): ${s.clean.flags} flags, ${f1(s.clean.per100)} per 100 words, ${f1(s.clean.flaggedShare)}% of sentences flagged; by detector: ${Object.entries(s.clean.byDetector).sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}`).join(', ') || 'none'}.`,
    `Flags on perturbed sentences: ${s.precision.flags}, of which ${s.precision.true} cover the injected error (precision ${f1(s.precision.value)}%). Hits on critical perturbations rated major or critical: ${f1(s.criticalSevere)}%.`,
  ];
  return lines.join('\n');
}
