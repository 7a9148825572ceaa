import type { Token } from '../core/types.js';
import { alignedRefs, closestToken, evidenceOf, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { wordHunks } from './word-diff.js';

const NEGATION = /^(not|no|never|none|nobody|nothing|neither|nor|cannot|without)$|n't$/;
/** "non-diabetic": a negation inside the word, which says what "no longer diabetic" says. */
const NEGATED_WORD = /^non-\p{L}/u;
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
    finds: 'meaning reversed: a negation added or dropped ("will not leave" for "will leave")',
    how: 'word diff against a reference sentence with cosine >= 0.9, the negation (with its auxiliary) alone between shared words; against parallel references, a negation on one side of the aligned pair only',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    ctx.mt.sentences.forEach((s, i) => {
      const aligned = alignedRefs(ctx, i);
      const refs = aligned.filter((r) => r.similarity >= ctx.settings.mistranslation.verbatimSimilarity);
      const found = refs.flatMap((ref) => reversals(s.tokens, ref));
      const first = found[0];
      if (!first) {
        // A translation keeps the polarity of its source: against parallel references the clause need not be verbatim.
        const loose = ctx.options.mode === 'parallel' ? looseReversal(s, aligned) : undefined;
        if (loose) flags.push({ ...this.flag(ctx, loose, [loose]), features: { loose: 1, refSim: loose.ref.similarity } });
        return;
      }
      const agreeing = found.filter((f) => f.token === first.token && f.added === first.added);
      flags.push({ ...this.flag(ctx, first, agreeing), features: { loose: 0, refSim: first.ref.similarity } });
    });
    return flags;
  }

  private flag(ctx: DetectContext, r: Reversal, agreeing: Reversal[]): RawFlag {
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
      confidence: 1 - (1 - ctx.settings.polarity.confidence) ** n,
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
  if (hasNegation(a) === hasNegation(b)) return [];
  const negationOnly = (words: Token[]) => words.some((t) => NEGATION.test(t.norm)) && words.every((t) => NEGATION.test(t.norm) || AUX.test(t.norm));
  const out: Reversal[] = [];
  // Only a short change between words both sides share: a clause one side adds is an addition, not a reversal.
  for (const h of wordHunks(a, b).filter((x) => x.bounded)) {
    if (negationOnly(h.mt)) out.push({ token: h.mt.find((t) => NEGATION.test(t.norm))!, ref, added: true, refWord: '' });
    else if (h.mt.length === 0 && negationOnly(h.ref) && a[h.at]) out.push({ token: a[h.at]!, ref, added: false, refWord: h.ref.find((t) => NEGATION.test(t.norm))!.norm });
  }
  return out;
}

/** Whether a sentence negates anything, by a negation word or a negated word: which side negates is what counts. */
function hasNegation(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.word && (NEGATION.test(t.norm) || NEGATED_WORD.test(t.norm)));
}

/**
 * A negation in the MT sentence and in none of its parallel reference sentences (or the other way round). The
 * dropped case is anchored on the MT word whose contextual vector is closest to the word the reference negates.
 */
export function looseReversal(s: EncodedSentence, refs: readonly RefSentence[]): Reversal | undefined {
  if (refs.length === 0) return undefined;
  const mine = hasNegation(s.tokens);
  if (refs.some((r) => hasNegation(r.tokens) === mine)) return undefined;
  const ref = refs[0]!;
  if (mine) return { token: s.tokens.find((t) => t.word && NEGATION.test(t.norm))!, ref, added: true, refWord: '' };
  const at = ref.tokens.findIndex((t) => t.word && NEGATION.test(t.norm));
  // Only a negated word ("non-diabetic") on the reference side: no negation word to give as the fix.
  if (at < 0) return undefined;
  const negated = ref.tokens.slice(at + 1).findIndex((t) => t.word && !AUX.test(t.norm) && !NEGATION.test(t.norm));
  const target = negated < 0 ? undefined : ref.vectors[at + 1 + negated];
  const best = closestToken(s, target);
  return best ? { token: best, ref, added: false, refWord: ref.tokens[at]!.norm } : undefined;
}
