import type { Token } from '../core/types.js';
import { isContentTag, posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

const contentStems = (tokens: readonly Token[]): string[] => {
  const tags = posTags(tokens);
  return tokens.flatMap((t, k) => (t.word && /\p{L}{3,}/u.test(t.text) && isContentTag(tags[k]) ? [stem(t.norm)] : []));
};

/**
 * Share of a sentence's content words that the neighbouring sentences of the other side say too. A translation
 * that joins two reference sentences into one ("... a shadow and a black hole can ...") leaves the second
 * unaligned, yet renders it: most of its words are in the sentence the first one aligned to.
 */
function renderedNearby(tokens: readonly Token[], nearby: readonly (readonly Token[])[]): number {
  const mine = contentStems(tokens);
  if (!mine.length) return 1;
  const theirs = new Set(nearby.flatMap(contentStems));
  return mine.filter((w) => theirs.has(w)).length / mine.length;
}

/** At or above this share of its content words in a neighbour, an unaligned sentence was merged, not dropped. */
const MERGED_SHARE = 0.5;

/**
 * Omission and addition, only where references are parallel (a translation of the same source): a reference
 * sentence no MT sentence renders is an omission, an MT sentence no reference sentence supports an addition.
 * With comparable references, an unmatched sentence is only "unsupported" (a field on the sentence), not an error.
 */
export class CoverageDetector implements Detector {
  readonly id = 'coverage';
  readonly meta: DetectorMeta = {
    finds: 'omissions and additions of whole sentences (parallel references only)',
    how: 'unaligned sentences of the monotonic alignment',
    categories: ['omission', 'addition'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    if (ctx.options.mode !== 'parallel') return [];
    const flags: RawFlag[] = [];
    ctx.refs.forEach((ref, r) => {
      for (const j of ctx.unmatched[r] ?? []) {
        const missing = ref.sentences[j]!.sentence;
        // Anchor the omission on the MT sentence aligned to the reference sentence before it.
        const b = ctx.aligned.findLastIndex((s) => s.matches.some((m) => m.ref === ref.id && (m.merged ?? m.index) < j));
        const before = ctx.aligned[Math.max(0, b)];
        if (!before) continue;
        const neighbours = [ctx.mt.sentences[b], ctx.mt.sentences[b + 1]].filter((x) => x !== undefined).map((x) => x.tokens);
        if (renderedNearby(ref.sentences[j]!.tokens, neighbours) >= MERGED_SHARE) continue;
        flags.push({
          start: before.end,
          end: before.end,
          text: '',
          category: 'omission',
          severity: 'major',
          confidence: 0.6,
          message: `The reference sentence ${j + 1} has no counterpart in the translation.`,
          evidence: [{ ref: ref.id, index: j, text: missing.text }],
          detector: this.id,
        });
      }
    });
    ctx.aligned.forEach((s, i) => {
      if (s.matches.length > 0 && s.similarity >= ctx.settings.align.supportThreshold) return;
      // A translation that splits a reference sentence in two: the second half's words are in the neighbour's match.
      const nearby = [ctx.aligned[i - 1], ctx.aligned[i + 1]].flatMap((n) => n?.matches.slice(0, 1) ?? []).flatMap((m) => ctx.refs.find((r) => r.id === m.ref)?.sentences.slice(m.index, (m.merged ?? m.index) + 1) ?? []);
      if (renderedNearby(ctx.mt.sentences[i]!.tokens, nearby.map((x) => x.tokens)) >= MERGED_SHARE) return;
      flags.push({
        start: s.start,
        end: s.end,
        text: s.text,
        category: 'addition',
        severity: 'major',
        confidence: 0.5,
        message: 'No reference sentence corresponds to this sentence.',
        evidence: [],
        detector: this.id,
      });
    });
    return flags;
  }
}
