import type { Settings } from '../core/settings.js';
import type { Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import { editDistance } from './lexicon/distance.js';
import { isContentTag, posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import { relativeShare } from './relatives.js';
import { slotFeatures, slotGap } from './slot-gap.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

export interface Unmatched {
  /** Word-token positions in the MT sentence, consecutive up to closed-class words between them. */
  ks: number[];
  /** Highest contextual cosine of any word in the run to any reference word: how unsupported the run is. */
  similarity: number;
  /** The reference word closest to the run's least supported word. */
  closest: Token | undefined;
  ref: RefSentence;
}

/** "that's", "it's", "we're": a pronoun with a contracted auxiliary is a function word, whatever the tagger says. */
const CONTRACTED = /^(i|you|we|they|he|she|it|that|this|there|here|what|who|where|how)['’](s|re|m|ll|ve|d)$/u;

/** Content words of an MT sentence that a parallel reference renders nowhere, neither by stem nor by meaning. */
export function unmatchedWords(s: EncodedSentence, refs: readonly RefSentence[], settings: Pick<Settings['unmatched'], 'maxSimilarity' | 'maxGapWords'>): Unmatched[] {
  const refWords = refs.flatMap((ref) => ref.tokens.map((t, k) => ({ t, v: ref.vectors[k], ref })).filter((x) => x.t.word));
  if (refWords.length === 0) return [];
  const refStems = new Set(refWords.map((x) => stem(x.t.norm)));
  const tags = posTags(s.tokens);
  const hits: { k: number; similarity: number; closest: (typeof refWords)[number] }[] = [];
  s.tokens.forEach((token, k) => {
    const v = s.vectors[k];
    if (!v || !token.word || !/\p{L}{2,}/u.test(token.text) || !isContentTag(tags[k])) return;
    if (AUXILIARY.test(token.norm) || CLOSED.test(token.norm) || CONTRACTED.test(token.norm) || refStems.has(stem(token.norm))) return;
    let best = refWords[0]!;
    let similarity = -1;
    for (const x of refWords) {
      const sim = x.v ? dot(v, x.v) : -1;
      if (sim > similarity) [similarity, best] = [sim, x];
    }
    if (similarity < settings.maxSimilarity) hits.push({ k, similarity, closest: best });
  });
  const runs: Unmatched[] = [];
  for (const h of hits) {
    const last = runs[runs.length - 1];
    const prevK = last?.ks[last.ks.length - 1];
    const gap = prevK === undefined ? [] : s.tokens.slice(prevK + 1, h.k);
    const bridgeable = gap.filter((t) => t.word).length <= settings.maxGapWords && gap.every((t, g) => !t.word || !isContentTag(tags[prevK! + 1 + g]));
    if (last && prevK !== undefined && bridgeable) {
      last.ks.push(h.k);
      if (h.similarity > last.similarity) last.similarity = h.similarity;
    } else runs.push({ ks: [h.k], similarity: h.similarity, closest: h.closest.t, ref: h.closest.ref });
  }
  return runs;
}

/**
 * Mistranslated or added content against a parallel reference (a translation of the same source): MT words
 * whose best BERTScore-style match in the aligned reference sentence is weak. With comparable references most
 * unmatched content is only reported elsewhere, so this detector runs in parallel mode alone.
 */
export class UnmatchedDetector implements Detector {
  readonly id = 'unmatched';
  readonly meta: DetectorMeta = {
    finds: 'mistranslated or added content words (parallel references only)',
    how: 'no stem match and a weak best contextual-vector match in the aligned reference sentence; a WordNet near relative among the reference words (models/wordnet-relations.tsv) lowers the confidence',
    categories: ['mistranslation'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    if (ctx.options.mode !== 'parallel') return [];
    const flags: RawFlag[] = [];
    ctx.mt.sentences.forEach((s, i) => {
      const refs = alignedRefs(ctx, i);
      // Reference words the MT lacks too: the unmatched MT words likely render them in other words.
      const missing = refs.reduce((n, r) => n + unmatchedWords(r, [{ ...s, ref: ctx.mt.id, similarity: r.similarity }], ctx.settings.unmatched).length, 0);
      const refWords = refs.reduce((n, r) => n + r.tokens.filter((t) => t.word).length, 0);
      const lengthRatio = s.tokens.filter((t) => t.word).length / Math.max(1, refWords);
      for (const run of unmatchedWords(s, refs, ctx.settings.unmatched)) {
        const first = s.tokens[run.ks[0]!]!;
        const last = s.tokens[run.ks[run.ks.length - 1]!]!;
        const text = ctx.mt.text.slice(first.start, last.end);
        const closest = run.closest && run.similarity >= ctx.settings.unmatched.suggestSimilarity ? run.closest.text : undefined;
        // One or two letters off a reference word: a misspelling, the spelling detector's.
        if (run.ks.length === 1 && run.closest && editDistance(first.norm, run.closest.norm) <= Math.min(2, Math.floor(first.norm.length / 3))) continue;
        // A name that is not the reference's is a key fact wrong; any other unmatched content changes the meaning.
        const name = /^\p{Lu}/u.test(text) && run.ks[0] !== s.tokens.findIndex((t) => t.word);
        flags.push({
          start: first.start,
          end: last.end,
          text,
          category: 'mistranslation',
          severity: name ? 'critical' : 'major',
          confidence: ctx.settings.unmatched.confidence,
          message: `'${text}' has no counterpart in the reference sentence${closest ? ` (closest: '${closest}')` : ''}.`,
          ...(closest ? { suggestion: closest } : {}),
          evidence: [evidenceOf(run.ref)],
          detector: this.id,
          features: {
            tokenSim: run.similarity,
            runWords: run.ks.length,
            capital: name ? 1 : 0,
            refSim: run.ref.similarity,
            missing,
            lengthRatio,
            related: relativeShare(run.ks.map((k) => s.tokens[k]!), refs.flatMap((r) => r.tokens)),
            ...slotFeatures(slotGap(s, run.ks[0]!, run.ks[run.ks.length - 1]!, run.ref)),
          },
        });
      }
    });
    return flags;
  }
}
