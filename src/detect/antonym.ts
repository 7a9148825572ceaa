import type { Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import { antonymStems } from './lexicon/antonyms.js';
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

function antonymIn(s: EncodedSentence, refs: readonly RefSentence[]): Hit[] {
  const table = antonymStems();
  const mtStems = new Set(s.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
  const hits: Hit[] = [];
  for (const token of s.tokens) {
    if (!token.word || !/^\p{L}{3,}$/u.test(token.text)) continue;
    const opposites = table.get(stem(token.norm));
    if (!opposites) continue;
    for (const ref of refs) {
      const refStems = new Set(ref.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
      if (refStems.has(stem(token.norm))) continue;
      const refToken = ref.tokens.find((t) => t.word && opposites.has(stem(t.norm)) && !mtStems.has(stem(t.norm)));
      if (refToken) {
        hits.push({ token, ref, refToken });
        break;
      }
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
    how: 'WordNet antonym pairs (models/antonyms.tsv), matched by stem: the aligned reference sentence has the antonym and not the word, the MT has the word and not the antonym; comparable references only when the sentences are close (cosine >= 0.75)',
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
