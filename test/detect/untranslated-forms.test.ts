import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { stubAnalyzer } from './stub.js';
import { analyze, ofCategory } from './helpers.js';

// Issue 18, the forms that hid an untranslated word: a word English has only as a name, a short function word,
// a word glued to a figure, an accent English never keeps, a name the source language spells its own way; and the
// names that must stay unflagged. Invented sentences; no bilingual dictionary (fixture variables point nowhere).
process.env.MTDIFF_FREEDICT_DE = '/nonexistent/freedict-deu-eng';
process.env.MTDIFF_FREEDICT_FR = '/nonexistent/freedict-fra-eng';

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = stubAnalyzer(new UntranslatedDetector());
});

const flagged = async (mt: string, ref: string, sourceLang: string) =>
  ofCategory(await analyze(analyzer, mt, [ref], { sourceLang, mode: 'parallel' }), 'untranslated').map((f) => f.text);

describe('forms that used to hide an untranslated word', () => {
  it('a lower-case word English has only capitalised, as a name (Les, Campos), is not English', async () => {
    expect(await flagged('The farmers said que the harvest was late.', 'The farmers said that the harvest was late.', 'fr')).toEqual(['que']);
    expect(await flagged('The farmers left the campos before the storm.', 'The farmers left the fields before the storm.', 'es')).toEqual(['campos']);
  });

  it('a two-letter word English has in no case (Spanish "su") is judged too', async () => {
    expect(await flagged('The mayor thanked su staff for the work.', 'The mayor thanked his staff for the work.', 'es')).toEqual(['su']);
  });

  it('a word glued to a figure is judged by its letters, the span on them alone', async () => {
    const mt = 'The 19jährige striker scored twice.';
    const a = await analyze(analyzer, mt, ['The 19-year-old striker scored twice.'], { sourceLang: 'de', mode: 'parallel' });
    const [f] = ofCategory(a, 'untranslated');
    expect(f).toMatchObject({ text: 'jährige', start: mt.indexOf('jährige') });
  });

  it('a lower-case word with accents English never keeps is foreign even when misspelt beyond the dictionary', async () => {
    expect(await flagged('The plan génèrerait new jobs in the region.', 'The plan would create new jobs in the region.', 'fr')).toEqual(['génèrerait']);
    // Accents alone do not make a word foreign when English has it without them (naïve, café), outside the
    // source language's own dictionary.
    expect(await flagged('The naïve café owner opened early.', 'The naive cafe owner opened early.', 'pl')).toEqual([]);
  });

  it("a name the source language spells its own way, where the reference has another name in the slot", async () => {
    expect(await flagged('The minister travelled to Argentinien and Chile.', 'The minister travelled to Argentina and Chile.', 'de')).toEqual(['Argentinien']);
    expect(await flagged('The minister travelled to Alemania and Chile.', 'The minister travelled to Germany and Chile.', 'es')).toEqual(['Alemania']);
  });
});

describe('names stay names', () => {
  it('the same name with the accent English typing drops (Novak / Novák) is not an exonym', async () => {
    expect(await flagged('The coach Novak praised the team.', 'The coach Novák praised the team.', 'cs')).toEqual([]);
  });

  it('part of a name whose other part the reference keeps, and a name spelt one letter off, are not untranslated', async () => {
    expect(await flagged('Shares of Comercial Mexicana fell.', 'Shares of Commercial Mexicana fell.', 'es')).toEqual([]);
    expect(await flagged('Catri said the cases had doubled.', 'Catry said the cases had doubled.', 'ro')).toEqual([]);
  });

  it("a name several languages' dictionaries list as written is the name's international form, not an exonym", async () => {
    expect(await flagged('The fans of Napoli celebrated in the square.', 'The fans of Naples celebrated in the square.', 'it')).toEqual([]);
  });

  it("a string Hunspell's COMPOUNDRULE merely matches is not a listed word (Swedish)", async () => {
    expect(await flagged('The hatchling left the nest at dawn.', 'The chick left the nest at dawn.', 'sv')).toEqual([]);
  });

  it('a short lower-case word between capitalised ones is a particle of a name', async () => {
    expect(await flagged('The city honoured Charles de Gaulle on Sunday.', 'The city honoured General Gaulle on Sunday.', 'fr')).toEqual([]);
  });
});
