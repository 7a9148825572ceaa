import type { Evidence, Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import { editDistance } from './lexicon/distance.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

interface Head {
  token: Token;
  vector: Float32Array | null;
  evidence: Evidence;
}

const NOUN = /^NNS?$/;
const MODIFIER = /^(NN|NNS|NNP|NNPS|JJ)$/;

/** Word tokens of a sentence with their tags. */
function words(s: EncodedSentence): { token: Token; tag: string; k: number }[] {
  const tags = posTags(s.tokens);
  return s.tokens.map((token, k) => ({ token, tag: tags[k] ?? '', k })).filter((w) => w.token.word);
}

/**
 * Wrong term in a compound: "the Gaza ceasefire contract" where the references, whatever else they say, put
 * another head after the same modifier ("ceasefire agreement") and never this one. The modifier pins the slot
 * more tightly than a window of neighbours, so the references' head after it is the suggestion.
 */
export class CompoundDetector implements Detector {
  readonly id = 'compound';
  readonly meta: DetectorMeta = {
    finds: 'a compound\'s head replaced ("ceasefire contract")',
    how: 'the references put one head after the same modifier, in agreement, and never this one; reported as terminology',
    categories: ['terminology'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const heads = this.headsAfter(ctx);
    const needed = Math.min(ctx.settings.mistranslation.minReferences, ctx.refs.length);
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      const ws = words(s);
      ws.forEach((w, i) => {
        const mod = ws[i - 1];
        const next = ws[i + 1];
        if (!mod || !NOUN.test(w.tag) || !MODIFIER.test(mod.tag) || (next && /^NN/.test(next.tag))) return;
        if (!/^\p{L}{3,}$/u.test(w.token.text) || AUXILIARY.test(w.token.norm) || CLOSED.test(w.token.norm)) return;
        const hs = stem(w.token.norm);
        // A head the references use anywhere is a legitimate word choice.
        if (ctx.index.stems.has(hs)) return;
        const found = heads.get(mod.token.norm);
        if (!found) return;
        const best = [...found.entries()]
          .map(([st, list]) => ({ st, list, refs: new Set(list.map((h) => h.evidence.ref)).size }))
          .sort((a, b) => b.refs - a.refs || b.list.length - a.list.length)[0];
        if (!best || best.refs < needed || best.st === hs) return;
        const total = [...found.values()].reduce((n, l) => n + l.length, 0);
        // The references must agree on the head, not merely mention one among many.
        if (best.list.length * 2 <= total) return;
        const suggestion = best.list[0]!.token.norm;
        if (editDistance(w.token.norm, suggestion) <= 2) return;
        const v = s.vectors[w.k];
        const similarity = v ? Math.max(...best.list.map((h) => (h.vector ? dot(v, h.vector) : -1))) : -1;
        if (similarity < ctx.settings.mistranslation.minTokenSimilarity) return;
        flags.push(this.flag(ctx, w.token, mod.token, suggestion, best.refs, best.list, similarity));
      });
    }
    return flags;
  }

  /** modifier norm -> head stem -> occurrences, from every reference sentence. */
  private headsAfter(ctx: DetectContext): Map<string, Map<string, Head[]>> {
    const out = new Map<string, Map<string, Head[]>>();
    for (const ref of ctx.refs) {
      for (const s of ref.sentences) {
        const ws = words(s);
        ws.forEach((w, i) => {
          const mod = ws[i - 1];
          if (!mod || !NOUN.test(w.tag) || !MODIFIER.test(mod.tag)) return;
          const byHead = out.get(mod.token.norm) ?? new Map<string, Head[]>();
          out.set(mod.token.norm, byHead);
          const st = stem(w.token.norm);
          const list = byHead.get(st) ?? [];
          byHead.set(st, list);
          list.push({ token: w.token, vector: s.vectors[w.k] ?? null, evidence: { ref: ref.id, index: s.sentence.index, text: s.sentence.text } });
        });
      }
    }
    return out;
  }

  private flag(ctx: DetectContext, token: Token, mod: Token, suggestion: string, refs: number, list: Head[], similarity: number): RawFlag {
    const evidence = [...new Map(list.map((h) => [h.evidence.ref, h.evidence])).values()];
    return {
      start: token.start,
      end: token.end,
      text: token.text,
      // The references act as the termbase of the story: their fixed compound is the term to use.
      category: 'terminology',
      severity: refs >= ctx.settings.mistranslation.majorReferences ? 'major' : 'minor',
      confidence: (1 - 0.5 ** refs) * Math.min(1, similarity / ctx.settings.mistranslation.confidentTokenSimilarity),
      message: `'${mod.text} ${token.text}' appears in no reference; ${refs} references use the term '${mod.text} ${suggestion}'.`,
      suggestion,
      evidence,
      detector: this.id,
    };
  }
}
