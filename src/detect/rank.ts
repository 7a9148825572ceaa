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

/** A zero-width flag (an omission) may sit right at its sentence's end. */
function holds(s: Sentence, f: RawFlag): boolean {
  return f.start >= s.start && (f.start < s.end || (f.start === f.end && f.start === s.end));
}

/**
 * The first sentence (in array order) holding a flag. Sentences in document order allow a binary search
 * for the last one starting at or before the flag; only it and neighbours ending at the flag can hold it.
 */
function sentenceFinder(sentences: readonly Sentence[]): (f: RawFlag) => Sentence | undefined {
  const ordered = sentences.every((s, i) => i === 0 || (s.start >= sentences[i - 1]!.end && s.start >= sentences[i - 1]!.start));
  if (!ordered) return (f) => sentences.find((s) => holds(s, f));
  return (f) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= f.start) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Earlier sentences can only hold it when they end exactly at the flag (empty ones, or at their end).
    let found: Sentence | undefined;
    for (let i = last; i >= 0 && sentences[i]!.end >= f.start; i--) if (holds(sentences[i]!, f)) found = sentences[i];
    return found;
  };
}

/**
 * A word that is not English is untranslated, whatever else it fails to be: "has no counterpart", a wrong sense
 * or a misspelling are what an English word left unmatched looks like, and read a foreign word as an English one
 * (and a capitalised one as a wrong name, critical). So an untranslated reading of the same word leads.
 */
const READINGS_OF_ENGLISH = new Set(['mistranslation', 'spelling']);
const explains = (a: RawFlag, b: RawFlag) => a.category === 'untranslated' && READINGS_OF_ENGLISH.has(b.category);

/**
 * The one ranking step: flags of different detectors on overlapping spans become one flag (the most severe
 * reading wins, evidence is pooled, the most confident calibrated estimate stands); then flags are ordered by position and tied to their sentence.
 */
export function rankFlags(raw: readonly RawFlag[], sentences: readonly Sentence[]): Flag[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start || severityRank(a) - severityRank(b) || b.confidence - a.confidence);
  const merged: RawFlag[] = [];
  // Flags come in start order and a merged flag only grows by merging, so one whose end lies at or before
  // the current start can never host again: the sweep keeps just the open ones (in merge order, so the
  // host found is the one a scan over all merged flags would find).
  let open: RawFlag[] = [];
  for (const flag of sorted) {
    open = open.filter((m) => m.end > flag.start);
    const host = open.find((m) => overlaps(m, flag) && (m.category === flag.category || m.detector !== flag.detector));
    if (!host) {
      const fresh = { ...flag, evidence: [...flag.evidence] };
      merged.push(fresh);
      open.push(fresh);
      continue;
    }
    const lead = explains(flag, host) ? flag : explains(host, flag) ? host : severityRank(flag) < severityRank(host) || (severityRank(flag) === severityRank(host) && flag.confidence > host.confidence) ? flag : host;
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
  const sentenceAt = sentenceFinder(sentences);
  return merged
    .map((f) => {
      const sentence = sentenceAt(f)?.index ?? f.sentence ?? 0;
      const { features: _features, ...rest } = f;
      const flag: Flag = { ...rest, confidence: Math.round(f.confidence * 1000) / 1000, sentence };
      if (flag.suggestion === undefined) delete flag.suggestion;
      return flag;
    })
    .sort((a, b) => a.start - b.start || severityRank(a) - severityRank(b));
}
