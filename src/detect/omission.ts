import { closestToken, evidenceOf, perAlignedSentence, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { unmatchedWords } from './unmatched.js';
import { relativeShare } from './relatives.js';
import { slotFeatures, slotGap } from './slot-gap.js';
import { dot } from '../embed/vectors.js';

/**
 * How firmly another reference word holds the MT word closest to reference word k: that MT word's best cosine to
 * any other reference word minus its cosine to k. A paraphrase of k is closest to k itself (0 or below); where
 * k was dropped, its nearest MT word is a neighbour that renders its own reference word (well above 0).
 */
function claimedBy(ref: RefSentence, k: number, s: EncodedSentence): number {
  const v = ref.vectors[k];
  if (!v) return 0;
  let best = -1;
  let t = -1;
  s.tokens.forEach((tok, j) => {
    const w = s.vectors[j];
    const d = tok.word && w ? dot(v, w) : -1;
    if (d > best) [best, t] = [d, j];
  });
  const w = t >= 0 ? s.vectors[t] : null;
  if (!w) return 0;
  let other = -1;
  ref.tokens.forEach((tok, j) => {
    const u = ref.vectors[j];
    if (j !== k && tok.word && u) other = Math.max(other, dot(w, u));
  });
  return other - best;
}

/**
 * Omissions inside a sentence: content words of the parallel reference sentence that the MT renders nowhere
 * (no stem match and a weak best contextual-vector match: BERTScore's recall side, on content words). The flag
 * sits on the MT word next to where the missing words belong; the fix inserts them.
 */
export class OmissionDetector implements Detector {
  readonly id = 'omission';
  readonly meta: DetectorMeta = {
    finds: 'words of the reference the translation leaves out ("the old bridge" for "the old stone bridge"; parallel references only)',
    how: 'reference content words with no stem match and a weak best contextual-vector match in the MT sentence, placed next to the MT word their neighbour aligns to; a WordNet near relative among the MT words lowers the confidence',
    categories: ['omission'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(ctx, (s, refs) => refs.flatMap((ref) => this.missing(ctx, s, ref)), { parallelOnly: true });
  }

  private missing(ctx: DetectContext, s: EncodedSentence, ref: RefSentence): RawFlag[] {
    const asRef: RefSentence = { ...s, ref: ctx.mt.id, similarity: ref.similarity };
    // MT words the reference lacks too: the missing words were likely paraphrased, not dropped.
    const extra = unmatchedWords(s, [ref], ctx.settings.unmatched).length;
    const lengthRatio = s.tokens.filter((t) => t.word).length / Math.max(1, ref.tokens.filter((t) => t.word).length);
    return unmatchedWords(ref, [asRef], ctx.settings.unmatched).flatMap((run) => {
      const first = run.ks[0]!;
      const last = run.ks[run.ks.length - 1]!;
      const words = ref.sentence.text.slice(ref.tokens[first]!.start - ref.sentence.start, ref.tokens[last]!.end - ref.sentence.start);
      const before = ref.tokens.slice(0, first).findLastIndex((t) => t.word);
      const after = ref.tokens.findIndex((t, k) => k > last && t.word);
      const anchor = closestToken(s, before >= 0 ? ref.vectors[before] : ref.vectors[after]);
      if (!anchor) return [];
      const claimed = Math.min(...run.ks.map((k) => claimedBy(ref, k, s)));
      const name = run.ks.some((k) => k > 0 && /^\p{Lu}/u.test(ref.tokens[k]!.text) && ref.tokens.findIndex((t) => t.word) !== k);
      return [
        {
          start: anchor.start,
          end: anchor.end,
          text: anchor.text,
          category: 'omission' as const,
          severity: name ? ('critical' as const) : ('major' as const),
          confidence: 0.3,
          message: `'${words}' in the reference is missing from the translation.`,
          suggestion: before >= 0 ? `${anchor.text} ${words}` : `${words} ${anchor.text}`,
          evidence: [evidenceOf(ref)],
          detector: this.id,
          features: {
            claimed,
            tokenSim: run.similarity,
            runWords: run.ks.length,
            capital: name ? 1 : 0,
            refSim: ref.similarity,
            extra,
            lengthRatio,
            related: relativeShare(run.ks.map((k) => ref.tokens[k]!), s.tokens),
            ...slotFeatures(slotGap(ref, first, last, s)),
          },
        },
      ];
    });
  }
}
