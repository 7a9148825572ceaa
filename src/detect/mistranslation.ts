import type { Settings } from '../core/settings.js';
import type { Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import { isContentTag, posTags, possibleTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { collocations, near } from './collocation.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import { alignedRefs, quoted, tokensWithStem, type RefSentence } from './context.js';
import { editDistance } from './lexicon/distance.js';
import { commonNounTag, conjoinedApart, linkedAt, objectOf } from './syntax.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

interface Slot {
  k: number;
  token: Token;
  tag: string;
}

function candidates(ctx: DetectContext, s: EncodedSentence): Slot[] {
  const tags = posTags(s.tokens);
  const first = s.tokens.findIndex((t) => t.word);
  return s.tokens
    .map((token, k) => ({ token, k, tag: commonNounTag(ctx, token, tags[k] ?? '', k === first) }))
    .filter(({ token, tag }) => token.word && /^\p{L}{3,}$/u.test(token.text) && isContentTag(tag) && !tag.startsWith('NNP') && !AUXILIARY.test(token.norm) && !CLOSED.test(token.norm));
}

/**
 * A reference word can fill the MT word's slot when one of the tags the lexicon allows it shares the MT
 * word's class (VBD ~ VBN, NN ~ NNS): tagging alone mislabels imperatives and all-caps text.
 */
const fitsClass = (norm: string, tag: string, mtTag: string) =>
  [tag, ...possibleTags(norm)].some((t) => t.slice(0, 2) === mtTag.slice(0, 2));

/** The reference's own inflection of the suggested word that matches the MT word's ending (publish->release, published->released). */
function inflect(ctx: DetectContext, mtWord: string, refStem: string, fallback: string): string {
  const ending = /(ing|ed|es|s)$/.exec(mtWord)?.[1] ?? '';
  if (!ending) return fallback;
  const forms = [...new Set((ctx.index.stems.get(refStem) ?? []).map((o) => o.token.norm))];
  return forms.find((f) => f.endsWith(ending)) ?? fallback;
}

interface Substitute {
  ref: RefSentence;
  token: Token;
  similarity: number;
  /** MT neighbours that stand next to the substitute in the reference too. */
  anchors: Slot[];
}

/**
 * Wrong word sense by reference consensus: an MT content word that no aligned reference uses, where the
 * references put a different word of the same class in the same slot (BERTScore-style greedy match of the
 * contextual vectors) next to the same neighbour, and that pairing recurs across references.
 */
export class MistranslationDetector implements Detector {
  readonly id = 'mistranslation';
  readonly meta: DetectorMeta = {
    finds: 'wrong word sense ("publish the hostages", "hostages that had been published", "the publication of hostages")',
    how: 'a content word no reference uses, whose greedy contextual-vector match in an aligned reference sentence is another word of the same class next to the same neighbour (within three words, or the verb\'s object), a pairing at least two references share',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    const needed = Math.min(ctx.settings.mistranslation.minReferences, ctx.refs.length);
    ctx.mt.sentences.forEach((s, i) => {
      const refs = alignedRefs(ctx, i);
      if (refs.length === 0) return;
      const refStems = new Set(refs.flatMap((r) => r.tokens.filter((t) => t.word).map((t) => stem(t.norm))));
      const mtStems = new Set(s.tokens.filter((t) => t.word).map((t) => stem(t.norm)));
      const slots = candidates(ctx, s);
      const tags = posTags(s.tokens);
      for (const slot of slots) {
        const ws = stem(slot.token.norm);
        // Used anywhere in the references: a legitimate word choice, whatever its slot here.
        if (refStems.has(ws) || ctx.index.stems.has(ws)) continue;
        const vector = s.vectors[slot.k];
        if (!vector) continue;
        const object = objectOf(s.tokens, tags, slot);
        // A neighbour in another conjunct ("hostages and the achievement") is no slot of this word.
        const anchors = slots.filter(
          (o) =>
            (o.k === object || (Math.abs(o.k - slot.k) <= ctx.settings.mistranslation.window && !conjoinedApart(s.tokens, slot.k, o.k))) &&
            o.k !== slot.k &&
            refStems.has(stem(o.token.norm)),
        );
        if (anchors.length === 0) continue;
        const sub = this.substitute(ctx.settings.mistranslation, refs, vector, slot, anchors, mtStems, object);
        if (!sub || sub.similarity < ctx.settings.mistranslation.minTokenSimilarity) continue;
        // organisations/organizations: a spelling variant, not another sense.
        if (editDistance(slot.token.norm, sub.token.norm) <= 2) continue;
        const subStem = stem(sub.token.norm);
        // The neighbour with the widest agreement across references is the collocation to report; the references
        // count only where a preposition links a verb to it exactly when one does here (the same slot of the verb;
        // nouns paraphrase "hostage affairs envoy" as "envoy for hostage affairs").
        const [anchor, support] = sub.anchors
          .map((a) => [a, collocations(ctx, subStem, stem(a.token.norm), ctx.settings.mistranslation.window, a.k === object || !slot.tag.startsWith('VB') ? undefined : linkedAt(s, slot.k, a.k))] as const)
          .reduce((x, y) => (y[1].length > x[1].length ? y : x));
        // A reference sentence that says nearly the same thing is evidence enough on its own.
        const close = sub.ref.similarity >= ctx.settings.mistranslation.singleReferenceSimilarity;
        if (support.length < (close ? 1 : needed)) continue;
        flags.push(this.flag(ctx, s, slot, sub, anchor, support, subStem));
      }
    });
    return flags;
  }

  /** In each aligned reference sentence, the token the MT word aligns to greedily (BERTScore's max); the best that fits. */
  private substitute(settings: Settings['mistranslation'], refs: RefSentence[], vector: Float32Array, slot: Slot, anchors: Slot[], mtStems: Set<string>, object?: number): Substitute | undefined {
    let best: Substitute | undefined;
    for (const ref of refs) {
      // The content words the MT word aligns to best (function words carry no sense to swap).
      const tags = posTags(ref.tokens);
      const ranked = ref.vectors
        .map((v, k) => ({ k, similarity: v ? dot(vector, v) : -1 }))
        .filter(({ k }) => isContentTag(tags[k]) && /^\p{L}{3,}$/u.test(ref.tokens[k]!.text))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, settings.alignmentCandidates);
      for (const { k, similarity } of ranked) {
        const token = ref.tokens[k]!;
        if (best && similarity <= best.similarity) break;
        const st = stem(token.norm);
        if (!/^\p{L}{3,}$/u.test(token.text) || mtStems.has(st) || AUXILIARY.test(token.norm) || CLOSED.test(token.norm)) continue;
        if (!fitsClass(token.norm, tags[k] ?? '', slot.tag)) continue;
        // The syntactic object may stand anywhere in the reference sentence too; the consensus check below
        // still asks the references for the substitute next to it.
        const near_ = anchors.filter((a) => (a.k === object ? tokensWithStem(ref, stem(a.token.norm)).length > 0 : near(ref, st, stem(a.token.norm), settings.window)));
        if (near_.length) {
          best = { ref, token, similarity, anchors: near_ };
          break;
        }
      }
    }
    return best;
  }

  private flag(ctx: DetectContext, s: EncodedSentence, slot: Slot, sub: Substitute, anchor: Slot, support: RawFlag['evidence'], subStem: string): RawFlag {
    const suggestion = inflect(ctx, slot.token.norm, subStem, sub.token.norm);
    const phrase = (w: string) => (slot.k < anchor.k ? `${w} … ${anchor.token.text}` : `${anchor.token.text} … ${w}`);
    const n = support.length;
    return {
      start: slot.token.start,
      end: slot.token.end,
      text: slot.token.text,
      category: 'mistranslation',
      // Another sense in the slot changes the meaning (MQM major); inside a quotation, paraphrase is likelier.
      severity: quoted(s, slot.token) ? 'minor' : 'major',
      // Each agreeing reference halves the doubt; a weak token alignment scales it down.
      confidence: (1 - 0.5 ** n) * Math.min(1, sub.similarity / ctx.settings.mistranslation.confidentTokenSimilarity),
      message: `'${phrase(slot.token.text)}' appears in no reference; ${n} reference${n > 1 ? 's say' : ' says'} '${phrase(suggestion)}'.`,
      suggestion,
      evidence: support,
      detector: this.id,
      features: { tokenSim: sub.similarity, support: n, refSim: sub.ref.similarity, spelling: editDistance(slot.token.norm, sub.token.norm) / Math.max(slot.token.norm.length, sub.token.norm.length) },
    };
  }
}
