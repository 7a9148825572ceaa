import { existsSync } from 'node:fs';
import { loadSpeller } from '../../dist/detect/lexicon/spell.js';
import { ENG_DEU, GermanDictionary } from './german.mjs';
import { WordNet } from './wordnet.mjs';

/**
 * Everything the generator looks words up in, loaded once: the English speller (to keep only real English
 * forms and to reject German words that are English too), FreeDict English->German, WordNet.
 */
export async function loadLexicons() {
  const speller = await loadSpeller('dictionary-en');
  if (!speller) throw new Error('dictionary-en is not installed');
  // MTDIFF_FREEDICT_EN_DE: another English->German dictd file (the tests use a small fixture).
  const engDeu = process.env.MTDIFF_FREEDICT_EN_DE ?? ENG_DEU;
  if (!existsSync(`${engDeu}.index`)) throw new Error(`${engDeu}.index is missing: apt-get install -y dict-freedict-eng-deu (optional extra, README)`);
  return {
    knows: (word) => speller.correct(word),
    german: new GermanDictionary(engDeu),
    wordnet: new WordNet(),
  };
}
