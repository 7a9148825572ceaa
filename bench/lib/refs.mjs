import { splitSentences } from '../../dist/segment/sentences.js';
import { tokenize } from '../../dist/segment/tokens.js';

/**
 * What the references say about words, for choosing injections the references can judge: the vocabulary,
 * and per word how many references capitalise it mid-sentence and whether any writes it in lower case.
 */
export function referenceFacts(texts) {
  const words = new Set();
  const capitalisedIn = new Map();
  const lower = new Set();
  texts.forEach((text, r) => {
    for (const s of splitSentences(text)) {
      const tokens = tokenize(s.text, s.start).filter((t) => t.word);
      tokens.forEach((t, k) => {
        // A possessive counts for the name too ("Trump's" is evidence for "Trump").
        for (const norm of new Set([t.norm, t.norm.replace(/'s$/, '')])) {
          words.add(norm);
          if (t.text === t.norm) lower.add(norm);
          if (k > 0 && /^\p{Lu}/u.test(t.text)) {
            const refs = capitalisedIn.get(norm) ?? new Set();
            refs.add(r);
            capitalisedIn.set(norm, refs);
          }
        }
      });
    }
  });
  return {
    words,
    lower,
    /** Number of references that capitalise the word somewhere other than a sentence start. */
    capitalisedRefs: (norm) => capitalisedIn.get(norm)?.size ?? 0,
  };
}
