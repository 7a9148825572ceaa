import type { Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import type { EncodedDoc } from './types.js';

export interface Occurrence {
  ref: string;
  index: number;
  token: Token;
}

/**
 * What the references say, indexed once per analysis so every detector asks in O(1): which words and stems
 * occur, in how many references, how they are capitalised, which numbers appear.
 */
export class ReferenceIndex {
  /** norm -> occurrences */
  readonly words = new Map<string, Occurrence[]>();
  /** stem -> occurrences */
  readonly stems = new Map<string, Occurrence[]>();
  /** norm -> how often it starts with a capital letter somewhere other than a sentence's first word */
  readonly capitalisedMid = new Map<string, number>();
  /** norm -> how often it is all lower case */
  readonly lowerCount = new Map<string, number>();
  readonly refIds: string[];

  constructor(refs: readonly EncodedDoc[]) {
    this.refIds = refs.map((r) => r.id);
    for (const ref of refs) {
      for (const s of ref.sentences) {
        let first = true;
        for (const token of s.tokens) {
          if (!token.word) continue;
          const occ = { ref: ref.id, index: s.sentence.index, token };
          push(this.words, token.norm, occ);
          push(this.stems, stem(token.norm), occ);
          if (!first && /^\p{Lu}/u.test(token.text)) inc(this.capitalisedMid, token.norm);
          if (token.text === token.norm) inc(this.lowerCount, token.norm);
          first = false;
        }
      }
    }
  }

  /** Number of distinct references that contain this word (by norm). */
  refsWithWord(norm: string): number {
    return new Set((this.words.get(norm) ?? []).map((o) => o.ref)).size;
  }

  refsWithStem(s: string): number {
    return new Set((this.stems.get(s) ?? []).map((o) => o.ref)).size;
  }

  hasWord(norm: string): boolean {
    return this.words.has(norm) || this.stems.has(stem(norm));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inc<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
