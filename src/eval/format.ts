import { escapeControls } from '../format/sanitize.js';
import type { Agreement } from './agreement.js';
import type { EvalReport } from './run.js';
import type { Counts } from './spans.js';
import type { ScoreWeights } from '../score/sentence.js';

const num = (x: number, digits = 3): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const safe = (s: string): string => escapeControls(s);

function agreementTable(rows: [string, string, Pick<Agreement, 'flatTau' | 'groupedTau' | 'systemPearson'>][]): string[] {
  const out = [`  ${pad('', 10)}${pad('metric', 14)}${lpad('flat tau', 10)}${lpad('grouped tau', 13)}${lpad('system r', 10)}`];
  for (const [group, name, a] of rows) {
    out.push(`  ${pad(group, 10)}${pad(name, 14)}${lpad(num(a.flatTau), 10)}${lpad(num(a.groupedTau), 13)}${lpad(num(a.systemPearson), 10)}`);
  }
  return out;
}

function countsLine(label: string, c: Counts): string {
  return `  ${pad(label, 30)} P ${num(c.precision)}  R ${num(c.recall)}  F1 ${num(c.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

function weightsLine(w: ScoreWeights): string {
  const mix = Object.entries(w.mix).map(([k, v]) => `${k} ${num(v, 2)}`).join(', ');
  return `mix ${mix}; refExposure ${num(w.refExposure, 2)}, perWord ${num(w.perWord, 4)}, flagWeight ${num(w.flagWeight, 4)}`;
}


/**
 * Below this tau difference two metrics rank segments about equally well: on the 3,133-segment dev file the
 * standard deviation of mtdiff's flat tau across the three held-out talks is about 0.02 (0.261, 0.228, 0.223 in
 * BENCHMARKS.md), so a smaller gap is within fold-to-fold noise.
 */
const TIE = 0.02;

function versus(a: number, b: number): string {
  const d = a - b;
  if (Number.isNaN(d)) return 'cannot be compared with';
  if (Math.abs(d) < TIE) return `ties with (${d >= 0 ? '+' : ''}${num(d)})`;
  return d > 0 ? `beats (+${num(d)})` : `trails (${num(d)})`;
}

/** The facts a reader needs first: how mtdiff ranks against chrF and length alone, and how precise its flags are. */
export function conclusion(r: EvalReport): string[] {
  const held = r.folds.length > 0;
  const m = held ? r.crossValidated : r.all;
  const tau = (name: string) => m[name]?.flatTau ?? Number.NaN;
  const grouped = (name: string) => m[name]?.groupedTau ?? Number.NaN;
  const where = held ? 'held out by talk' : 'whole file, in-sample';
  const flags = r.flags.byCategory.reduce((n, c) => n + c.flags, 0);
  const confirmed = r.flags.byCategory.reduce((n, c) => n + c.confirmed, 0);
  const major = r.flags.severity.major ?? {};
  const majors = Object.values(major).reduce((n, v) => n + v, 0);
  const out = [
    'Conclusion:',
    `  Ranking segments (${where}, Kendall tau-b vs expert MQM): mtdiff ${num(tau('mtdiff'))} ${versus(tau('mtdiff'), tau('chrF'))} chrF ${num(tau('chrF'))}, ` +
      `and ${versus(tau('mtdiff'), tau('length'))} reference length alone ${num(tau('length'))}; chrF x length reaches ${num(tau('chrF-length'))}.`,
    `  Within a segment (systems on the same source, grouped tau): mtdiff ${num(grouped('mtdiff'))} ${versus(grouped('mtdiff'), grouped('chrF'))} chrF ${num(grouped('chrF'))}.`,
    `  Flags: ${confirmed} of ${flags} (${flags ? pct(confirmed / flags) : 'n/a'}) overlap an expert error span; ` +
      `token level P ${num(r.flags.tokens.all.precision)} R ${num(r.flags.tokens.all.recall)} (flagging every token: P ${num(r.flags.tokens.baseRate.all)}).`,
  ];
  if (majors) out.push(`  Major flags: ${major.none ?? 0} of ${majors} (${pct((major.none ?? 0) / majors)}) hit no expert span; ${major.Major ?? 0} hit an expert major error.`);
  return out;
}

/** The human-readable report of `mtdiff eval mqm`: the conclusion first, the tables after. */
export function formatEvalText(r: EvalReport): string {
  const lines: string[] = [];
  const w = r.mqm.weights;
  lines.push(`mtdiff eval mqm ${safe(r.file)}`);
  lines.push(...conclusion(r), '', 'Details:');
  lines.push(`  ${r.systems.length} systems x ${r.talks.length} talks, ${r.segments} system segments, reference ${safe(r.referenceSystem)}`);
  lines.push(`  expert MQM: major ${w.major}, minor ${w.minor}, minor Fluency/Punctuation ${w.minorPunctuation}, Non-translation ${w.nonTranslation}, Source error 0; ${r.mqm.raters}`);
  lines.push(`  ${safe(r.signature)}`, '');
  lines.push('flat tau: Kendall tau-b over all system segments; grouped tau: tau-b across systems within each segment,');
  lines.push('averaged over segments; system r: Pearson of system mean score vs system mean -MQM. Metrics:');
  for (const [name, what] of Object.entries(r.legend)) lines.push(`  ${pad(name, 13)}${what}`);
  lines.push('');
  const names = Object.keys(r.all);
  if (r.folds.length) {
    lines.push('Held-out agreement (weights fitted on the other talks; tau-b against -MQM):');
    const rows: [string, string, Pick<Agreement, 'flatTau' | 'groupedTau' | 'systemPearson'>][] = [];
    for (const f of r.folds) names.forEach((n, i) => rows.push([i === 0 ? safe(f.heldOut) : '', n, f.metrics[n]!]));
    names.forEach((n, i) => rows.push([i === 0 ? 'mean' : '', n, r.crossValidated[n]!]));
    lines.push(...agreementTable(rows), '');
  }
  lines.push('Whole file (configured weights; in-sample if this is the dev data):');
  lines.push(...agreementTable(names.map((n) => ['', n, r.all[n]!])), '');
  lines.push(`Weights fitted on all talks: ${weightsLine(r.fit)}`);
  for (const f of r.folds) lines.push(`  fold ${safe(f.heldOut)}: ${weightsLine(f.weights)}`);
  if (r.calibration.length) {
    lines.push('', 'Calibration (held-out expected MQM vs expert MQM, by quintile of the prediction):');
    for (const b of r.calibration) lines.push(`  predicted ${lpad(num(b.predicted, 2), 6)}  expert ${lpad(num(b.expert, 2), 6)}  (${b.segments} segments)`);
  }
  const t = r.flags.tokens;
  lines.push('', `Flags vs expert spans, token level (${t.tokens} tokens; flagging every token would give P ${num(t.baseRate.all)} / ${num(t.baseRate.accuracy)} accuracy):`);
  lines.push(countsLine('all flags vs all errors', t.all), countsLine('accuracy flags vs Accuracy/*', t.accuracy));
  for (const [talk, c] of Object.entries(r.flags.byTalk)) {
    lines.push(`  ${pad(safe(talk), 10)} all F1 ${num(c.all.f1)}  accuracy P ${num(c.accuracy.precision)} R ${num(c.accuracy.recall)} F1 ${num(c.accuracy.f1)}`);
  }
  lines.push('  keeping only flags with confidence >= c:');
  for (const c of r.flags.byConfidence) {
    lines.push(`    c ${num(c.minConfidence, 2)}: ${lpad(String(c.flags), 5)} flags, all F1 ${num(c.all.f1)}, accuracy P ${num(c.accuracy.precision)} R ${num(c.accuracy.recall)} F1 ${num(c.accuracy.f1)}`);
  }
  lines.push('', 'Expert errors found (a flag overlaps the span), by MQM category:');
  for (const c of r.flags.recallByCategory) {
    lines.push(`  ${pad(safe(c.category), 46)}${lpad(`${c.hit}/${c.errors}`, 10)}  ${lpad(pct(c.recall), 6)}${c.spanless ? `  (+${c.spanless} without a target span)` : ''}`);
  }
  const o = r.flags.omission;
  lines.push(`  omissions per segment: ${o.expert} segments with an expert omission, ${o.flagged} with an omission flag, ${o.both} both`);
  lines.push('', 'Flags the experts confirm (overlap any expert span), by category and by detector:');
  for (const p of [...r.flags.byCategory, ...r.flags.byDetector.map((d) => ({ ...d, key: `[${d.key}]` }))]) {
    const as = p.matchedAs.slice(0, 3).map((m) => `${safe(m.category)} ${m.count}`).join(', ');
    lines.push(`  ${pad(safe(p.key), 28)}${lpad(`${p.confirmed}/${p.flags}`, 11)}  ${lpad(pct(p.precision), 6)}${as ? `  as ${as}` : ''}`);
  }
  lines.push('', "Severity: mtdiff's (rows) vs the heaviest expert error the flag overlaps:");
  for (const [sev, row] of Object.entries(r.flags.severity)) {
    const cells = Object.entries(row).map(([k, v]) => `${safe(k)} ${v}`).join(', ');
    if (cells) lines.push(`  ${pad(sev, 9)} ${cells}`);
  }
  return `${lines.join('\n')}\n`;
}
