import type { Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import { isContentTag, posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import type { RefSentence } from './context.js';
import { editDistance } from './lexicon/distance.js';
import { knowsForm } from './lexicon/english.js';
import type { Speller } from './lexicon/spell.js';
import type { DetectContext, EncodedSentence } from './types.js';

/** A reference word in the slot supports the reading as much as a bilingual dictionary's entry would. Prior. */
export const SLOT_BONUS = 0.1;

export interface SlotWord {
  /** The reference word, in the form the reference uses (a name keeps its capital). */
  word: string;
  ref: RefSentence;
  similarity: number;
  /** Spelt nearly as the MT word (cognateIn). */
  cognate?: boolean;
  /** Found between the MT word's neighbours in a parallel reference, not by vector alone. */
  bracketed?: boolean;
}

/**
 * The reference word in the same slot as an MT token the translation left in another language: the greedy
 * (BERTScore max) match of the token's contextual vector among the aligned reference sentences' content words that
 * the MT sentence lacks. A word left untranslated is a word whose English the MT lacks, and its context, not its
 * foreign spelling, is what the English model can read; so only absent content words are candidates.
 */
export function slotWord(ctx: DetectContext, s: EncodedSentence, token: Token, refs: readonly RefSentence[], anyClass = false): SlotWord | undefined {
  const k = s.tokens.indexOf(token);
  const vector = k >= 0 ? s.vectors[k] : undefined;
  if (!vector) return undefined;
  const mtStems = new Set(s.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
  // Only a translation of the same source keeps the MT's word order; comparable articles merely share words.
  const between = ctx.options.mode === 'parallel' ? bracketed(ctx, s, k, refs, mtStems, vector) : undefined;
  if (between) return between;
  let best: SlotWord | undefined;
  for (const ref of refs) {
    const tags = posTags(ref.tokens);
    ref.tokens.forEach((t, j) => {
      const v = ref.vectors[j];
      if (!v || !t.word || !/^\p{L}{2,}$/u.test(t.text) || mtStems.has(stem(t.norm))) return;
      // Number words too when asked (Drei -> three); never other function words, which any slot has nearby.
      const open = isContentTag(tags[j]) && t.text.length >= 3 && !AUXILIARY.test(t.norm) && !CLOSED.test(t.norm);
      if (!open && !(anyClass && tags[j] === 'CD')) return;
      const similarity = dot(vector, v);
      if (!best || similarity > best.similarity) best = { word: refForm(ctx, t), ref, similarity };
    });
  }
  return best;
}

/** The longest gap between anchors that still reads as one slot (a word and its modifiers). */
const MAX_GAP = 4;

/**
 * The slot by its neighbours: the nearest MT words left and right of the token that the reference sentence has
 * too, in that order, bracket the reference words that translate it ("acid and 三聚氰胺 were" / "acid and melamine
 * were"). Among the bracketed words the MT lacks, the one whose vector is closest.
 */
function bracketed(ctx: DetectContext, s: EncodedSentence, k: number, refs: readonly RefSentence[], mtStems: Set<string>, vector: Float32Array): SlotWord | undefined {
  let best: SlotWord | undefined;
  for (const ref of refs) {
    const words = ref.tokens.map((t, j) => ({ t, j })).filter((x) => x.t.word);
    const tags = posTags(ref.tokens);
    const left = neighbour(s, k, -1, (n) => words.some((w) => w.t.norm === n));
    const right = neighbour(s, k, 1, (n) => words.some((w) => w.t.norm === n));
    if (left === undefined || right === undefined) continue;
    // Every occurrence of the left neighbour with the right one close after it: a comparable reference repeats
    // "the" and "in" often, and only a tight pair brackets a slot.
    words.forEach((w, from) => {
      if (w.t.norm !== left) return;
      const to = words.findIndex((x, i) => i > from && i <= from + MAX_GAP + 1 && x.t.norm === right);
      if (to < 0) return;
      for (const { t, j } of words.slice(from + 1, to)) {
        const v = ref.vectors[j];
        if (!v || !/^\p{L}{2,}$/u.test(t.text) || mtStems.has(stem(t.norm)) || !slotClass(t, tags[j])) continue;
        const similarity = dot(vector, v);
        if (!best || similarity > best.similarity) best = { word: refForm(ctx, t), ref, similarity, bracketed: true };
      }
    });
  }
  return best;
}

/** Open-class words and number words: what a word left untranslated is, and what its translation is. */
const slotClass = (t: Token, tag: string | undefined): boolean =>
  (isContentTag(tag) && t.text.length >= 3 && !AUXILIARY.test(t.norm) && !CLOSED.test(t.norm)) || tag === 'CD';

/** The nearest word token beside token k (direction -1 or 1) that passes `found`, as its norm. */
function neighbour(s: EncodedSentence, k: number, dir: -1 | 1, found: (norm: string) => boolean): string | undefined {
  for (let j = k + dir; j >= 0 && j < s.tokens.length; j += dir) {
    const t = s.tokens[j]!;
    if (t.word && found(t.norm)) return t.norm;
  }
  return undefined;
}

/** Lower case unless the references capitalise the word mid-sentence (a name). */
function refForm(ctx: DetectContext, t: Token): string {
  return (ctx.index.capitalisedMid.get(t.norm) ?? 0) > (ctx.index.lowerCount.get(t.norm) ?? 0) ? t.text : t.norm;
}

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A reference word the MT word is a cognate of (Koalition/coalition, Präsident/President): the translation the
 * English reader needed, spelt nearly alike. Names stand in the references exactly as written, so they never get here.
 */
export function cognateIn(refs: readonly RefSentence[], word: string, english: readonly Speller[]): SlotWord | undefined {
  const w = fold(word);
  const limit = w.length >= 7 ? 2 : 1;
  for (const ref of refs)
    for (const t of ref.tokens) {
      const r = fold(t.text);
      // A common English word (lower-case in the dictionary), not a transliterated name (Dowden/Dauden).
      if (!t.word || r === w || Math.abs(r.length - w.length) > limit || !knowsForm(english, t.norm)) continue;
      if (editDistance(r, w) <= limit) return { word: t.norm, ref, similarity: 1, cognate: true };
    }
  return undefined;
}
