import { MERGED_SHARE, renderedNearby } from './context.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/**
 * Omission and addition, only where references are parallel (a translation of the same source): a reference
 * sentence no MT sentence renders is an omission, an MT sentence no reference sentence supports an addition.
 * With comparable references, an unmatched sentence is only "unsupported" (a field on the sentence), not an error.
 */
export class CoverageDetector implements Detector {
  readonly id = 'coverage';
  readonly meta: DetectorMeta = {
    finds: 'omissions and additions of whole sentences (parallel references only)',
    how: 'unaligned sentences of the monotonic alignment, unless a neighbour (or, for an MT sentence, its own weak match) has half of their content words',
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
        const rendered = renderedNearby(ref.sentences[j]!.tokens, neighbours);
        if (rendered >= MERGED_SHARE) continue;
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
          // How much of it the neighbours say after all: a loose rendering is less likely a true omission.
          features: { rendered },
        });
      }
    });
    ctx.aligned.forEach((s, i) => {
      if (s.matches.length > 0 && s.similarity >= ctx.settings.align.supportThreshold) return;
      // A translation that splits a reference sentence in two: the second half's words are in the neighbour's match.
      // Its own weak match counts too: a sentence vector can miss a pair whose words agree ("computing" for
      // "calculation" moves the cosine below the support line while the rest is word for word).
      const nearby = [ctx.aligned[i - 1], s, ctx.aligned[i + 1]].flatMap((n) => n?.matches.slice(0, 1) ?? []).flatMap((m) => ctx.refs.find((r) => r.id === m.ref)?.sentences.slice(m.index, (m.merged ?? m.index) + 1) ?? []);
      const rendered = renderedNearby(ctx.mt.sentences[i]!.tokens, nearby.map((x) => x.tokens));
      if (rendered >= MERGED_SHARE) return;
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
        features: { rendered },
      });
    });
    return flags;
  }
}
