import type { Token } from '../core/types.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import { phraseHoles, type HoleKind, type PhraseHole } from './phrase-holes.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

/** At most this many reference words between the two neighbours count as the missing words. */
const MAX_FILLER = 4;

const WHAT_IS_MISSING: Record<HoleKind, (a: Token) => string> = {
  noun: (a) => `'${a.text}' is not followed by the noun it introduces.`,
  object: (a) => `'${a.text}' has no object.`,
  subject: (a) => `The verb after '${a.text}' has no subject.`,
  verb: (a) => `'${a.text}' is not followed by a verb.`,
};

interface Filler {
  words: string;
  ref: RefSentence;
  /** The words include a name (capitalised, not sentence-initial). */
  name: boolean;
}

/**
 * The shortest run of words a reference sentence has between the same two neighbours ("the [tail] of"); with
 * `after`, the word after the second neighbour must match too (a comparable reference words the same fact in its
 * own way, so two neighbours alone are too weak a sign that the phrase is the same).
 */
function fillerIn(ref: RefSentence, a: Token, b: Token, after?: Token): Filler | undefined {
  const t = ref.tokens;
  let best: [number, number] | undefined;
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.norm !== a.norm) continue;
    const j = t.findIndex((x, k) => k > i + 1 && k <= i + 1 + MAX_FILLER && x.norm === b.norm && (!after || t[k + 1]?.norm === after.norm));
    if (j > 0 && t.slice(i + 1, j).some((x) => x.word) && (!best || j - i < best[1] - best[0])) best = [i, j];
  }
  if (!best) return undefined;
  const between = t.slice(best[0] + 1, best[1]);
  const words = ref.sentence.text.slice(between[0]!.start - ref.sentence.start, between.at(-1)!.end - ref.sentence.start);
  return { words, ref, name: between.some((x) => x.word && /^\p{Lu}/u.test(x.text)) };
}

/**
 * Words missing where English grammar needs one: an article with no noun ("the of the law"), a preposition
 * with no object, a subordinate clause with no subject, an auxiliary with no verb. MT drops such words, and no
 * reference is needed to see it. Against an aligned parallel reference the content is missing from the
 * translation, an omission (with the reference's words between the same two neighbours as the fix where it has
 * them); against comparable references, or none aligned, it is a grammar error, with a fix only where an
 * aligned reference has the same words around the hole.
 */
export class HoleDetector implements Detector {
  readonly id = 'hole';
  readonly meta: DetectorMeta = {
    finds: 'a word left out where English grammar needs one ("the of the law", "although is late"; the reference\'s words as the fix in parallel mode)',
    how: 'an article, preposition, subordinator or auxiliary directly before a function word that cannot continue its phrase (closed classes of English); the aligned parallel reference supplies the words between the same two neighbours',
    categories: ['omission', 'grammar'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return ctx.mt.sentences.flatMap((s, i) => {
      const holes = phraseHoles(s.tokens);
      if (holes.length === 0) return [];
      const refs = alignedRefs(ctx, i);
      return holes.map((h) => (ctx.options.mode === 'parallel' ? this.parallel(ctx, s, h, refs) : this.comparable(ctx, s, h, refs)));
    });
  }

  /** One hole flag, its fields in the order every detector writes them; the fix only where a reference fills the hole. */
  private make(ctx: DetectContext, s: EncodedSentence, h: PhraseHole, refs: RefSentence[], filler: Filler | undefined, say: Pick<RawFlag, 'category' | 'severity' | 'message' | 'evidence'>): RawFlag {
    const a = s.tokens[h.left]!;
    const b = s.tokens[h.right]!;
    return {
      start: a.start,
      end: b.end,
      text: ctx.mt.text.slice(a.start, b.end),
      category: say.category,
      severity: say.severity,
      confidence: ctx.settings.fluency.holeConfidence,
      message: say.message,
      // The fix keeps the MT's own spacing before the second token ("the tail," as well as "the tail of").
      ...(filler ? { suggestion: `${a.text} ${filler.words}${ctx.mt.text.slice(a.end, b.start)}${b.text}` } : {}),
      evidence: say.evidence,
      detector: this.id,
      features: { filled: filler ? 1 : 0, refSim: refs[0]?.similarity ?? 0, noun: h.kind === 'noun' ? 1 : 0 },
    };
  }

  /** Comparable references: a grammar error; an aligned reference with the same three words around it gives the fix. */
  private comparable(ctx: DetectContext, s: EncodedSentence, h: PhraseHole, refs: RefSentence[]): RawFlag {
    const a = s.tokens[h.left]!;
    const b = s.tokens[h.right]!;
    const after = s.tokens[h.right + 1];
    const filler = after?.word ? refs.map((r) => fillerIn(r, a, b, after)).find((f) => f !== undefined) : undefined;
    const what = WHAT_IS_MISSING[h.kind](a);
    const message = filler ? `${what} A reference says '${a.text} ${filler.words}${ctx.mt.text.slice(a.end, b.start)}${b.text} ${after!.text}'.` : what;
    return this.make(ctx, s, h, refs, filler, { category: 'grammar', severity: 'major', message, evidence: filler ? [evidenceOf(filler.ref)] : [] });
  }

  /** Parallel references: the content is missing from the translation, an omission. */
  private parallel(ctx: DetectContext, s: EncodedSentence, h: PhraseHole, refs: RefSentence[]): RawFlag {
    const a = s.tokens[h.left]!;
    const b = s.tokens[h.right]!;
    const filler = refs.map((r) => fillerIn(r, a, b)).find((f) => f !== undefined);
    if (!filler) return this.make(ctx, s, h, refs, filler, { category: refs.length ? 'omission' : 'grammar', severity: 'major', message: WHAT_IS_MISSING[h.kind](a), evidence: refs.slice(0, 1).map(evidenceOf) });
    const message = `'${filler.words}' in the reference is missing between '${a.text}' and '${b.text}'.`;
    return this.make(ctx, s, h, refs, filler, { category: 'omission', severity: filler.name ? 'critical' : 'major', message, evidence: [evidenceOf(filler.ref)] });
  }
}
