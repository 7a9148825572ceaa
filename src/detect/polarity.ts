import type { Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { alignedRefs, closestWord, evidenceOf, joinedRefs, nearestWords, type RefSentence } from './context.js';
import { antonymStems } from './lexicon/antonyms.js';
import { affixNegated, AUX, hasNegation, NEGATION, negatedAfter, negates } from './negation.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { wordHunks } from './word-diff.js';

/**
 * Below this cosine the negated word has no counterpart on the other side: that side lacks the clause (an
 * omission or an addition, for the coverage detectors), which reverses nothing.
 */
const MIN_COUNTERPART = 0.15;

interface Reversal {
  /** The MT negation, or the MT word the reference's negation stands next to. */
  token: Token;
  ref: RefSentence;
  /** true: the MT adds a negation; false: it drops the reference's. */
  added: boolean;
  refWord: string;
  /** Cosine of the negated word to its closest word on the other side: low when that side lacks the clause. */
  counterpart?: number;
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
        const loose = ctx.options.mode === 'parallel' ? looseReversal(s, joinedRefs(ctx, i, aligned)) : undefined;
        if (loose) flags.push({ ...this.flag(ctx, loose, [loose]), features: { loose: 1, refSim: loose.ref.similarity, counterpart: loose.counterpart ?? 0 } });
        return;
      }
      const agreeing = found.filter((f) => f.token === first.token && f.added === first.added);
      flags.push({ ...this.flag(ctx, first, agreeing), features: { loose: 0, refSim: first.ref.similarity, counterpart: 1 } });
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

/** Index (into `tokens`) of the first negation that reverses what follows, or -1. */
function negationAt(tokens: readonly Token[]): number {
  const words = tokens.filter((t) => t.word);
  const k = words.findIndex((_, j) => negates(words, j));
  return k < 0 ? -1 : tokens.indexOf(words[k]!);
}

/**
 * The other side says the negated word's negation another way: by an affix ("no doubt" / "undoubtedly", "not
 * able" / "unable") or by its antonym ("not strong enough" / "a little weak").
 */
function negatedOtherwise(word: Token, v: Float32Array | null | undefined, others: readonly EncodedSentence[]): boolean {
  const st = stem(word.norm);
  const opposites = antonymStems().get(st) ?? new Set<string>();
  // The other side has the word itself ("does not lead" / "leads ... Brazil follows"): it says it plainly.
  if (others.some((o) => o.tokens.some((t) => t.word && stem(t.norm) === st))) return false;
  // In the negated word's slot only: "not dark ... all day" has "day" (an antonym of "dark") elsewhere.
  return others.some((o) => nearestWords(o, v, 2).some((t) => affixNegated(t.norm).includes(st) || opposites.has(stem(t.norm))));
}


/**
 * A negation in the MT sentence and in none of its parallel reference sentences (or the other way round),
 * unless the other side negates the same word by an affix or an antonym. The dropped case is anchored on the
 * MT word whose contextual vector is closest to the word the reference negates.
 */
export function looseReversal(s: EncodedSentence, refs: readonly RefSentence[]): Reversal | undefined {
  if (refs.length === 0) return undefined;
  const mine = hasNegation(s.tokens);
  if (refs.some((r) => hasNegation(r.tokens) === mine)) return undefined;
  const ref = refs[0]!;
  if (mine) {
    const at = negationAt(s.tokens);
    // Only a negated word ("non-diabetic") on the MT side: nothing to anchor on.
    if (at < 0) return undefined;
    const w = negatedAfter(s.tokens, at);
    if (w >= 0 && negatedOtherwise(s.tokens[w]!, s.vectors[w], refs)) return undefined;
    const counterpart = w < 0 ? 0 : Math.max(...refs.map((r) => closestWord(r, s.vectors[w])?.sim ?? 0));
    if (counterpart < MIN_COUNTERPART) return undefined;
    return { token: s.tokens[at]!, ref, added: true, refWord: '', counterpart };
  }
  const at = negationAt(ref.tokens);
  // Only a negated word ("non-diabetic") on the reference side: no negation word to give as the fix.
  if (at < 0) return undefined;
  const w = negatedAfter(ref.tokens, at);
  if (w < 0 || negatedOtherwise(ref.tokens[w]!, ref.vectors[w], [s])) return undefined;
  const best = closestWord(s, ref.vectors[w]);
  if (!best || best.sim < MIN_COUNTERPART) return undefined;
  return { token: best.token, ref, added: false, refWord: ref.tokens[at]!.norm, counterpart: best.sim };
}
