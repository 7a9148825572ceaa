import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence, Flag, Sentence } from '../../src/core/types.js';
import { SEVERITIES } from '../../src/core/types.js';
import { rankFlags } from '../../src/detect/rank.js';
import type { RawFlag } from '../../src/detect/types.js';

/** rankFlags as it was before issue 15 (a scan over all merged flags per flag): the semantics to keep. */
function reference(raw: readonly RawFlag[], sentences: readonly Sentence[]): Flag[] {
  const rank = (f: Pick<Flag, 'severity'>) => SEVERITIES.indexOf(f.severity);
  const overlaps = (a: RawFlag, b: RawFlag) => a.start < b.end && b.start < a.end;
  const mergeEvidence = (a: Evidence[], b: Evidence[]) => {
    const seen = new Set(a.map((e) => `${e.ref}#${e.index}`));
    return [...a, ...b.filter((e) => !seen.has(`${e.ref}#${e.index}`))];
  };
  const sorted = [...raw].sort((a, b) => a.start - b.start || rank(a) - rank(b) || b.confidence - a.confidence);
  const merged: RawFlag[] = [];
  for (const flag of sorted) {
    const host = merged.find((m) => overlaps(m, flag) && (m.category === flag.category || m.detector !== flag.detector));
    if (!host) {
      merged.push({ ...flag, evidence: [...flag.evidence] });
      continue;
    }
    // An untranslated reading leads over a misreading of the word as English (mistranslation, spelling).
    const explains = (a: RawFlag, b: RawFlag) => a.category === 'untranslated' && (b.category === 'mistranslation' || b.category === 'spelling');
    const lead = explains(flag, host) ? flag : explains(host, flag) ? host : rank(flag) < rank(host) || (rank(flag) === rank(host) && flag.confidence > host.confidence) ? flag : host;
    const detectors = new Set([...host.detector.split('+'), ...flag.detector.split('+')]);
    Object.assign(host, {
      start: lead.start, end: lead.end, text: lead.text, category: lead.category, severity: lead.severity, message: lead.message,
      suggestion: lead.suggestion ?? host.suggestion ?? flag.suggestion,
      confidence: Math.max(host.confidence, flag.confidence),
      evidence: mergeEvidence(lead.evidence, lead === host ? flag.evidence : host.evidence),
      detector: [...detectors].sort().join('+'),
    });
  }
  return merged
    .map((f) => {
      const sentence = sentences.find((s) => f.start >= s.start && (f.start < s.end || (f.start === f.end && f.start === s.end)))?.index ?? f.sentence ?? 0;
      const flag: Flag = { ...f, confidence: Math.round(f.confidence * 1000) / 1000, sentence };
      if (flag.suggestion === undefined) delete flag.suggestion;
      return flag;
    })
    .sort((a, b) => a.start - b.start || rank(a) - rank(b));
}

const flagArb = fc
  .record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 12 }),
    detector: fc.constantFrom('a', 'b', 'c'),
    category: fc.constantFrom('entity', 'spelling', 'untranslated'),
    severity: fc.constantFrom(...SEVERITIES),
    confidence: fc.constantFrom(0.2, 0.5, 0.7, 0.9),
    evidence: fc.array(fc.record({ ref: fc.constantFrom('r1', 'r2'), index: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
    suggestion: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
  })
  .map(
    (f, i = 0): RawFlag => ({
      start: f.start,
      end: f.start + f.length,
      text: 't',
      detector: f.detector,
      category: f.category as RawFlag['category'],
      severity: f.severity,
      confidence: f.confidence,
      message: `${f.detector}:${f.start}:${i}`,
      evidence: f.evidence.map((e) => ({ ...e, text: '' })),
      ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    }),
  );

/** Sentences in document order with gaps, adjacent ones and empty ones, covering 0..80. */
const sentencesArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 15 })), { maxLength: 10 }).map((parts) => {
  const out: Sentence[] = [];
  let at = 0;
  for (const [gap, len] of parts) {
    const start = at + gap;
    out.push({ index: out.length, start, end: start + len, text: '', paragraph: 0 });
    at = start + len;
  }
  return out;
});

describe('rankFlags at scale', () => {
  it('merges exactly as the scan over all merged flags did', () => {
    fc.assert(
      fc.property(fc.array(flagArb, { maxLength: 40 }), sentencesArb, (raw, sentences) => {
        expect(rankFlags(raw, sentences)).toEqual(reference(raw, sentences));
      }),
      { numRuns: 500 },
    );
  });

  it('grows linearly: 16 times the flags costs far less than 256 times the time', () => {
    const make = (n: number): { raw: RawFlag[]; sentences: Sentence[] } => ({
      raw: Array.from({ length: n }, (_, i) => ({ start: i * 10, end: i * 10 + 4, text: 'w', detector: `d${i % 3}`, category: 'entity', severity: 'minor', confidence: 0.5, message: '', evidence: [] })),
      sentences: Array.from({ length: n / 4 }, (_, i) => ({ index: i, start: i * 40, end: i * 40 + 39, text: '', paragraph: 0 })),
    });
    const time = (n: number): number => {
      const { raw, sentences } = make(n);
      const t = performance.now();
      rankFlags(raw, sentences);
      return performance.now() - t;
    };
    time(2000);
    const small = Math.max(time(2000), 1);
    const large = time(32000);
    // The old scan took about 256 times as long here; a ratio of 64 leaves room for a noisy shared machine.
    expect(large / small).toBeLessThan(64);
  });
});
