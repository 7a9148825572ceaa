import { occurrenceEvidence } from './context.js';
import { editDistance } from './lexicon/distance.js';
import { englishSpellers, knowsAny } from './lexicon/english.js';
import type { Occurrence } from './ref-index.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** Shorter words have too many neighbours at one edit; names are the entity detector's. */
const MIN_LENGTH = 4;

/** The reference word nearest in spelling, if it is near enough to be what the MT meant to write. */
function nearest(word: string, words: ReadonlyMap<string, Occurrence[]>): { norm: string; distance: number; occ: Occurrence } | undefined {
  let best: { norm: string; distance: number; occ: Occurrence } | undefined;
  const limit = Math.min(2, Math.floor(word.length / 3));
  for (const [norm, occ] of words) {
    if (Math.abs(norm.length - word.length) > limit || norm === word) continue;
    const distance = editDistance(word, norm);
    if (distance <= limit && (!best || distance < best.distance)) best = { norm, distance, occ: occ[0]! };
  }
  return best;
}

/** "microclimate" beside "microclimates": another form of the same word, which dictionaries often lack; no misspelling. */
export function inflectionOf(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (['s', 'es', 'd', 'ed', 'ing'].some((suffix) => long === short + suffix)) return true;
  return short.endsWith('y') && long === `${short.slice(0, -1)}ies`;
}

/**
 * Misspellings: a lower-case word no English dictionary knows and no reference uses, one or two edits away
 * from a word the references do use ("recieved" for "received", "goverment" for "government").
 */
export class SpellingDetector implements Detector {
  readonly id = 'spelling';
  readonly meta: DetectorMeta = {
    finds: 'misspelt words ("recieved", "goverment")',
    how: 'a lower-case word in neither English Hunspell dictionary nor any reference, within one or two edits (a third of its length) of a reference word, which is the fix',
    categories: ['spelling'],
    modes: ['comparable', 'parallel'],
  };

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const english = await englishSpellers();
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const t of s.tokens) {
        if (!t.word || t.text.length < MIN_LENGTH || !/^\p{Ll}+$/u.test(t.text) || ctx.index.words.has(t.norm)) continue;
        if (knowsAny(english, t.text)) continue;
        const near = nearest(t.norm, ctx.index.words);
        if (!near || inflectionOf(t.norm, near.norm)) continue;
        flags.push({
          start: t.start,
          end: t.end,
          text: t.text,
          category: 'spelling',
          severity: 'minor',
          confidence: 0.7,
          message: `'${t.text}' is not an English word; the reference${ctx.refs.length > 1 ? 's write' : ' writes'} '${near.norm}'.`,
          suggestion: near.norm,
          evidence: [occurrenceEvidence(ctx, near.occ)],
          detector: this.id,
          features: { distance: near.distance, relDistance: near.distance / t.text.length },
        });
      }
    }
    return flags;
  }
}
