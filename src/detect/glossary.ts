import type { DetectContext, Detector, DetectorMeta, GlossaryEntry, RawFlag } from './types.js';

/** The user's own rule outranks any inference about the same span. */
const GLOSSARY_CONFIDENCE = 0.99;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive occurrences of a term (terms may be phrases). */
function occurrences(text: string, term: string): { start: number; end: number }[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** User glossary, as Xbench and Trados check it: forbidden variants and source terms left in the text. */
export class GlossaryDetector implements Detector {
  readonly id = 'glossary';
  readonly meta: DetectorMeta = {
    finds: 'forbidden variants and untranslated source terms (`--glossary`)',
    how: 'whole-word matching, as Xbench/Trados do',
    categories: ['terminology'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    const add = (entry: GlossaryEntry, span: { start: number; end: number }, message: string, confidence: number) =>
      flags.push({
        ...span,
        text: ctx.mt.text.slice(span.start, span.end),
        category: 'terminology',
        severity: 'major',
        confidence,
        message,
        suggestion: entry.target,
        evidence: [],
        detector: this.id,
      });
    for (const entry of ctx.options.glossary) {
      const correct = occurrences(ctx.mt.text, entry.target);
      for (const variant of entry.forbidden) {
        for (const span of occurrences(ctx.mt.text, variant)) {
          // "government" inside the required "federal government" is the right term, not a variant.
          if (correct.some((c) => c.start <= span.start && span.end <= c.end)) continue;
          add(entry, span, `Glossary: '${entry.source}' must be translated as '${entry.target}', not '${variant}'.`, GLOSSARY_CONFIDENCE);
        }
      }
      if (entry.source.toLowerCase() !== entry.target.toLowerCase()) {
        for (const span of occurrences(ctx.mt.text, entry.source)) {
          add(entry, span, `Glossary: the source term '${entry.source}' was left untranslated; use '${entry.target}'.`, GLOSSARY_CONFIDENCE);
        }
      }
    }
    return flags;
  }
}
