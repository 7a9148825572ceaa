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
        const before = ctx.aligned.findLast((s) => s.matches.some((m) => m.ref === ref.id && (m.merged ?? m.index) < j)) ?? ctx.aligned[0];
        if (!before) continue;
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
    for (const s of ctx.aligned) {
      if (s.matches.length > 0 && s.similarity >= ctx.settings.align.supportThreshold) continue;
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
    }
    return flags;
  }
}
