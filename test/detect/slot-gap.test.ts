import { describe, expect, it } from 'vitest';
import { slotFeatures, slotGap } from '../../src/detect/slot-gap.js';
import type { EncodedSentence } from '../../src/detect/types.js';
import { tokenize } from '../../src/segment/tokens.js';

function sentence(text: string): EncodedSentence {
  const tokens = tokenize(text, 0);
  return { sentence: { index: 0, start: 0, end: text.length, text, paragraph: 0 }, tokens, vectors: tokens.map(() => null), vector: new Float32Array(1) };
}

const at = (s: EncodedSentence, word: string) => s.tokens.findIndex((t) => t.text === word);

describe('slotGap', () => {
  it('finds a dropped word: its neighbours stand side by side in the other sentence', () => {
    const ref = sentence('The president signed the law on Monday.');
    const mt = sentence('The president the law on Monday.');
    const k = at(ref, 'signed');
    expect(slotGap(ref, k, k, mt)).toEqual({ anchored: 2, gap: 0 });
    expect(slotFeatures(slotGap(ref, k, k, mt))).toEqual({ anchored: 2, emptySlot: 1, slotWords: 0 });
  });

  it('sees other words in the slot of a paraphrase', () => {
    const ref = sentence('The president signed the law on Monday.');
    const mt = sentence('The president put his name to the law on Monday.');
    const k = at(ref, 'signed');
    expect(slotGap(ref, k, k, mt)).toEqual({ anchored: 2, gap: 4 });
    expect(slotFeatures(slotGap(ref, k, k, mt)).emptySlot).toBe(0);
  });

  it('counts one anchor at a sentence edge and none when the neighbours are reworded', () => {
    const ref = sentence('Officials confirmed the deal.');
    expect(slotGap(ref, 0, 0, sentence('They confirmed the deal.'))).toEqual({ anchored: 1, gap: -1 });
    const mid = at(ref, 'confirmed');
    expect(slotGap(ref, mid, mid, sentence('A spokesman approved an agreement.'))).toEqual({ anchored: 0, gap: -1 });
  });

  it('takes the occurrence nearest in relative position when a neighbour repeats', () => {
    const ref = sentence('The army said the talks and the truce would go on.');
    const mt = sentence('The army said the talks the truce would go on.');
    const k = at(ref, 'and');
    expect(slotGap(ref, k, k, mt).gap).toBe(0);
  });
});
