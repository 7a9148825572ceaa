import type { Evidence, Token } from '../core/types.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

const COMPASS = /^(north|south|east|west)$/;

/**
 * A region written as a name: "South Israel", "East Ukraine". Languages that compound a compass point with a
 * place (German Südisrael, Dutch Oost-Oekraïne) leave MT with a capitalised compass word; English says
 * "southern Israel" unless the region is a name of its own ("South Korea"). The references decide which:
 * they write the adjective before that place and never the name.
 */
export class RegionDetector implements Detector {
  readonly id = 'regions';
  readonly meta: DetectorMeta = {
    finds: 'a compass point written into a name ("South Israel", "East Ukraine")',
    how: 'the references write the adjective before that place ("southern Israel") and never the name',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      const words = s.tokens.filter((t) => t.word);
      words.forEach((w, i) => {
        const place = words[i + 1];
        if (!place || !COMPASS.test(w.norm) || !/^\p{Lu}/u.test(w.text) || !/^\p{Lu}\p{Ll}/u.test(place.text)) return;
        if (s.tokens.slice(s.tokens.indexOf(w), s.tokens.indexOf(place)).some((t) => !t.word && t.text.trim())) return;
        const adjective = `${w.norm}ern`;
        const asName = this.pairs(ctx, w.norm, place.norm, true);
        const asRegion = this.pairs(ctx, adjective, place.norm, false);
        if (asName.length > 0 || asRegion.length === 0) return;
        flags.push(this.flag(ctx, w, place, adjective, asRegion));
      });
    }
    return flags;
  }

  /** Reference sentences where `first` stands right before `place` (capitalised or not, as asked). */
  private pairs(ctx: DetectContext, first: string, place: string, capitalised: boolean): Evidence[] {
    const out: Evidence[] = [];
    for (const ref of ctx.refs) {
      for (const s of ref.sentences) {
        const words = s.tokens.filter((t) => t.word);
        const hit = words.some((t, i) => t.norm === first && words[i + 1]?.norm === place && /^\p{Lu}/u.test(t.text) === capitalised);
        if (hit) out.push({ ref: ref.id, index: s.sentence.index, text: s.sentence.text });
      }
    }
    return out;
  }

  private flag(ctx: DetectContext, w: Token, place: Token, adjective: string, evidence: Evidence[]): RawFlag {
    const refs = new Set(evidence.map((e) => e.ref)).size;
    return {
      start: w.start,
      end: w.end,
      text: w.text,
      category: 'mistranslation',
      severity: 'minor',
      confidence: ctx.settings.entities.confidence,
      message: `'${w.text} ${place.text}' is not a place name the references use; ${refs} reference${refs > 1 ? 's say' : ' says'} '${adjective} ${place.text}'.`,
      suggestion: adjective,
      evidence: evidence.slice(0, 3),
      detector: this.id,
    };
  }
}
