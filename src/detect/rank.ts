import type { Evidence, Flag, Sentence } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import type { RawFlag } from './types.js';

const severityRank = (f: Pick<Flag, 'severity'>) => SEVERITIES.indexOf(f.severity);

function overlaps(a: RawFlag, b: RawFlag): boolean {
  return a.start < b.end && b.start < a.end;
}

function mergeEvidence(a: Evidence[], b: Evidence[]): Evidence[] {
  const seen = new Set(a.map((e) => `${e.ref}#${e.index}`));
  return [...a, ...b.filter((e) => !seen.has(`${e.ref}#${e.index}`))];
}

/**
 * The one ranking step: flags of different detectors on overlapping spans become one flag (the most severe
 * reading wins, evidence is pooled, the most confident calibrated estimate stands); then flags are ordered by position and tied to their sentence.
 */
export function rankFlags(raw: readonly RawFlag[], sentences: readonly Sentence[]): Flag[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start || severityRank(a) - severityRank(b) || b.confidence - a.confidence);
  const merged: RawFlag[] = [];
  for (const flag of sorted) {
    const host = merged.find((m) => overlaps(m, flag) && (m.category === flag.category || m.detector !== flag.detector));
    if (!host) {
      merged.push({ ...flag, evidence: [...flag.evidence] });
      continue;
    }
    const lead = severityRank(flag) < severityRank(host) || (severityRank(flag) === severityRank(host) && flag.confidence > host.confidence) ? flag : host;
    const detectors = new Set([...host.detector.split('+'), ...flag.detector.split('+')]);
    Object.assign(host, {
      start: lead.start,
      end: lead.end,
      text: lead.text,
      category: lead.category,
      severity: lead.severity,
      message: lead.message,
      suggestion: lead.suggestion ?? host.suggestion ?? flag.suggestion,
      // Calibrated confidences already price in what each detector sees; detectors agreeing on a span are not
      // independent votes (the noisy-OR made merged flags over-confident on held-out data, BENCHMARKS.md).
      confidence: Math.max(host.confidence, flag.confidence),
      evidence: mergeEvidence(lead.evidence, lead === host ? flag.evidence : host.evidence),
      detector: [...detectors].sort().join('+'),
    });
  }
  return merged
    .map((f) => {
      // A zero-width flag (an omission) may sit right at its sentence's end.
      const sentence = sentences.find((s) => f.start >= s.start && (f.start < s.end || (f.start === f.end && f.start === s.end)))?.index ?? f.sentence ?? 0;
      const { features: _features, ...rest } = f;
      const flag: Flag = { ...rest, confidence: Math.round(f.confidence * 1000) / 1000, sentence };
      if (flag.suggestion === undefined) delete flag.suggestion;
      return flag;
    })
    .sort((a, b) => a.start - b.start || severityRank(a) - severityRank(b));
}
