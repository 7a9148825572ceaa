import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import type { Evidence, Sentence } from '../../src/core/types.js';
import { GlossaryDetector } from '../../src/detect/glossary.js';
import { rankFlags } from '../../src/detect/rank.js';
import type { RawFlag } from '../../src/detect/types.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { analyze, flagsOn, loadAnalyzer, only } from './helpers.js';

// Invented text: a football transfer, two sentences.
const TEXT = 'Striker Müler signed on Friday. The fee was 45 million euros.';
const SENTENCES: Sentence[] = [
  { index: 0, start: 0, end: 31, text: TEXT.slice(0, 31), paragraph: 0 },
  { index: 1, start: 32, end: TEXT.length, text: TEXT.slice(32), paragraph: 0 },
];
const ev = (ref: string, index: number): Evidence => ({ ref, index, text: `${ref} sentence ${index}` });

function raw(over: Partial<RawFlag> & Pick<RawFlag, 'start' | 'end' | 'detector'>): RawFlag {
  return {
    text: TEXT.slice(over.start, over.end),
    category: 'entity',
    severity: 'minor',
    confidence: 0.5,
    message: `${over.detector} says so`,
    evidence: [],
    ...over,
  };
}

describe('rankFlags', () => {
  const name = { start: TEXT.indexOf('Müler'), end: TEXT.indexOf('Müler') + 'Müler'.length };

  it('merges overlapping flags of two detectors: most severe wins, evidence pooled, the higher calibrated confidence kept', () => {
    const entity = raw({ ...name, detector: 'entities', category: 'entity', severity: 'minor', confidence: 0.7, suggestion: 'Müller', evidence: [ev('r1', 0)] });
    const untranslated = raw({ ...name, end: name.end - 1, detector: 'untranslated', category: 'untranslated', severity: 'major', confidence: 0.6, evidence: [ev('r1', 0), ev('r2', 3)] });
    const before = structuredClone([entity, untranslated]);
    const flags = rankFlags([entity, untranslated], SENTENCES);
    expect(flags).toHaveLength(1);
    const [f] = flags;
    expect(f).toMatchObject({ category: 'untranslated', severity: 'major', start: untranslated.start, end: untranslated.end, text: untranslated.text, message: untranslated.message });
    expect(f!.detector).toBe('entities+untranslated');
    expect(f!.confidence).toBeCloseTo(0.7, 3);
    expect(f!.evidence).toEqual([ev('r1', 0), ev('r2', 3)]);
    // The winner had no suggestion: the other detector's is kept.
    expect(f!.suggestion).toBe('Müller');
    expect(f!.sentence).toBe(0);
    expect([entity, untranslated]).toEqual(before);
  });

  it('an untranslated word leads over reading it as an English word, even a critical one (a wrong name)', () => {
    const unmatched = raw({ ...name, detector: 'unmatched', category: 'mistranslation', severity: 'critical', confidence: 0.9, message: 'no counterpart' });
    const untranslated = raw({ ...name, detector: 'untranslated', category: 'untranslated', severity: 'major', confidence: 0.7, message: 'is German' });
    for (const order of [[unmatched, untranslated], [untranslated, unmatched]]) {
      const [f] = rankFlags(order, SENTENCES);
      expect(f).toMatchObject({ category: 'untranslated', severity: 'major', message: 'is German', confidence: 0.9, detector: 'unmatched+untranslated' });
    }
    // Other categories keep the severity rule: a critical entity flag still leads.
    const entity = raw({ ...name, detector: 'entities', category: 'entity', severity: 'critical', confidence: 0.5 });
    expect(rankFlags([entity, untranslated], SENTENCES)[0]).toMatchObject({ category: 'entity' });
  });

  it('at equal severity the more confident reading leads', () => {
    const a = raw({ ...name, detector: 'a', category: 'entity', severity: 'major', confidence: 0.5 });
    const b = raw({ ...name, detector: 'b', category: 'spelling', severity: 'major', confidence: 0.9 });
    const [f, ...rest] = rankFlags([a, b], SENTENCES);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ category: 'spelling', message: b.message, detector: 'a+b' });
    expect(f!.confidence).toBeCloseTo(0.9, 3);
  });

  it('keeps the most confident of three agreeing detectors (calibrated estimates are not independent votes)', () => {
    const flags = rankFlags(
      [0.5, 0.4, 0.2].map((confidence, k) => raw({ ...name, detector: `d${k}`, confidence })),
      SENTENCES,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]!.confidence).toBeCloseTo(0.5, 3);
    expect(flags[0]!.detector).toBe('d0+d1+d2');
  });

  it('keeps non-overlapping flags apart (touching spans too), ordered by position, each tied to its sentence', () => {
    const fee = TEXT.indexOf('45');
    const later = raw({ start: fee, end: fee + 2, detector: 'numbers', category: 'number', severity: 'major' });
    const first = raw({ ...name, detector: 'entities' });
    const touching = raw({ start: name.end, end: name.end + 7, detector: 'untranslated', category: 'untranslated' });
    const flags = rankFlags([later, touching, first], SENTENCES);
    expect(flags.map((f) => [f.detector, f.sentence])).toEqual([
      ['entities', 0],
      ['untranslated', 0],
      ['numbers', 1],
    ]);
    expect(flags.map((f) => f.start)).toEqual([first.start, touching.start, later.start]);
  });

  it('keeps apart overlapping flags of one detector in different categories', () => {
    const s = SENTENCES[1]!;
    const addition = raw({ start: s.start, end: s.end, detector: 'coverage', category: 'addition', severity: 'major' });
    const other = raw({ start: s.start + 4, end: s.start + 7, detector: 'coverage', category: 'omission' });
    const flags = rankFlags([addition, other], SENTENCES);
    expect(flags.map((f) => f.category)).toEqual(['addition', 'omission']);
    expect(flags.every((f) => f.sentence === 1)).toBe(true);
  });

  it('rounds confidence to three decimals and drops an absent suggestion', () => {
    const [f] = rankFlags([raw({ ...name, detector: 'x', confidence: 0.123456 })], SENTENCES);
    expect(f!.confidence).toBe(0.123);
    expect('suggestion' in f!).toBe(false);
  });
});

describe('ranking in the pipeline', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = only(await loadAnalyzer(), new UntranslatedDetector(), new GlossaryDetector());
  });

  it('merges an untranslated word and the glossary flag on the same word into one flag', async () => {
    const mt = 'The EU-Kommission offered emergency aid to the flooded region.';
    const glossary = [{ source: 'Kommission', target: 'Commission', forbidden: [] }];
    const a = await analyze(analyzer, mt, ['The EU Commission offered emergency aid to the flooded region.'], { glossary });
    expect(a.flags).toHaveLength(1);
    const [f] = flagsOn(a, 'Kommission');
    expect(f!.detector).toBe('glossary+untranslated');
    // Both are major; the glossary, the user's own rule, is surer (0.99), so its reading and suggestion lead.
    expect(f).toMatchObject({ category: 'terminology', suggestion: 'Commission', sentence: 0 });
    const alone = await analyze(analyzer, mt, ['The EU Commission offered emergency aid to the flooded region.']);
    const [u] = flagsOn(alone, 'Kommission', 'untranslated');
    expect(f!.confidence).toBeCloseTo(Math.max(u!.confidence, 0.99), 2);
  });
});
