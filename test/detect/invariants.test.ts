import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer, AnalyzeOptions } from '../../src/analyze.js';
import type { Analysis } from '../../src/core/types.js';
import { analyze, loadAnalyzer, MT_ID, refId } from './helpers.js';

interface Story {
  name: string;
  mt: string;
  refs: string[];
  options?: AnalyzeOptions;
}

const { stories } = JSON.parse(readFileSync(new URL('../fixtures/detect/stories.json', import.meta.url), 'utf8')) as { stories: Story[] };

// Every default detector at once, so the ranking step sees real overlaps; `analyze` checks each flag's contract.
let analyzer: Analyzer;
const results = new Map<string, Analysis>();
beforeAll(async () => {
  analyzer = await loadAnalyzer();
  for (const s of stories) results.set(s.name, await analyze(analyzer, s.mt, s.refs, s.options));
});

describe('flag invariants with all default detectors', () => {
  it.each(stories.map((s) => [s.name, s] as const))('%s: every flag is a valid span of the MT with valid fields', (_name, story) => {
    const a = results.get(story.name)!;
    expect(a.flags.length).toBeGreaterThan(0);
    // A merged flag names each detector once, sorted.
    for (const f of a.flags) {
      const ds = f.detector.split('+');
      expect(ds).toEqual([...new Set(ds)].sort());
    }
    // No two flags of the same category overlap after ranking.
    for (const f of a.flags)
      for (const g of a.flags)
        if (f !== g && f.category === g.category) expect(f.start < g.end && g.start < f.end, `${f.text} / ${g.text}`).toBe(false);
  });

  it('finds errors of several categories in the mixed stories', () => {
    const categories = new Set([...results.values()].flatMap((a) => a.flags.map((f) => f.category)));
    for (const c of ['untranslated', 'number', 'duplication', 'punctuation', 'terminology', 'entity', 'mistranslation', 'addition', 'omission'] as const)
      expect(categories, c).toContain(c);
  });

  it('gives the same flags for the same input (analyzeMany batches them identically)', async () => {
    const [first] = stories;
    const [again] = await analyzer.analyzeMany([{ mt: { id: MT_ID, text: first!.mt }, refs: first!.refs.map((text, i) => ({ id: refId(i), text })) }], first!.options);
    expect(again!.flags).toEqual(results.get(first!.name)!.flags);
  });
});
