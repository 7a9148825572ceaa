import type { Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { evidenceOf, perAlignedSentence, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

type Tense = 'past' | 'present' | 'future';

interface Verb {
  token: Token;
  tense: Tense;
  progressive: boolean;
  /** Stem of the lexical verb the finite form carries ("has been found" -> find's stem). */
  lexical: string;
}

const AUXILIARY_VERB = /^(is|are|am|was|were|be|been|being|has|have|had|having|do|does|did|will|shall|would|should|can|could|may|might|must|'s|'re|'m|'ll|wo)$/;

const FUTURE = /^(will|shall|'ll|wo)$/;
const PAST_AUX = /^(was|were|had|did)$/;
const PRESENT_AUX = /^(is|are|am|has|have|does|do|'s|'re|'m)$/;
const BE = /^(is|are|am|was|were|be|been|being|'s|'re|'m)$/;

/** The first finite verb of a sentence (its main clause, usually), its tense, and whether it is progressive. */
export function mainVerb(tokens: readonly Token[]): Verb | undefined {
  const words = tokens.filter((t) => t.word);
  const tags = posTags(words);
  for (let k = 0; k < words.length; k++) {
    const t = words[k]!;
    const tag = tags[k] ?? '';
    let tense: Tense | undefined;
    if (FUTURE.test(t.norm) && tag === 'MD') tense = 'future';
    else if (PAST_AUX.test(t.norm) || tag === 'VBD') tense = 'past';
    else if (PRESENT_AUX.test(t.norm) || tag === 'VBZ' || tag === 'VBP') tense = 'present';
    if (!tense) continue;
    // "is going", "were being held": a form of "be" before an -ing verb within two words.
    const next = words.slice(k + 1, k + 3);
    const progressive = (BE.test(t.norm) || next.some((w) => BE.test(w.norm))) && next.some((w, j) => tags[k + 1 + j] === 'VBG');
    const head = words.slice(k, k + 4).find((w, j) => !AUXILIARY_VERB.test(w.norm) && (tags[k + j] ?? '').startsWith('VB'));
    return { token: t, tense, progressive, lexical: stem((head ?? t).norm) };
  }
  return undefined;
}

/**
 * Tense and aspect: the main verb of the MT sentence in another tense (past for present, future for past) or
 * aspect (progressive for simple) than every parallel reference sentence gives it.
 */
export class TenseDetector implements Detector {
  readonly id = 'tense';
  readonly meta: DetectorMeta = {
    finds: 'the main verb in another tense or aspect than the reference ("announced" for "will announce", "is meeting" for "meets"; parallel references only)',
    how: 'tense (past, present, future) and progressive aspect of the first finite verb, on the POS tags, against every aligned reference sentence, which must agree',
    categories: ['mistranslation'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(
      ctx,
      (s, refs) => {
        const mine = mainVerb(s.tokens);
        const theirs = refs.map((r) => mainVerb(r.tokens));
        const flag = mine && theirs.every((v) => v) ? this.compare(s, mine, theirs as Verb[], refs) : undefined;
        return flag ? [flag] : [];
      },
      { parallelOnly: true },
    );
  }

  private compare(s: EncodedSentence, mine: Verb, theirs: Verb[], refs: RefSentence[]): RawFlag | undefined {
    const tense = theirs.every((v) => v.tense !== mine.tense) && theirs.every((v) => v.tense === theirs[0]!.tense);
    const aspect = !tense && theirs.every((v) => v.progressive !== mine.progressive);
    if (!tense && !aspect) return undefined;
    const ref = theirs[0]!;
    const what = tense ? `the ${mine.tense} tense where the reference has the ${ref.tense}` : mine.progressive ? 'the progressive where the reference has the simple form' : 'the simple form where the reference has the progressive';
    return {
      start: mine.token.start,
      end: mine.token.end,
      text: mine.token.text,
      category: 'mistranslation',
      // Another time of the event misleads (major); another aspect of the same event mostly keeps the meaning.
      severity: tense ? 'major' : 'minor',
      confidence: tense ? 0.6 : 0.4,
      message: `'${mine.token.text}' puts the verb in ${what} ('${ref.token.text}').`,
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { tense: tense ? 1 : 0, sameVerb: theirs.some((v) => v.lexical === mine.lexical) ? 1 : 0, refSim: Math.max(...refs.map((r) => r.similarity)), initial: s.tokens.find((t) => t.word) === mine.token ? 1 : 0 },
    };
  }
}
