import type { Evidence, Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import type { DetectContext, EncodedSentence } from './types.js';

const QUANTIFIER = /^(all|some|any|none|most|many|much|each|both|several|few|one|two|three|half|rest|part|more|less|either|neither)$/;
const PREPOSITION = /^(of|on|in|at|to|for|with|by|from|about|into|onto|over|against|under|between|after|before|during|through|without|towards?|upon|within|across|among)$/;

/**
 * Reference sentences where the two stems occur within `window` words of each other, one per reference. With
 * `linked`, only where a preposition stands between them exactly when it does in ours: "commented on threats"
 * and "issued threats" fill different slots of the verb.
 */
export function collocations(ctx: DetectContext, a: string, b: string, window: number, linked?: boolean): Evidence[] {
  const out: Evidence[] = [];
  for (const ref of ctx.refs) {
    const hit = ref.sentences.find((s) => near(s, a, b, window, linked));
    if (hit) out.push({ ref: ref.id, index: hit.sentence.index, text: hit.sentence.text });
  }
  return out;
}

export function near(s: EncodedSentence, a: string, b: string, window: number, linked?: boolean): boolean {
  const tokens = s.tokens.filter((t) => t.word);
  const words = tokens.map((t) => stem(t.norm));
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== a) continue;
    for (let j = Math.max(0, i - window); j <= Math.min(words.length - 1, i + window); j++) {
      if (j === i || words[j] !== b) continue;
      if (linked === undefined || prepositionBetween(tokens, i, j) === linked) return true;
    }
  }
  return false;
}

/** Whether a preposition stands strictly between word positions i and j of a word-token list. */
export function prepositionBetween(words: readonly Token[], i: number, j: number): boolean {
  const [lo, hi] = i < j ? [i, j] : [j, i];
  // "release all of the hostages": "of" after a quantifier belongs to the noun phrase, not to the verb.
  return words.slice(lo + 1, hi).some((t, k) => PREPOSITION.test(t.norm) && !(t.norm === 'of' && QUANTIFIER.test(words[lo + k]?.norm ?? '')));
}
