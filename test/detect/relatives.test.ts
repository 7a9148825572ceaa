import { describe, expect, it } from 'vitest';
import { relativeShare } from '../../src/detect/relatives.js';
import { tokenize } from '../../src/segment/tokens.js';

const words = (text: string) => tokenize(text);

describe('relativeShare', () => {
  it('is the share of the words with a WordNet relative on the other side', () => {
    expect(relativeShare(words('static'), words('They are still and hugging.'))).toBe(1);
    expect(relativeShare(words('static mime'), words('They are still and hugging.'))).toBe(0.5);
    expect(relativeShare(words('lost'), words('The team won the final.'))).toBe(0);
  });

  it('is 0 for no words with letters', () => {
    expect(relativeShare(words('42 ,'), words('The team won.'))).toBe(0);
  });
});
