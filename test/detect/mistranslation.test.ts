import { beforeAll, describe, expect, it } from 'vitest';
import { MISTRANSLATION } from '../../src/config.js';
import type { Analyzer } from '../../src/analyze.js';
import { MistranslationDetector } from '../../src/detect/mistranslation.js';
import { analyze, flagsOn, loadAnalyzer, ofCategory, only, refId } from './helpers.js';

// Invented story: a government releases prisoners after a ceasefire.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new MistranslationDetector());
});

const MT = 'After the ceasefire, the minister published the prisoners on Tuesday.';
const RELEASED = [
  'After the ceasefire, the minister released the prisoners on Tuesday.',
  'The minister released the prisoners on Tuesday following the ceasefire.',
];

describe('mistranslation', () => {
  it('flags a wrong-sense verb whose neighbour the references pair with another verb', async () => {
    const a = await analyze(analyzer, MT, [...RELEASED, 'On Tuesday the prisoners were freed by the government.']);
    const flags = ofCategory(a, 'mistranslation');
    expect(flags.map((f) => f.text)).toEqual(['published']);
    const [flag] = flags;
    // Another sense in the slot changes the meaning: major (MQM), however many references agree.
    expect(flag).toMatchObject({ start: MT.indexOf('published'), suggestion: 'released', severity: 'major' });
    // The two references that say "released" are the evidence, the one that says "freed" is not.
    expect(flag!.evidence.map((e) => e.ref).sort()).toEqual([refId(0), refId(1)]);
    expect(flag!.message).toContain('released');
  });

  it('is surer when more references agree', async () => {
    const a = await analyze(analyzer, MT, [...RELEASED, 'On Tuesday the minister released the prisoners.']);
    const [flag] = flagsOn(a, 'published', 'mistranslation');
    const [two] = flagsOn(await analyze(analyzer, MT, RELEASED), 'published', 'mistranslation');
    expect(flag!.confidence).toBeGreaterThan(two!.confidence);
    expect(flag!.evidence).toHaveLength(3);
  });

  it('does not flag a paraphrase when only one loosely matching reference has the other word (consensus rule)', async () => {
    const mt = 'After the ceasefire, the minister liberated the prisoners on Tuesday.';
    const loose = 'Officials said on Tuesday that the minister had released the prisoners after a long dispute over the ceasefire terms.';
    const other = 'Reporters were told on Tuesday that the prisoners had been freed by the minister after weeks of ceasefire talks.';
    const split = await analyze(analyzer, mt, [loose, other]);
    expect(split.sentences[0]!.matches.every((m) => m.similarity < MISTRANSLATION.singleReferenceSimilarity)).toBe(true);
    expect(ofCategory(split, 'mistranslation')).toEqual([]);
    // Control: the same sentence is flagged once two references agree, so the consensus is what spared it.
    const agreed = await analyze(analyzer, mt, RELEASED);
    expect(flagsOn(agreed, 'liberated', 'mistranslation')).toHaveLength(1);
  });

  it('does not flag a word some reference uses', async () => {
    const a = await analyze(analyzer, 'After the ceasefire, the minister freed the prisoners on Tuesday.', [
      ...RELEASED,
      'The prisoners were freed after the ceasefire.',
    ]);
    expect(ofCategory(a, 'mistranslation')).toEqual([]);
  });

  it('treats a capitalised common noun inside a sentence as a word, not a name, unless a reference capitalises it', async () => {
    const envoy = ['The king sent an envoy with the peace offer to the rebels on Monday.', 'On Monday the king sent an envoy with a peace offer to the rebels.'];
    const mt = 'The king sent a Messenger with the peace offer to the rebels on Monday.';
    const a = await analyze(analyzer, mt, envoy);
    expect(flagsOn(a, 'Messenger', 'mistranslation').map((f) => f.suggestion)).toEqual(['envoy']);
    // A reference that writes it with a capital mid-sentence makes it a name (a newspaper, a title).
    const named = await analyze(analyzer, mt, [...envoy, 'The story was first reported by the Messenger, a local paper.']);
    expect(flagsOn(named, 'Messenger', 'mistranslation')).toEqual([]);
  });

  it('reads the object of a passive verb in a relative clause, however far back it stands', async () => {
    const mt = 'On Monday the minister met the prisoners that had recently been published.';
    const refs = [
      'On Monday the minister met prisoners who had just been released.',
      'The rebels released the prisoners, and on Monday the minister met them.',
      'The prisoners were released last week.',
    ];
    const a = await analyze(analyzer, mt, refs);
    expect(flagsOn(a, 'published', 'mistranslation').map((f) => f.suggestion)).toEqual(['released']);
  });

  it("reads the head of a noun's of-phrase as its object ('the publication of the remaining prisoners')", async () => {
    const mt = 'On Monday the army announced the publication of the remaining prisoners.';
    const refs = [
      'On Monday the army announced the release of the remaining prisoners held by the rebels.',
      'The rebels released the prisoners, officials said.',
      'The prisoners were released last week.',
    ];
    const a = await analyze(analyzer, mt, refs);
    expect(flagsOn(a, 'publication', 'mistranslation').map((f) => f.suggestion)).toEqual(['release']);
  });

});
