import { expect } from 'vitest';
import { Analyzer, createAnalyzer, type AnalyzeOptions } from '../../src/analyze.js';
import { CATEGORIES, SEVERITIES, type Analysis, type Flag } from '../../src/core/types.js';
import type { Detector } from '../../src/detect/types.js';
import { NO_CALIBRATION } from '../../src/detect/calibrate.js';

export const MT_ID = 'mt.txt';
export const refId = (i: number): string => `ref${i + 1}.txt`;

/** Loads the real model; call once per test file in beforeAll. */
export function loadAnalyzer(): Promise<Analyzer> {
  return createAnalyzer();
}

/** An analyzer that runs only the given detectors, sharing the loaded model. */
export function only(analyzer: Analyzer, ...detectors: Detector[]): Analyzer {
  return new Analyzer(analyzer.embedder, detectors, NO_CALIBRATION);
}

/**
 * Analyses `mt` against `refs` (named ref1.txt, ref2.txt, ...) and checks every flag's invariants,
 * so each test that runs the pipeline also guards the Flag contract.
 */
export async function analyze(analyzer: Analyzer, mt: string, refs: readonly string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const analysis = await analyzer.analyze(
    { id: MT_ID, text: mt },
    refs.map((text, i) => ({ id: refId(i), text })),
    // Detector tests test detection: every flag, not only those above the calibrated threshold.
    { minConfidence: 0, ...options },
  );
  expectValidFlags(analysis, mt, refs.map((_, i) => refId(i)));
  return analysis;
}

export function expectValidFlags(analysis: Analysis, mt: string, refIds: readonly string[]): void {
  for (const f of analysis.flags) {
    const where = `${f.detector} flag ${JSON.stringify(f.text)} at ${f.start}`;
    expect(f.start, where).toBeGreaterThanOrEqual(0);
    expect(f.start, where).toBeLessThanOrEqual(f.end);
    expect(f.end, where).toBeLessThanOrEqual(mt.length);
    expect(f.text, where).toBe(mt.slice(f.start, f.end));
    expect(f.confidence, where).toBeGreaterThanOrEqual(0);
    expect(f.confidence, where).toBeLessThanOrEqual(1);
    expect(CATEGORIES, where).toContain(f.category);
    expect(SEVERITIES, where).toContain(f.severity);
    expect(f.message.length, where).toBeGreaterThan(0);
    const sentence = analysis.sentences[f.sentence];
    expect(sentence?.index, where).toBe(f.sentence);
    // Zero-width anchors (omissions) sit on a sentence boundary; coverage.test.ts pins where they belong.
    if (f.end > f.start) expect(f.start >= sentence!.start && f.start < sentence!.end, `${where} lies in sentence ${f.sentence}`).toBe(true);
    for (const e of f.evidence) {
      expect(refIds, where).toContain(e.ref);
      const sentences = analysis.refs.find((r) => r.id === e.ref)?.sentences ?? 0;
      expect(e.index >= 0 && e.index < sentences, `${where}: evidence index ${e.index} in ${e.ref}`).toBe(true);
    }
  }
  const starts = analysis.flags.map((f) => f.start);
  expect(starts, 'flags are ordered by position').toEqual([...starts].sort((a, b) => a - b));
}

/** Flags whose text is exactly `text` (optionally of one category). */
export function flagsOn(analysis: Analysis, text: string, category?: Flag['category']): Flag[] {
  return analysis.flags.filter((f) => f.text === text && (!category || f.category === category));
}

export function ofCategory(analysis: Analysis, category: Flag['category']): Flag[] {
  return analysis.flags.filter((f) => f.category === category);
}
