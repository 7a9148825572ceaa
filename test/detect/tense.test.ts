import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { TenseDetector } from '../../src/detect/tense.js';
import { verbDisagreement, verbGroups } from '../../src/detect/verb-groups.js';
import { tokenize } from '../../src/segment/tokens.js';
import { analyze, loadAnalyzer, only } from './helpers.js';

// Verbs pair by contextual vectors ("opened" with "will open"): the real model, not the word-identity stub.
let analyzer: Analyzer;
let full: Analyzer;
beforeAll(async () => {
  full = await loadAnalyzer();
  analyzer = only(full, new TenseDetector());
});
const parallel = { mode: 'parallel' as const };
const groups = (text: string) => verbGroups(tokenize(text)).map((g) => ({ text: text.slice(g.finite.start, g.head.end), tense: g.tense, progressive: g.progressive, perfect: g.perfect }));

describe('verb groups', () => {
  it('reads tense, progressive and perfect of every finite verb', () => {
    expect(groups('The company will open a factory and it has been hiring staff.')).toEqual([
      { text: 'will open', tense: 'future', progressive: false, perfect: false },
      { text: 'has been hiring', tense: 'present', progressive: true, perfect: true },
    ]);
    expect(groups('The company opened a factory.')).toMatchObject([{ text: 'opened', tense: 'past' }]);
  });

  it('reads contractions, inner adverbs and "going to" as a future', () => {
    expect(groups("They won't go.")).toMatchObject([{ text: "won't go", tense: 'future' }]);
    expect(groups('The team will first play a friendly.')).toMatchObject([{ text: 'will first play', tense: 'future' }]);
    expect(groups('This is not going to be easy.')).toMatchObject([{ text: 'is not going', tense: 'future', progressive: false }]);
  });

  it('reads the tense the tagger misses right after a subject ("she overlooked", "we know"), but not after a causative', () => {
    expect(groups('In this case, she overlooked the driver.')).toMatchObject([{ text: 'overlooked', tense: 'past' }]);
    expect(groups('Steijn and I understand each other.')).toMatchObject([{ text: 'understand', tense: 'present' }]);
    expect(groups('The man arrested in Paris was released.')).toMatchObject([{ text: 'was released', tense: 'past' }]);
    expect(groups('Let the children play outside.')).toEqual([]);
  });

  it('reads verbs the tagger calls nouns after a subject pronoun, and nothing else as one', () => {
    expect(groups('They travel to Rome every spring.')).toMatchObject([{ text: 'travel', tense: 'present' }]);
    expect(groups('It costs too much.')).toMatchObject([{ text: 'costs', tense: 'present' }]);
    // a compound noun stays a noun
    expect(groups('The company profits that investors expected never came.').map((g) => g.text)).not.toContain('profits');
  });

  it('reads past and present verbs the Brill lexicon takes for participles and nouns, with compromise', () => {
    expect(groups('In extra time Allan made the final score.')).toMatchObject([{ text: 'made', tense: 'past' }]);
    expect(groups('Hershey and Chase used phages to insert their DNA.')).toMatchObject([{ text: 'used', tense: 'past' }]);
    expect(groups('Coalition and Afghan forces move into the area.')).toMatchObject([{ text: 'move', tense: 'present' }]);
    expect(groups('The Consulate opens in 1985.')).toMatchObject([{ text: 'opens', tense: 'present' }]);
  });

  it('reads no finite verb in adjectival participles or after an infinitive marker', () => {
    expect(groups('Rain may breach the already damaged levees.').map((g) => g.text)).toEqual(['may breach']);
    expect(groups('Minor cultures vanish and fail to be recognized as civilizations.').map((g) => g.text)).toEqual(['vanish']);
    expect(groups('Lantagne stated the outbreak was caused by soldiers.').map((g) => g.text)).toEqual(['stated', 'was caused']);
  });

  it('reads a word the lexicon knows only as an adjective as no verb ("is interesting")', () => {
    expect(groups('Mountain hiking is interesting for people who like to walk.')).toMatchObject([{ text: 'is', progressive: false }]);
    expect(groups('The old town is changing fast.')).toMatchObject([{ text: 'is changing', progressive: true }]);
  });

  it('ends a group at punctuation', () => {
    expect(groups('It is, according to the police, a crime.')).toMatchObject([{ text: 'is', progressive: false }]);
  });
});

describe('tense', () => {
  it('flags another tense than the reference as major, another aspect as minor', async () => {
    const past = await analyze(analyzer, 'The company opened a new factory in the north.', ['The company will open a new factory in the north.'], parallel);
    expect(past.flags.map((f) => [f.text, f.severity, f.suggestion])).toEqual([['opened', 'major', 'will open']]);
    const aspect = await analyze(analyzer, 'The company is opening a new factory in the north.', ['The company opens a new factory in the north.'], parallel);
    expect(aspect.flags.map((f) => [f.text, f.severity])).toEqual([['is opening', 'minor']]);
  });

  it('reads present modals and tells the future perfect from the past', async () => {
    const modal = await analyze(analyzer, 'Citizens abroad may have faced other rules.', ['Citizens abroad may face other rules.'], parallel);
    expect(modal.flags.map((f) => f.text)).toEqual(['may have faced']);
    const future = await analyze(analyzer, 'By May, Argentina will have failed to pay its debts.', ['By May, Argentina had failed to pay its debts.'], parallel);
    expect(future.flags.map((f) => [f.text, f.severity])).toEqual([['will have failed', 'major']]);
  });

  it('tells the past perfect from the present perfect ("had been" for "has been")', async () => {
    const a = await analyze(analyzer, 'Apia had been the capital of Samoa since 1959.', ['Apia has been the capital of Samoa since 1959.'], parallel);
    expect(a.flags.map((f) => [f.text, f.severity])).toEqual([['had been', 'major']]);
  });

  it('pairs verbs by meaning, not by position', async () => {
    // The reference's first verb is another event; the MT's verb pairs with "will announce".
    const r = await analyze(analyzer, 'The minister announced new rules, officials said.', ['Officials said the minister will announce new rules.'], parallel);
    expect(r.flags.map((f) => f.text)).toEqual(['announced']);
  });

  it('leaves a form that is past and present alike ("beat", "put") against either time', async () => {
    expect((await analyze(analyzer, 'After we beat the visitors at home, the fans sang.', ['After we defeated the visitors at home, the fans sang.'], parallel)).flags).toEqual([]);
    // A form with one time keeps its flag.
    expect((await analyze(analyzer, 'After we defeat the visitors at home, the fans sang.', ['After we defeated the visitors at home, the fans sang.'], parallel)).flags.map((f) => f.text)).toEqual(['defeat']);
  });

  it('leaves the same tense alone, and perfect against simple past', async () => {
    expect((await analyze(analyzer, 'The firm opened a plant in the north.', ['The company opened a new factory in the north.'], parallel)).flags).toEqual([]);
    expect((await analyze(analyzer, 'The trailer has appeared on the channel.', ['The trailer appeared on the channel.'], parallel)).flags).toEqual([]);
  });
});

describe('verbDisagreement (a sentence-score deviation)', () => {
  const side = async (text: string) => {
    const [e] = await full.embedder.encode([text]);
    return { tokens: tokenize(text), vectors: e!.tokenVectors };
  };
  const of = async (mt: string, ref: string) => verbDisagreement(await side(mt), await side(ref));

  it('is 0 where every reference verb has a counterpart in the same tense and aspect', async () => {
    expect(await of('The firm opened a plant and hired staff.', 'The company opened a factory and hired workers.')).toBe(0);
  });

  it('counts reference verbs dropped or in another tense', async () => {
    const ref = 'The company opened a factory and hired workers.';
    expect(await of('The company will open a factory and hired workers.', ref)).toBeGreaterThan(0);
    expect(await of('The company a factory and hired workers.', ref)).toBeGreaterThan(0);
  });
});
