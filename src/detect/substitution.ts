import type { Token } from '../core/types.js';
import { dot } from '../embed/vectors.js';
import { posTags, possibleTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import { alignedRefs, evidenceOf, quoted, type RefSentence } from './context.js';
import { editDistance } from './lexicon/distance.js';
import { commonNounTag } from './syntax.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { wordHunks } from './word-diff.js';

export interface Swap {
  mt: Token;
  ref: Token;
  refSentence: RefSentence;
}

/**
 * One word swapped for another between identical neighbours, in a reference sentence that says nearly the same
 * thing (a quote, a stock phrase): "now is the time to allow Gaza" against "... to leave Gaza".
 */
export function verbatimSwaps(mtTokens: Token[], ref: RefSentence): Swap[] {
  return wordHunks(
    mtTokens.filter((t) => t.word),
    ref.tokens.filter((t) => t.word),
  )
    .filter((h) => h.bounded && h.mt.length === 1 && h.ref.length === 1)
    .map((h) => ({ mt: h.mt[0]!, ref: h.ref[0]!, refSentence: ref }));
}

function sameClass(mtTag: string, ref: Token): boolean {
  return possibleTags(ref.norm).some((t) => t.slice(0, 2) === mtTag.slice(0, 2));
}

/** Word swaps inside near-verbatim matches: the neighbours pin the slot, so one reference is evidence enough. */
export class SubstitutionDetector implements Detector {
  readonly id = 'substitution';
  readonly meta: DetectorMeta = {
    finds: 'one word swapped inside a near-verbatim sentence ("to end the job" for "to finish the job"); another form of a quoted verb ("awaited" for "awaits")',
    how: 'word diff against a reference sentence with cosine >= 0.9; the verb-form rule only inside quotation marks of the reference',
    categories: ['mistranslation', 'grammar'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    ctx.mt.sentences.forEach((s, i) => {
      const tags = posTags(s.tokens);
      const first = s.tokens.findIndex((t) => t.word);
      const refs = alignedRefs(ctx, i).filter((r) => r.similarity >= ctx.settings.mistranslation.verbatimSimilarity);
      const found = new Map<Token, Swap[]>();
      const forms = new Map<Token, Swap[]>();
      for (const ref of refs) {
        for (const swap of verbatimSwaps(s.tokens, ref)) {
          const at = s.tokens.indexOf(swap.mt);
          const tag = commonNounTag(ctx, swap.mt, tags[at] ?? '', at === first);
          if (!/^\p{L}{3,}$/u.test(swap.mt.text) || !/^\p{L}{3,}$/u.test(swap.ref.text)) continue;
          if ([swap.mt.norm, swap.ref.norm].some((w) => AUXILIARY.test(w) || CLOSED.test(w))) continue;
          if (!/^(NN|VB|JJ|RB)/.test(tag) || tag.startsWith('NNP') || !sameClass(tag, swap.ref)) continue;
          if (stem(swap.mt.norm) === stem(swap.ref.norm)) {
            if (isVerbForm(tag, swap) && quoted(swap.refSentence, swap.ref)) forms.set(swap.mt, [...(forms.get(swap.mt) ?? []), swap]);
            continue;
          }
          if (editDistance(swap.mt.norm, swap.ref.norm) <= 2) continue;
          found.set(swap.mt, [...(found.get(swap.mt) ?? []), swap]);
        }
      }
      for (const [token, swaps] of found) {
        const refsAgreeing = new Set(swaps.map((w) => w.refSentence.ref)).size;
        const suggestion = swaps[0]!.ref.norm;
        // A near-synonym keeps the meaning (minor, MQM); a word far from the reference's changes it (major).
        const tokenSim = swapSimilarity(s, swaps[0]!);
        flags.push({
          start: token.start,
          end: token.end,
          text: token.text,
          category: 'mistranslation',
          severity: tokenSim >= SYNONYM_SIMILARITY ? 'minor' : 'major',
          confidence: 1 - 0.4 ** refsAgreeing,
          message: `'${token.text}' stands where ${refsAgreeing} nearly identical reference sentence${refsAgreeing > 1 ? 's have' : ' has'} '${suggestion}'.`,
          suggestion,
          evidence: swaps.map((w) => evidenceOf(w.refSentence)),
          detector: this.id,
          features: { support: refsAgreeing, tokenSim },
        });
      }
      for (const [token, swaps] of forms) flags.push(this.formFlag(token, swaps));
    });
    return flags;
  }

  /** A quotation repeats the speaker's words: another tense or person of the same verb misquotes them. */
  private formFlag(token: Token, swaps: Swap[]): RawFlag {
    const refsAgreeing = new Set(swaps.map((w) => w.refSentence.ref)).size;
    const suggestion = swaps[0]!.ref.text === swaps[0]!.ref.norm ? swaps[0]!.ref.norm : swaps[0]!.ref.text;
    const n = refsAgreeing > 1 ? `${refsAgreeing} nearly identical reference sentences quote` : '1 nearly identical reference sentence quotes';
    return {
      start: token.start,
      end: token.end,
      text: token.text,
      category: 'grammar',
      severity: 'minor',
      confidence: 1 - 0.4 ** refsAgreeing,
      message: `'${token.text}' changes the form of a quoted verb: ${n} '${suggestion}'.`,
      suggestion: token.text === token.norm ? swaps[0]!.ref.norm : suggestion,
      evidence: swaps.map((w) => evidenceOf(w.refSentence)),
      detector: this.id,
    };
  }
}

/**
 * Contextual cosine at which two words in the same slot are near-synonyms. Prior: MiniLM's last-layer vectors
 * of paraphrase pairs in one slot ("end"/"finish") sit around 0.5-0.7, unrelated words below 0.3.
 */
const SYNONYM_SIMILARITY = 0.5;

function swapSimilarity(s: EncodedSentence, swap: Swap): number {
  const a = s.vectors[s.tokens.indexOf(swap.mt)];
  const b = swap.refSentence.vectors[swap.refSentence.tokens.indexOf(swap.ref)];
  return a && b ? dot(a, b) : 0;
}

/** Both sides verbs, in another form: "awaited" for "awaits". */
function isVerbForm(mtTag: string, swap: Swap): boolean {
  return mtTag.startsWith('VB') && swap.mt.norm !== swap.ref.norm && possibleTags(swap.ref.norm).some((t) => t.startsWith('VB'));
}
