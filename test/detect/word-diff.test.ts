import { describe, expect, it } from 'vitest';
import { wordHunks } from '../../src/detect/word-diff.js';
import { tokenize } from '../../src/segment/tokens.js';

const words = (text: string) => tokenize(text).filter((t) => t.word);
const show = (mt: string, ref: string) =>
  wordHunks(words(mt), words(ref)).map((h) => ({ mt: h.mt.map((t) => t.text).join(' '), ref: h.ref.map((t) => t.text).join(' '), at: h.at, bounded: h.bounded }));

describe('wordHunks', () => {
  it('groups a replacement into one hunk, bounded by shared words', () => {
    expect(show('we will end the job now', 'we will finish the job now')).toEqual([{ mt: 'end', ref: 'finish', at: 2, bounded: true }]);
  });

  it('gives insertions on either side, with the MT position where they stand', () => {
    expect(show('the army will not leave today', 'the army will leave today')).toEqual([{ mt: 'not', ref: '', at: 3, bounded: true }]);
    expect(show('the army will leave today', 'the army will not leave today')).toEqual([{ mt: '', ref: 'not', at: 3, bounded: true }]);
  });

  it('marks a change at either end of the sentence as unbounded', () => {
    expect(show('the army will leave today', 'the army will leave tomorrow')).toEqual([{ mt: 'today', ref: 'tomorrow', at: 4, bounded: false }]);
    expect(show('soldiers will leave today', 'the army will leave today')).toEqual([{ mt: 'soldiers', ref: 'the army', at: 0, bounded: false }]);
  });
});
