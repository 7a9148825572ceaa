import { editDistance } from './lexicon/distance.js';
import { occurrenceEvidence } from './context.js';
import { englishSpellers, knowsAny } from './lexicon/english.js';
import type { Occurrence } from './ref-index.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/**
 * Names spelled differently from every reference: a capitalised MT word that no reference and no English
 * dictionary has, within a small edit distance of a capitalised reference word (Katari -> Qatari).
 */
export class EntityDetector implements Detector {
  readonly id = 'entities';
  readonly meta: DetectorMeta = {
    finds: 'names spelled unlike every reference ("Katari" vs "Qatari")',
    how: 'unknown capitalised word within a small edit distance of a capitalised reference word',
    categories: ['entity'],
    modes: ['comparable', 'parallel'],
  };

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const english = await englishSpellers();
    const names = new Map<string, Occurrence>();
    for (const [norm, occ] of ctx.index.words) {
      const capital = occ.find((o) => /^\p{Lu}/u.test(o.token.text));
      if (capital && norm.length >= 3 && /^\p{L}+$/u.test(norm)) names.set(norm, capital);
    }
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const token of s.tokens) {
        // A possessive is the name plus 's: compare the name alone.
        const name = token.text.replace(/['’]s$/u, '');
        const norm = name.toLowerCase();
        if (!token.word || !/^\p{Lu}\p{L}{2,}$/u.test(name) || ctx.index.words.has(token.norm) || ctx.index.words.has(norm)) continue;
        if (knowsAny(english, norm) || knowsAny(english, name)) continue;
        const best = this.closest(norm, names, ctx.settings.entities.maxEditsPerChar);
        if (!best) continue;
        const refs = new Set((ctx.index.words.get(best.norm) ?? []).map((o) => o.ref)).size;
        flags.push({
          start: token.start,
          end: token.start + name.length,
          text: name,
          category: 'entity',
          severity: 'major',
          confidence: ctx.settings.entities.confidence,
          message: `'${name}' appears in no reference; ${refs} reference${refs > 1 ? 's spell' : ' spells'} it '${best.occ.token.text}'.`,
          suggestion: best.occ.token.text,
          evidence: [occurrenceEvidence(ctx, best.occ)],
          detector: this.id,
        });
      }
    }
    return flags;
  }

  private closest(norm: string, names: Map<string, Occurrence>, maxEditsPerChar: number): { norm: string; occ: Occurrence } | undefined {
    const limit = Math.max(1, Math.floor(norm.length * maxEditsPerChar));
    let best: { norm: string; occ: Occurrence; d: number } | undefined;
    for (const [name, occ] of names) {
      if (Math.abs(name.length - norm.length) > limit) continue;
      // Same word with an English ending is inflection, not a misspelling (Thai/Thais).
      if (name.startsWith(norm) || norm.startsWith(name)) continue;
      const d = editDistance(norm, name);
      if (d <= limit && (!best || d < best.d)) best = { norm: name, occ, d };
    }
    return best;
  }
}
