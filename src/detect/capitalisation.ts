import { FLUENCY } from '../config.js';
import { occurrenceEvidence } from './context.js';
import { englishSpellers, knowsForm } from './lexicon/english.js';
import type { DetectContext, Detector, RawFlag } from './types.js';

/** A proper noun lower-cased where every reference that uses it capitalises it ("gaza" for "Gaza"). */
export class CapitalisationDetector implements Detector {
  readonly id = 'capitalisation';

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const english = await englishSpellers();
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const token of s.tokens) {
        if (!token.word || token.text !== token.norm || !/^\p{L}+$/u.test(token.text)) continue;
        const occ = ctx.index.words.get(token.norm) ?? [];
        if (occ.length === 0 || (ctx.index.lowerCount.get(token.norm) ?? 0) > 0) continue;
        // Sentence-initial capitals prove nothing; a proper noun's lower-case form is no English word ("gaza").
        if ((ctx.index.capitalisedMid.get(token.norm) ?? 0) === 0 || knowsForm(english, token.norm)) continue;
        const refs = new Set(occ.map((o) => o.ref)).size;
        if (refs < Math.min(FLUENCY.properNounMinRefs, ctx.refs.length)) continue;
        const suggestion = occ[0]!.token.text;
        if (suggestion === suggestion.toUpperCase() && suggestion.length > 1 && occ.every((o) => o.token.text === suggestion)) continue;
        const proper = suggestion.charAt(0) + suggestion.slice(1).toLowerCase() === suggestion ? suggestion : occ.find((o) => /^\p{Lu}\p{Ll}/u.test(o.token.text))?.token.text;
        if (!proper) continue;
        flags.push({
          start: token.start,
          end: token.end,
          text: token.text,
          category: 'spelling',
          severity: 'minor',
          confidence: FLUENCY.confidence,
          message: `'${token.text}' is a proper noun: ${refs} references always write '${proper}'.`,
          suggestion: proper,
          evidence: occ.slice(0, 2).map((o) => occurrenceEvidence(ctx, o)),
          detector: this.id,
        });
      }
    }
    return flags;
  }
}
