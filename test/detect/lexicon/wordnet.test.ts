import { describe, expect, it } from 'vitest';
import { relatedStems } from '../../../src/detect/lexicon/wordnet.js';
import { stem } from '../../../src/segment/stem.js';

const related = (a: string, b: string) => relatedStems(stem(a), stem(b));

describe('WordNet relations (models/wordnet-relations.tsv)', () => {
  it('relates words of one synset, in either order and any inflection', () => {
    expect(related('static', 'still')).toBe(true);
    expect(related('still', 'static')).toBe(true);
    expect(related('consuming', 'eating')).toBe(true);
  });

  it('relates words one link apart (a hypernym, a derivation)', () => {
    expect(related('batches', 'groups')).toBe(true);
    expect(related('decision', 'decide')).toBe(true);
  });

  it('never relates antonyms, unrelated words, equal stems or words WordNet lacks', () => {
    expect(related('won', 'lost')).toBe(false);
    expect(related('increase', 'decrease')).toBe(false);
    expect(related('banana', 'parliament')).toBe(false);
    expect(related('bridge', 'bridges')).toBe(false);
    expect(related('qwzxv', 'still')).toBe(false);
  });
});
