import type { Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { alignedRefs, evidenceOf, nearestWords, type RefSentence } from './context.js';
import { antonymStems } from './lexicon/antonyms.js';
import { negatedBefore } from './negation.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

/**
 * Comparable articles may contrast ("prices rose here, fell there"); only a sentence this close to ours says the
 * same thing, so its antonym reverses ours. Prior; parallel references are translations of the same sentence.
 */
const COMPARABLE_SIMILARITY = 0.75;

interface Hit {
  token: Token;
  ref: RefSentence;
  refToken: Token;
}

/**
 * The stems a word is looked up by: its own, and for a comparative or superlative its base's ("lowest" -> low,
 * "bigger" -> big, "happier" -> happy), which WordNet lists without the degree.
 */
function keys(norm: string): string[] {
  const out = [stem(norm)];
  const degree = /^(\p{L}{2,}?)(er|est)$/u.exec(norm);
  if (degree) {
    const base = degree[1]!;
    const bases = [base, `${base}e`, base.replace(/i$/u, 'y'), base.replace(/(\p{L})\1$/u, '$1')];
    for (const b of bases) if (b.length >= 2 && !out.includes(stem(b))) out.push(stem(b));
  }
  return out;
}

/**
 * Whether `token` is one of the two MT words closest to a reference word's vector: contextual vectors rank a word's
 * neighbour about as close as its counterpart ("level" 0.53, "lowest" 0.52 for "highest").
 */
function closeTo(s: EncodedSentence, v: Float32Array | null | undefined, token: Token): boolean {
  return nearestWords(s, v, 2).includes(token);
}

function antonymIn(s: EncodedSentence, refs: readonly RefSentence[]): Hit[] {
  const table = antonymStems();
  const mtStems = new Set(s.tokens.filter((t) => t.word).flatMap((t) => keys(t.norm)));
  const hits: Hit[] = [];
  for (const token of s.tokens) {
    if (!token.word || !/^\p{L}{3,}$/u.test(token.text)) continue;
    const own = keys(token.norm);
    const opposites = new Set(own.flatMap((k) => [...(table.get(k) ?? [])]));
    if (!opposites.size) continue;
    for (const ref of refs) {
      const refKeys = ref.tokens.map((t) => (t.word ? keys(t.norm) : []));
      if (own.some((k) => refKeys.some((ks) => ks.includes(k)))) continue;
      // Same slot: the MT word is one of the reference antonym's two closest words ("refused ...
      // accepted" against "declined ... took up" pairs "declined" with "refused", not with "accepted").
      const refToken = ref.tokens.find(
        (_, k) => refKeys[k]!.some((x) => opposites.has(x)) && !refKeys[k]!.some((x) => mtStems.has(x)) && closeTo(s, ref.vectors[k], token),
      );
      if (!refToken) continue;
      // "a little weak" for "not strong": a negated antonym says the same thing.
      if (negatedBefore(ref.tokens, ref.tokens.indexOf(refToken)) !== negatedBefore(s.tokens, s.tokens.indexOf(token))) continue;
      hits.push({ token, ref, refToken });
      break;
    }
  }
  return hits;
}

/**
 * Meaning reversed by an antonym: an MT word whose WordNet antonym the aligned reference sentence uses, while
 * the reference has the MT word nowhere and the MT lacks the antonym ("won" where the reference says "lost").
 */
export class AntonymDetector implements Detector {
  readonly id = 'antonym';
  readonly meta: DetectorMeta = {
    finds: 'a word replaced by its opposite ("increased" for "decreased", "old" for "new")',
    how: 'WordNet antonym pairs widened to their synsets (models/antonyms.tsv), matched by stem and by the base of comparatives: the aligned reference sentence has the antonym in the same slot (the MT word is one of its two closest by contextual vectors) and not the word, the MT has the word and not the antonym; comparable references only when the sentences are close (cosine >= 0.75)',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return ctx.mt.sentences.flatMap((s, i) => {
      const refs = alignedRefs(ctx, i).filter((r) => ctx.options.mode === 'parallel' || r.similarity >= COMPARABLE_SIMILARITY);
      return antonymIn(s, refs).map(({ token, ref, refToken }) => ({
        start: token.start,
        end: token.end,
        text: token.text,
        category: 'mistranslation' as const,
        severity: 'critical' as const,
        confidence: 0.6,
        message: `'${token.text}' says the opposite of the reference, which has '${refToken.text}'.`,
        suggestion: token.text === token.norm ? refToken.norm : refToken.text,
        evidence: [evidenceOf(ref)],
        detector: this.id,
        features: { refSim: ref.similarity },
      }));
    });
  }
}
