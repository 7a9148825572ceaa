import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UNTRANSLATED } from '../../src/config.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { SLOT_BONUS } from '../../src/detect/slot-word.js';
import { useFixtureFreedict } from '../fixtures/freedict/env.js';
import { analyze, flagsOn, loadAnalyzer, ofCategory, only, refId } from './helpers.js';

// Invented story: a river flood in a German town, MT from German with words left in.
// The bilingual dictionaries are the hand-written fixtures (test/fixtures/freedict), not the apt packages.
useFixtureFreedict();

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new UntranslatedDetector());
});

const run = (mt: string, refs: string[]) => analyze(analyzer, mt, refs, { sourceLang: 'de' });

describe('untranslated (German source language, given)', () => {
  it('flags a lower-cased German noun left in the English text', async () => {
    const mt = 'The bewohner were taken to safety by boat on Sunday.';
    const a = await run(mt, ['Residents were taken to safety by boat on Sunday.']);
    const [flag, ...rest] = flagsOn(a, 'bewohner', 'untranslated');
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ start: mt.indexOf('bewohner'), severity: 'major', detector: 'untranslated' });
    expect(flag!.message).toMatch(/German/);
    // The references say "residents", which the dictionary does not offer ('inhabitant', 'occupant'): the
    // suggestion is the reference word in the same slot, and the message still gives the dictionary's gloss.
    expect(flag!.suggestion).toBe('residents');
    expect(flag!.message).toContain("'inhabitant'");
    expect(flag!.evidence.map((e) => e.ref)).toEqual([refId(0)]);
    expect(flag!.confidence).toBeCloseTo(UNTRANSLATED.baseConfidence + UNTRANSLATED.dictionaryBonus + SLOT_BONUS, 5);
    expect(ofCategory(a, 'untranslated')).toHaveLength(1);
  });

  it('flags a capitalised German noun and confirms the translation the aligned reference uses', async () => {
    const mt = 'Floodwater poured into the Häuser near the river on Sunday.';
    const ref = 'Floodwater poured into the houses near the river on Sunday.';
    const a = await run(mt, [ref]);
    const [flag] = flagsOn(a, 'Häuser', 'untranslated');
    expect(flag).toBeDefined();
    expect(flag!.suggestion).toBe('houses');
    expect(flag!.evidence).toEqual([{ ref: refId(0), index: 0, text: ref }]);
    expect(flag!.message).toContain("says 'houses'");
    expect(flag!.confidence).toBeGreaterThan(UNTRANSLATED.baseConfidence + UNTRANSLATED.dictionaryBonus);
  });

  it('flags a German stem with an English plural ending and suggests the reference plural', async () => {
    const mt = 'Floodwater reached three stadts along the river.';
    const a = await run(mt, ['Floodwater reached three towns along the river.']);
    const [flag] = flagsOn(a, 'stadts', 'untranslated');
    expect(flag).toBeDefined();
    expect(flag!.start).toBe(mt.indexOf('stadts'));
    expect(flag!.suggestion).toBe('towns');
  });

  it('flags only the German part of a hyphenated compound', async () => {
    const mt = 'The EU-Kommission offered emergency aid to the flooded region.';
    const a = await run(mt, ['The EU Commission offered emergency aid to the flooded region.']);
    const flags = ofCategory(a, 'untranslated');
    expect(flags.map((f) => f.text)).toEqual(['Kommission']);
    expect(flags[0]!.start).toBe(mt.indexOf('EU-Kommission') + 'EU-'.length);
  });

  // BUG (src/detect/lexicon/bilingual.ts, parseEntry line 62): FreeDict lines carrying a domain label start with a
  // space (" [adm.]  [pol.] commission <n>") and are skipped, so "Kommission" is only known as 'panel' and the
  // references' "Commission" can never confirm it. Expected suggestion 'commission', actual 'panel'.
  it('suggests the word the aligned references use for a compound part (Kommission -> commission)', async () => {
    const a = await run('The EU-Kommission offered emergency aid to the flooded region.', [
      'The EU Commission offered emergency aid to the flooded region.',
      'The European Commission offered emergency aid to the region.',
    ]);
    const [flag] = flagsOn(a, 'Kommission', 'untranslated');
    expect(flag!.suggestion?.toLowerCase()).toBe('commission');
    expect(flag!.evidence.length).toBeGreaterThan(0);
  });

  it('confirms a multi-word translation from the aligned reference (Rathaus -> town hall)', async () => {
    const ref = 'The water reached the town hall on Monday morning.';
    const a = await run('The water reached the Rathaus on Monday morning.', [ref]);
    const [flag] = flagsOn(a, 'Rathaus', 'untranslated');
    expect(flag!.suggestion).toBe('town hall');
    expect(flag!.evidence.map((e) => e.text)).toEqual([ref]);
    expect(flag!.confidence).toBeCloseTo(Math.min(0.99, UNTRANSLATED.baseConfidence + UNTRANSLATED.dictionaryBonus + UNTRANSLATED.confirmedBonus), 5);
  });

  // BUG (src/detect/untranslated.ts, confirmedTranslation lines 62-68): only the last word of a multi-word
  // translation is matched, so a reference saying "city hall" "confirms" 'town hall' and the message claims the
  // reference says 'town hall'. Expected: the quoted phrase occurs in the evidence (or no confirmation).
  it('quotes only what the reference actually says when confirming a multi-word translation', async () => {
    const a = await run('The water reached the Rathaus on Monday morning.', ['The water reached city hall on Monday morning.']);
    const [flag] = flagsOn(a, 'Rathaus', 'untranslated');
    const quoted = /says '([^']+)'/.exec(flag!.message)?.[1];
    if (quoted) for (const e of flag!.evidence) expect(e.text.toLowerCase()).toContain(quoted.toLowerCase());
    else expect(flag!.evidence).toEqual([]);
  });

  it('leaves a German word the references also use (a name) alone, but flags it when no reference has it', async () => {
    const mt = 'Mayor Müller visited the flooded streets on Monday.';
    const withName = await run(mt, ['Mayor Müller visited the flooded streets on Monday.']);
    expect(ofCategory(withName, 'untranslated')).toEqual([]);
    // Control: the same word is a German noun ("miller") the detector would otherwise flag.
    const without = await run(mt, ['The mayor visited the flooded streets on Monday.']);
    expect(flagsOn(without, 'Müller', 'untranslated')).toHaveLength(1);
  });

  it('does not flag English words that are German words too', async () => {
    const a = await run('The war was hell, the mayor also said, and a bald man in a hat lost his hand and his rose garden.', [
      'The mayor said the flood was hell.',
    ]);
    expect(ofCategory(a, 'untranslated')).toEqual([]);
  });

  it('does nothing for a source language it has no dictionary for', async () => {
    const a = await analyze(analyzer, 'The bewohner fled the Häuser.', ['Residents fled their houses.'], { sourceLang: 'ja' });
    expect(a.flags).toEqual([]);
    expect(a.signature).toContain('src:ja');
  });

  // BUG (src/detect/untranslated.ts line 33): the letters-only test runs before the English endings are
  // stripped, so the "'s" entry of ENGLISH_ENDINGS (line 13) and the "'s" suggestion (line 122) are dead code:
  // "Stadt's" is never flagged. Expected: a flag on "Stadt's" (or "Stadt"); actual: none.
  it("flags a German noun with an English possessive 's", async () => {
    const mt = "The Stadt's mayor ordered an evacuation.";
    const a = await run(mt, ["The town's mayor ordered an evacuation."]);
    const at = mt.indexOf('Stadt');
    expect(ofCategory(a, 'untranslated').some((f) => f.start === at)).toBe(true);
  });

  // nspell does not implement Hunspell's compounding, so dictionary-de alone misses Bürgermeister, Feuerwehr;
  // the bilingual dictionary's headwords fill the gap.
  it('flags common German compound nouns, lower-cased or with an English plural', async () => {
    const a = await run('The bürgermeister thanked the Feuerwehrs for their work.', ['The mayor thanked the firefighters for their work.']);
    expect(ofCategory(a, 'untranslated').map((f) => f.text)).toEqual(['bürgermeister', 'Feuerwehrs']);
  });
});
