import { occurrenceEvidence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** "long -term", "cross- border": one space on one side of a hyphen inside a compound. */
const BROKEN = /([\p{L}\p{N}]+)( -|- )(\p{L}+)/gu;

/** A stray space inside a hyphenated word; references that write the compound whole confirm it. */
export class HyphenationDetector implements Detector {
  readonly id = 'hyphenation';
  readonly meta: DetectorMeta = {
    finds: 'a hyphen cut loose ("long -term")',
    how: 'a space on one side of a hyphen between words, the joined form confirmed by the references where possible',
    categories: ['punctuation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const m of ctx.mt.text.matchAll(BROKEN)) {
      const [whole, left, gap, right] = m as unknown as [string, string, string, string];
      // "short- and long-term": a suspended hyphen, correct English.
      if (gap === '- ' && /^(and|or|to)$/i.test(right)) continue;
      const fixed = `${left}-${right}`;
      const confirmed = ctx.index.words.has(fixed.toLowerCase());
      const start = m.index!;
      flags.push({
        start,
        end: start + whole.length,
        text: whole,
        category: 'punctuation',
        severity: 'minor',
        confidence: confirmed ? 0.9 : ctx.settings.fluency.confidence,
        message: `Stray space inside the hyphenated word '${fixed}'${confirmed ? ', which the references write whole' : ''}.`,
        suggestion: fixed,
        evidence: confirmed ? (ctx.index.words.get(fixed.toLowerCase()) ?? []).slice(0, 2).map((o) => occurrenceEvidence(ctx, o)) : [],
        detector: this.id,
      });
    }
    return flags;
  }
}
