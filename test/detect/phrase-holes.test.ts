import { describe, expect, it } from 'vitest';
import { phraseHoles } from '../../src/detect/phrase-holes.js';
import { tokenize } from '../../src/segment/tokens.js';

/** The holes of a sentence as "left right kind". */
function holes(text: string): string[] {
  const tokens = tokenize(text, 0);
  return phraseHoles(tokens).map((h) => `${tokens[h.left]!.text} ${tokens[h.right]!.text} ${h.kind}`);
}

describe('phraseHoles', () => {
  it('finds an article or possessive with no head noun', () => {
    expect(holes('The engineers repaired the of the old mill.')).toEqual(['the of noun']);
    expect(holes('The league began its on Monday.')).toEqual(['its on noun']);
    expect(holes('Since the opened in spring, visitors have come.')).toEqual([]);
    expect(holes('Since the was opened in spring, visitors have come.')).toEqual(['the was noun']);
  });

  it('finds a preposition with no object, a clause with no subject and an auxiliary with no verb', () => {
    expect(holes('The share of and the cost rose.')).toEqual(['of and object']);
    expect(holes('He stayed home because was raining.')).toEqual(['because was subject']);
    expect(holes("I don't if the train is late.")).toEqual(["don't if verb"]);
    expect(holes('She said he the contract on Friday.')).toEqual(['he the verb']);
  });

  it('leaves grammatical English alone', () => {
    for (const ok of [
      'The injured were taken to the hospital.',
      'They may each have a different view.',
      'The city, which he had left in May, was rebuilt.',
      'What is it made of?',
      'The talks ended without agreement, and the strike went on.',
      'She is taller than he.',
      'The US and the EU signed the deal.',
      'It was the first of many visits.',
      'Prices rose by around 5 percent, which few had expected.',
      'When asked, he said nothing.',
      'He and I went to the match.',
      'It will take a while to repair.',
      'The tower has a height of at least 90 metres.',
      'Trains run with and without drivers.',
      "What the engineers didn't expect though was the cold.",
      'She protested, as her mother did with the first law.',
    ]) expect(holes(ok), ok).toEqual([]);
  });

  it('reads only adjacent tokens: a quotation mark between two words keeps them apart', () => {
    expect(holes('He called it the "of" problem.')).toEqual([]);
  });
});
