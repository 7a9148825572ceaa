import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { SubstitutionDetector } from '../../src/detect/substitution.js';
import { analyze, flagsOn } from './helpers.js';

// Invented story: a mayor's statement after a flood, quoted by two outlets.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new SubstitutionDetector());
});

const QUOTE = (verb: string) => `“A safe home ${verb} every family, but only if we rebuild the dams together,” the mayor said.`;

describe('substitution', () => {
  it('flags a word swapped between identical neighbours of a nearly identical reference sentence', async () => {
    const mt = 'The mayor said the river destroyed the old bridge on Sunday night.';
    const a = await analyze(analyzer, mt, ['The mayor said the river wrecked the old bridge on Sunday night.']);
    expect(a.sentences[0]!.matches[0]!.similarity).toBeGreaterThan(0.9);
    expect(flagsOn(a, 'destroyed', 'mistranslation').map((f) => f.suggestion)).toEqual(['wrecked']);
  });

  it('flags another form of a quoted verb as a grammar error, with the quoted form as the fix', async () => {
    const a = await analyze(analyzer, QUOTE('awaited'), [QUOTE('awaits'), `The mayor added: ${QUOTE('awaits').split(',')[0]}."`]);
    const [flag] = flagsOn(a, 'awaited', 'grammar');
    expect(flag).toMatchObject({ suggestion: 'awaits', severity: 'minor' });
    expect(flag!.message).toContain('quote');
  });

  it('leaves the tense alone when the reference reports the words instead of quoting them', async () => {
    const reported = 'A safe home awaits every family, but only if we rebuild the dams together, the mayor said.';
    const mt = 'A safe home awaited every family, but only if we rebuild the dams together, the mayor said.';
    const a = await analyze(analyzer, mt, [reported]);
    expect(a.sentences[0]!.matches[0]!.similarity).toBeGreaterThan(0.9);
    expect(flagsOn(a, 'awaited')).toEqual([]);
  });
});
