// The MQM talks as calibration data (bench/mqm-flags.mjs writes the dump): a flag is confirmed when it overlaps
// an expert's error span. Unlike the minimal pairs, most of these segments hold no error at all where mtdiff
// looks, so they teach the calibration what a flag is worth on real MT against a free reference.
import { tokenAgreement } from '../../dist/eval/spans.js';

export function readMqmDump(text) {
  const rows = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { meta: rows.find((r) => r.kind === 'meta'), items: rows.filter((r) => r.kind === 'mqm') };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
export const confirmed = (item, f) => (item.spans.some((s) => overlaps(s, f)) ? 1 : 0);

/** Raw flags as training rows, grouped by talk. */
export function mqmRows(items) {
  return items.flatMap((it) => it.raw.map((f) => ({ detector: f.detector, features: f.features, group: it.talk, label: confirmed(it, f) })));
}

/** Shown flags against the expert spans: flag precision, and token precision of Accuracy flags on Accuracy spans. */
export function mqmSummary(items) {
  const shown = items.flatMap((it) => it.flags.filter((f) => f.shown).map((f) => ({ ...f, label: confirmed(it, f) })));
  const evalItems = items.map((it) => ({
    segment: { target: it.text, errors: it.spans.map((s) => ({ category: s.category, spans: [s] })) },
    flags: it.flags.filter((f) => f.shown),
  }));
  const tok = tokenAgreement(evalItems);
  return { flags: shown.length, confirmed: shown.filter((f) => f.label).length, accuracy: tok.accuracy, all: tok.all, labelled: shown };
}

export function mqmLine(s) {
  const f3 = (x) => x.toFixed(3);
  const by = {};
  for (const f of s.labelled) {
    by[f.detector] ??= [0, 0];
    by[f.detector][0]++;
    by[f.detector][1] += f.label;
  }
  const detectors = Object.entries(by).sort((a, b) => b[1][0] - a[1][0]).map(([d, [n, k]]) => `${d} ${k}/${n}`).join(', ');
  return `MQM talks: ${s.flags} flags shown (confirmed/shown by detector: ${detectors}); ${s.flags} flags shown, ${s.confirmed} (${s.flags ? ((100 * s.confirmed) / s.flags).toFixed(1) : '0.0'}%) overlap an expert span; Accuracy flags vs Accuracy spans, token level P ${f3(s.accuracy.precision)} R ${f3(s.accuracy.recall)} (tp ${s.accuracy.tp}, fp ${s.accuracy.fp}); all flags vs all spans P ${f3(s.all.precision)}.`;
}
