import type { Evidence } from '../core/types.js';
import { stem } from '../segment/stem.js';
import type { DetectContext, EncodedSentence } from './types.js';

/** Reference sentences where the two stems occur within `window` words of each other, one per reference. */
export function collocations(ctx: DetectContext, a: string, b: string, window: number): Evidence[] {
  const out: Evidence[] = [];
  for (const ref of ctx.refs) {
    const hit = ref.sentences.find((s) => near(s, a, b, window));
    if (hit) out.push({ ref: ref.id, index: hit.sentence.index, text: hit.sentence.text });
  }
  return out;
}

export function near(s: EncodedSentence, a: string, b: string, window: number): boolean {
  const words = s.tokens.filter((t) => t.word).map((t) => stem(t.norm));
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== a) continue;
    for (let j = Math.max(0, i - window); j <= Math.min(words.length - 1, i + window); j++) if (j !== i && words[j] === b) return true;
  }
  return false;
}
