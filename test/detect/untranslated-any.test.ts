import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { analyze, flagsOn, loadAnalyzer, ofCategory, only, refId } from './helpers.js';

// Issue 18: untranslated words in any source language, with nothing but `npm ci` installed. No bilingual
// dictionary here (the fixture variables point nowhere), so every suggestion comes from the references.
// Invented sentences on a hostage release and a flood.
process.env.MTDIFF_FREEDICT_DE = '/nonexistent/freedict-deu-eng';
process.env.MTDIFF_FREEDICT_FR = '/nonexistent/freedict-fra-eng';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new UntranslatedDetector());
});

const REF = 'The militants released three hostages on Monday after talks with the government.';

describe('words in another script, without any dictionary', () => {
  it.each([
    ['Chinese', 'The militants released three 人质 on Monday after talks with the government.', '人质', /Chinese \(Han script\)/],
    ['Russian', 'The militants released three заложников on Monday after talks with the government.', 'заложников', /Russian \(Cyrillic script\)/],
    ['Greek', 'The militants released three ομήρους on Monday after talks with the government.', 'ομήρους', /Greek \(Greek script\)/],
    ['Arabic', 'The militants released three رهائن on Monday after talks with the government.', 'رهائن', /\(Arabic script\)/],
    ['Korean', 'The militants released three 인질 on Monday after talks with the government.', '인질', /Korean \(Hangul script\)/],
  ])('%s: one major untranslated flag naming the language, the reference word as the fix', async (_name, mt, word, named) => {
    // A source language that has nothing to do with the script: the script decides, not the option.
    const a = await analyze(analyzer, mt, [REF], { sourceLang: 'de', mode: 'parallel' });
    const flags = ofCategory(a, 'untranslated');
    expect(flags.map((f) => f.text)).toEqual([word]);
    expect(flags[0]).toMatchObject({ severity: 'major', start: mt.indexOf(word), suggestion: 'hostages' });
    expect(flags[0]!.message).toMatch(named);
    expect(flags[0]!.evidence).toEqual([{ ref: refId(0), index: 0, text: REF }]);
  });

  it('a word the references use in that script is not flagged (a name quoted in the original)', async () => {
    const a = await analyze(analyzer, 'The newspaper Известия reported the release.', ['The newspaper Известия reported the release on Monday.']);
    expect(ofCategory(a, 'untranslated')).toEqual([]);
  });
});

describe('Latin-script languages from the npm dictionaries, source language detected', () => {
  it('flags a Czech word and says the text is Czech (no --source-lang)', async () => {
    const mt = 'However, the deposit was zaplacena from the account of the company.';
    const a = await analyze(analyzer, mt, ['However, the deposit was paid from the account of the company.'], { mode: 'parallel' });
    const [flag] = flagsOn(a, 'zaplacena', 'untranslated');
    expect(flag).toMatchObject({ severity: 'major', suggestion: 'paid' });
    expect(flag!.message).toMatch(/Czech/);
    expect(a.signature).toContain('|src:auto-cs|');
    expect(a.source).toMatchObject({ lang: 'cs', detected: true });
  });

  it('flags Polish words, one of them by its letters alone', async () => {
    const mt = 'The ministers promised close współpracę with the regional authorities.';
    const a = await analyze(analyzer, mt, ['The ministers promised close cooperation with the regional authorities.'], { mode: 'parallel' });
    expect(flagsOn(a, 'współpracę', 'untranslated')).toHaveLength(1);
    expect(a.source?.lang).toBe('pl');
  });

  it('without a bilingual dictionary the fix for a German word is the aligned reference word', async () => {
    const mt = 'The militants released three geiseln on Monday after talks with the government.';
    const a = await analyze(analyzer, mt, [REF], { mode: 'parallel' });
    const [flag] = flagsOn(a, 'geiseln', 'untranslated');
    expect(flag).toMatchObject({ suggestion: 'hostages', evidence: [{ ref: refId(0), index: 0, text: REF }] });
    expect(flag!.message).toMatch(/German/);
    expect(a.signature).toContain('|src:auto-de|');
  });

  it('a clean English text has no source language and no flags', async () => {
    const a = await analyze(analyzer, REF, [REF], { mode: 'parallel' });
    expect(a.flags).toEqual([]);
    expect(a.signature).toContain('|src:auto-und|');
  });

  it('keeps the signature of a given source language, and warns once when the text contradicts it', async () => {
    const mt = 'The bürgermeister thanked the feuerwehr and the bewohner of the stadt after the hochwasser.';
    const given = await analyze(analyzer, mt, ['The mayor thanked the firefighters and the residents of the town after the flood.'], { sourceLang: 'fr' });
    expect(given.signature).toContain('|src:fr|');
    expect(given.source?.detected).toBe(false);
    expect(given.source?.warnings).toHaveLength(1);
    expect(given.source!.warnings![0]).toMatch(/--source-lang fr .*look German/);
    const right = await analyze(analyzer, mt, ['The mayor thanked the firefighters and the residents of the town after the flood.'], { sourceLang: 'de' });
    expect(right.source?.warnings).toBeUndefined();
  });
});

describe('whole sentences and documents', () => {
  const REFS = ['Floodwater reached the town hall on Monday. The mayor thanked the firefighters for their work.'];

  it('a sentence left in German is one critical flag, not a flag per word', async () => {
    const mt = 'Floodwater reached the town hall on Monday. Der Bürgermeister dankte den Feuerwehrleuten für ihre Arbeit.';
    const a = await analyze(analyzer, mt, REFS, { sourceLang: 'de' });
    const flags = ofCategory(a, 'untranslated');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'critical', sentence: 1, text: 'Der Bürgermeister dankte den Feuerwehrleuten für ihre Arbeit.' });
    expect(flags[0]!.message).toMatch(/^not translated: German/);
  });

  it('an MT that is mostly not English gets one warning', async () => {
    const mt = 'Das Hochwasser erreichte am Montag das Rathaus. Der Bürgermeister dankte den Feuerwehrleuten für ihre Arbeit.';
    const a = await analyze(analyzer, mt, REFS);
    expect(ofCategory(a, 'untranslated').map((f) => f.severity)).toEqual(['critical', 'critical']);
    expect(a.source?.warnings).toHaveLength(1);
    expect(a.source!.warnings![0]).toMatch(/mostly not English \(German\)/);
  });

  it('refuses a reference that is not English, unless told to use it', async () => {
    const zh = '洪水周一到达市政厅。市长感谢消防员的工作。我们很高兴。';
    await expect(analyze(analyzer, 'Floodwater reached the town hall on Monday.', [zh])).rejects.toMatchObject({ code: 'input', message: expect.stringMatching(/reference ref1\.txt is not English \(Chinese\)/) });
    const a = await analyze(analyzer, 'Floodwater reached the town hall on Monday.', [zh], { allowNonEnglishRefs: true });
    expect(a.sentences).toHaveLength(1);
  });
});
