import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { GrammarDetector } from '../../src/detect/grammar.js';
import { analyze, expectValidFlags, ofCategory, refId } from './helpers.js';

// Invented story: a regional election.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new GrammarDetector());
});

const REFS = [
  'Voters in Bavaria elected a new parliament on Sunday. Söder thanked his supporters.',
  'Söder said the result was clear. Turnout in Bavaria rose, and Söder promised reforms.',
];

describe('grammar', () => {
  it('flags a singular determiner before a noun that can only be plural', async () => {
    const mt = 'The party lost a decades of support in the south.';
    const a = await analyze(analyzer, mt, REFS);
    expectValidFlags(a, mt, [refId(0), refId(1)]);
    expect(ofCategory(a, 'grammar').map((f) => f.text)).toEqual(['a decades']);
  });

  it('flags an article before a name the references always write bare, with the name as the fix', async () => {
    const mt = 'After the count, the Söder spoke to reporters.';
    const a = await analyze(analyzer, mt, REFS);
    const [flag] = ofCategory(a, 'grammar');
    expect(flag).toMatchObject({ text: 'the Söder', suggestion: 'Söder' });
    expect(flag!.evidence.length).toBeGreaterThan(0);
  });

  it('leaves a name used as a modifier alone ("the Bavaria result")', async () => {
    const a = await analyze(analyzer, 'Analysts discussed the Bavaria result on Monday.', [...REFS, 'Bavaria voted. Bavaria counted. Bavaria decided.']);
    expect(ofCategory(a, 'grammar')).toEqual([]);
  });

  it('does not flag plural counts or correct agreement', async () => {
    const a = await analyze(analyzer, 'The other four are in Munich. The results are clear. A decade of rule ended.', REFS);
    expect(ofCategory(a, 'grammar')).toEqual([]);
  });

  it('counts a reference\'s "the Söder camp" as the name modifying a noun, not as "the Söder"', async () => {
    const refs = [...REFS, 'Critics of the Söder camp stayed quiet.'];
    const [flag] = ofCategory(await analyze(analyzer, 'After the count, the Söder spoke to reporters.', refs), 'grammar');
    expect(flag).toMatchObject({ text: 'the Söder', suggestion: 'Söder' });
  });

  it('flags a singular noun before a plural verb even when the lexicon also lists it as an adverb ("world are")', async () => {
    const a = await analyze(analyzer, 'The whole world are watching Bavaria.', REFS);
    expect(ofCategory(a, 'grammar').map((f) => f.text)).toEqual(['world are']);
  });

  it('accepts British plural agreement with collective nouns ("the government are")', async () => {
    const a = await analyze(analyzer, 'The government are divided. The family were told. The committee are meeting.', REFS);
    expect(ofCategory(a, 'grammar')).toEqual([]);
  });

  it('leaves a coordinated subject and a time adverbial before the verb alone, not a plain singular subject', async () => {
    const fine = 'Bears and other wildlife are attracted to smells. Voters or the party were surprised. Most voters in Bavaria last week were pleased.';
    expect(ofCategory(await analyze(analyzer, fine, REFS), 'grammar')).toEqual([]);
    const wrong = await analyze(analyzer, 'The local wildlife are attracted to smells. The whole week were quiet.', REFS);
    expect(ofCategory(wrong, 'grammar').map((f) => f.text)).toEqual(['wildlife are', 'week were']);
  });
  it('flags "a" or "an" against the sound of the next word, with the right article as the fix', async () => {
    const a = await analyze(analyzer, 'Söder gave an speech after a election. An victory was expected.', REFS);
    expect(ofCategory(a, 'grammar').map((f) => [f.text, f.suggestion])).toEqual([['an speech', 'a speech'], ['a election', 'an election'], ['An victory', 'A victory']]);
  });

  it('leaves the article alone where spelling does not settle the sound, and a capital A inside a sentence', async () => {
    const fine = 'Söder spent an hour at a university and a house in an umbrella shop. He met an FBI agent, an 8-year-old and a one-off guest. He flew to A Coruña and chose Plan A over a European plan.';
    expect(ofCategory(await analyze(analyzer, fine, REFS), 'grammar')).toEqual([]);
  });
});
