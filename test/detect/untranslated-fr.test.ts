import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { useFixtureFreedict } from '../fixtures/freedict/env.js';
import { analyze, flagsOn, loadAnalyzer, ofCategory, only, refId } from './helpers.js';

// A non-German source language selected by configuration alone: dictionary-fr + FreeDict fra-eng.
// Invented story: a hostage release after negotiations. (Loading dictionary-fr into nspell takes >10 s.)
// The bilingual dictionaries are the hand-written fixtures (test/fixtures/freedict), not the apt packages.
useFixtureFreedict();

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new UntranslatedDetector());
});

const refs = [
  'The gunmen freed three hostages on Monday after long negotiations with the police.',
  'Three hostages were released on Monday following negotiations.',
];

describe("untranslated with sourceLang 'fr'", () => {
  it('flags French words left in and confirms the translation the references use', async () => {
    const mt = 'The gunmen released three otages on Monday after long négociations with the police.';
    const a = await analyze(analyzer, mt, refs, { sourceLang: 'fr' });
    const [otages] = flagsOn(a, 'otages', 'untranslated');
    expect(otages).toMatchObject({ start: mt.indexOf('otages'), suggestion: 'hostages' });
    expect(otages!.message).toMatch(/French/);
    expect(otages!.evidence.map((e) => e.ref).sort()).toEqual([refId(0), refId(1)]);
    expect(flagsOn(a, 'négociations', 'untranslated')).toHaveLength(1);
    // "police", "Monday", "long" are French words too, but English first.
    expect(ofCategory(a, 'untranslated').map((f) => f.text).sort()).toEqual(['négociations', 'otages']);
    expect(a.signature).toContain('src:fr');
  });

  it('does not flag German words when the source language is French', async () => {
    const a = await analyze(analyzer, 'The gunmen released three hostages near the Rathaus on Monday.', refs, { sourceLang: 'fr' });
    expect(ofCategory(a, 'untranslated')).toEqual([]);
  });
});
