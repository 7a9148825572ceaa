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
  if (!existsSync(`${ENG_DEU}.index`)) throw new Error(`${ENG_DEU}.index is missing: apt-get install -y dict-freedict-eng-deu`);
  return {
    knows: (word) => speller.correct(word),
    german: new GermanDictionary(),
    wordnet: new WordNet(),
  };
}
