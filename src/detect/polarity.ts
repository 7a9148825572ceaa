import type { Token } from '../core/types.js';
import { MISTRANSLATION, POLARITY } from '../config.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';
import { wordHunks } from './word-diff.js';

const NEGATION = /^(not|no|never|none|nobody|nothing|neither|nor|cannot|without)$|n't$/;
/** What a negation brings along: "did not go" for "went". */
const AUX = /^(do|does|did|is|are|was|were|will|would|can|could|has|have|had)$/;

interface Reversal {
  /** The MT negation, or the MT word the reference's negation stands next to. */
  token: Token;
  ref: RefSentence;
  /** true: the MT adds a negation; false: it drops the reference's. */
  added: boolean;
  refWord: string;
}

/**
 * Meaning reversed: a negation on one side only of a near-verbatim sentence pair. Sentence embeddings barely
 * see negation ("he will" and "he will not" sit at cosine 0.9 and more), so the word diff has to.
 */
export class PolarityDetector implements Detector {
  readonly id = 'polarity';
  readonly meta: DetectorMeta = {
    id: 'polarity',
    finds: 'meaning reversed: a negation added or dropped ("will not leave" for "will leave")',
    how: 'word diff against a reference sentence with cosine >= 0.9, the negation (with its auxiliary) alone between shared words',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    ctx.mt.sentences.forEach((s, i) => {
      const refs = alignedRefs(ctx, i).filter((r) => r.similarity >= MISTRANSLATION.verbatimSimilarity);
      const found = refs.flatMap((ref) => reversals(s.tokens, ref));
      const first = found[0];
      if (!first) return;
      const agreeing = found.filter((f) => f.token === first.token && f.added === first.added);
      flags.push(this.flag(first, agreeing));
    });
    return flags;
  }

  private flag(r: Reversal, agreeing: Reversal[]): RawFlag {
    const n = new Set(agreeing.map((a) => a.ref.ref)).size;
    const refs = n > 1 ? `${n} nearly identical reference sentences` : 'a nearly identical reference sentence';
    const message = r.added
      ? `'${r.token.text}' reverses the meaning: ${refs} say the same without a negation.`
      : `The negation is missing here: ${refs} say '${r.refWord} ${r.token.text}'.`;
    return {
      start: r.token.start,
      end: r.token.end,
      text: r.token.text,
      category: 'mistranslation',
      severity: 'critical',
      confidence: 1 - (1 - POLARITY.confidence) ** n,
      message,
      ...(r.added ? {} : { suggestion: `${r.refWord} ${r.token.text}` }),
      evidence: agreeing.map((a) => evidenceOf(a.ref)),
      detector: this.id,
    };
  }
}

/** Negations the word diff shows on one side only, with the identical words around them on both. */
export function reversals(mtTokens: Token[], ref: RefSentence): Reversal[] {
  const a = mtTokens.filter((t) => t.word);
  const b = ref.tokens.filter((t) => t.word);
  if (a.some((t) => NEGATION.test(t.norm)) === b.some((t) => NEGATION.test(t.norm))) return [];
  const negationOnly = (words: Token[]) => words.some((t) => NEGATION.test(t.norm)) && words.every((t) => NEGATION.test(t.norm) || AUX.test(t.norm));
  const out: Reversal[] = [];
  // Only a short change between words both sides share: a clause one side adds is an addition, not a reversal.
  for (const h of wordHunks(a, b).filter((x) => x.bounded)) {
    if (negationOnly(h.mt)) out.push({ token: h.mt.find((t) => NEGATION.test(t.norm))!, ref, added: true, refWord: '' });
    else if (h.mt.length === 0 && negationOnly(h.ref) && a[h.at]) out.push({ token: a[h.at]!, ref, added: false, refWord: h.ref.find((t) => NEGATION.test(t.norm))!.norm });
  }
  return out;
}
