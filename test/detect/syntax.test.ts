import { describe, expect, it } from 'vitest';
import { near, prepositionBetween } from '../../src/detect/collocation.js';
import { conjoinedApart, ofComplement, passiveAntecedent } from '../../src/detect/syntax.js';
import type { EncodedSentence } from '../../src/detect/types.js';
import { posTags } from '../../src/segment/pos.js';
import { tokenize } from '../../src/segment/tokens.js';

// The shallow syntax behind the mistranslation detector's "same slot" (src/detect/syntax.ts, collocation.ts).
describe('object anchors and preposition links', () => {
  it('finds the passive antecedent only for a passive participle after a relative pronoun', () => {
    const at = (text: string, word: string, tag = 'VBN') => {
      const tokens = tokenize(text);
      const k = tokens.findIndex((t) => t.norm === word);
      const found = passiveAntecedent(tokens, { k, tag });
      return found === undefined ? undefined : tokens[found]!.text;
    };
    expect(at('the prisoners that had recently been released', 'released')).toBe('prisoners');
    expect(at('the prisoners who were released', 'released')).toBe('prisoners');
    // Active voice: the relative clause has its own subject, so the noun is not the object.
    expect(at('the prisoners that he had recently released', 'released')).toBeUndefined();
    expect(at('the prisoners that had recently been released', 'released', 'VBD')).toBeUndefined();
  });

  it('finds the of-phrase head past determiners and adjectives, and only after a common noun', () => {
    const at = (text: string, word: string) => {
      const tokens = tokenize(text);
      const tags = posTags(tokens);
      const k = tokens.findIndex((t) => t.norm === word);
      const found = ofComplement(tokens, tags, { k, tag: tags[k]! });
      return found === undefined ? undefined : tokens[found]!.text;
    };
    expect(at('the publication of the remaining prisoners', 'publication')).toBe('prisoners');
    expect(at('the release of three hostage families on Monday', 'release')).toBe('families');
    expect(at('the release on Monday', 'release')).toBeUndefined();
    expect(at('they spoke of peace', 'spoke')).toBeUndefined();
  });

  it('keeps a verb with a preposition apart from a verb with a direct object ("commented on threats", "issued threats")', () => {
    const sentence = (text: string) => ({ tokens: tokenize(text) }) as unknown as EncodedSentence;
    const issued = sentence('The rebels issued new threats against the city.');
    expect(near(issued, 'issu', 'threat', 3)).toBe(true);
    expect(near(issued, 'issu', 'threat', 3, false)).toBe(true);
    expect(near(issued, 'issu', 'threat', 3, true)).toBe(false);
    expect(near(sentence('They commented on the threats.'), 'comment', 'threat', 3, true)).toBe(true);
    // "of" after a quantifier belongs to the noun phrase: "release all of the hostages" is verb + object.
    expect(near(sentence('Release all of the hostages now.'), 'releas', 'hostag', 4, false)).toBe(true);
    expect(prepositionBetween(tokenize('the release of the hostages').filter((t) => t.word), 1, 4)).toBe(true);
  });

  it('tells words in different conjuncts apart ("hostages and the achievement")', () => {
    const tokens = tokenize('release all hostages and the achievement of a truce');
    const at = (w: string) => tokens.findIndex((t) => t.norm === w);
    expect(conjoinedApart(tokens, at('hostages'), at('achievement'))).toBe(true);
    expect(conjoinedApart(tokens, at('release'), at('hostages'))).toBe(false);
    expect(conjoinedApart(tokens, at('achievement'), at('truce'))).toBe(false);
  });
});
