import type { Token } from '../core/types.js';
import { possibleTags, posTags } from '../segment/pos.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

type Case = 'subject' | 'object' | 'possessive' | 'reflexive';

/** English personal pronouns by person: subject, object, possessive determiner, reflexive (a closed class). */
const PERSONS: readonly (readonly [string, string, string, string])[] = [
  ['i', 'me', 'my', 'myself'],
  ['he', 'him', 'his', 'himself'],
  ['she', 'her', 'her', 'herself'],
  ['it', 'it', 'its', 'itself'],
  ['we', 'us', 'our', 'ourselves'],
  ['they', 'them', 'their', 'themselves'],
];
const CASES: readonly Case[] = ['subject', 'object', 'possessive', 'reflexive'];
const FORMS = new Map<string, { person: number; case: Case }>();
PERSONS.forEach((forms, person) =>
  forms.forEach((w, c) => {
    // "her" and "it" have two cases each: the context cannot be wrong for them.
    if (forms.indexOf(w) === c && forms.lastIndexOf(w) === c) FORMS.set(w, { person, case: CASES[c]! });
  }),
);

const tagsOf = (w: string) => possibleTags(w);
const onlyNominal = (w: string) => {
  const t = tagsOf(w);
  return t.length > 0 && t.every((x) => /^(NN|JJ|CD)/u.test(x));
};
const verbal = (tag: string) => tag.startsWith('VB') || tag === 'MD';

/**
 * The case the context needs where the pronoun's own case cannot stand, or undefined when it can. `clear` for
 * contexts the word after settles alone: a word that can only be a noun after a subject form ("he car"), a verb
 * after an object form that opens the sentence ("Me went"), a verb after a possessive ("their said"), a
 * reflexive opening a clause. A word that can be a noun or a verb ("they house") needs a reference to confirm.
 */
function neededCase(own: Case, next: Token | undefined, nextTag: string, initial: boolean): { needed: Case; clear: boolean } | undefined {
  // Contractions ("didn't", "'ll") are verbs the lexicon does not list.
  if (!next || /['’]/u.test(next.text)) return undefined;
  const possible = tagsOf(next.norm);
  const canBeNoun = possible.some((t) => t.startsWith('NN'));
  if ((own === 'subject' || own === 'object') && canBeNoun) return { needed: 'possessive', clear: onlyNominal(next.norm) };
  if (own === 'object' && initial && verbal(nextTag)) return { needed: 'subject', clear: true };
  if (own === 'possessive' && verbal(nextTag) && !possible.some((t) => /^(NN|JJ)/u.test(t))) return { needed: initial ? 'subject' : 'object', clear: true };
  if (own === 'reflexive' && initial && verbal(nextTag)) return { needed: 'subject', clear: true };
  return undefined;
}

/**
 * Pronouns in the wrong case ("they house" for "their house", "Me went" for "I went", "Him wife"): a closed-class
 * check of English grammar on the POS context, which needs no reference; a parallel reference that uses the
 * form the context needs confirms it.
 */
export class PronounCaseDetector implements Detector {
  readonly id = 'pronouns';
  readonly meta: DetectorMeta = {
    finds: 'a pronoun in the wrong case ("they house" for "their house", "Me went" for "I went")',
    how: 'subject, object, possessive and reflexive forms of the personal pronouns against the word after them (POS tags and the tagger lexicon) and their place in the clause; the aligned reference using the needed form is a feature',
    categories: ['grammar'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return ctx.mt.sentences.flatMap((s, i) => this.sentence(s, alignedRefs(ctx, i)));
  }

  private sentence(s: EncodedSentence, refs: RefSentence[]): RawFlag[] {
    const words = s.tokens.filter((t) => t.word);
    const tags = posTags(words);
    const flags: RawFlag[] = [];
    words.forEach((t, k) => {
      // "US" and "IT" in capitals are names, not pronouns.
      const form = /^\p{Lu}{2,}$/u.test(t.text) ? undefined : FORMS.get(t.norm);
      if (!form) return;
      // A clause opens at the sentence start or after punctuation.
      const initial = k === 0 || s.tokens[s.tokens.indexOf(t) - 1]?.word === false;
      const verdict = neededCase(form.case, words[k + 1], tags[k + 1] ?? '', initial);
      if (!verdict) return;
      const needed = verdict.needed;
      const right = PERSONS[form.person]![CASES.indexOf(needed)]!;
      // The reference has the needed form more often than we do, and ours less often: "their" for our "they".
      const count = (tokens: readonly Token[], w: string) => tokens.filter((x) => x.word && x.norm === w).length;
      const confirming = refs.filter((r) => count(r.tokens, right) > count(words, right) && count(r.tokens, t.norm) < count(words, t.norm));
      if (!verdict.clear && !confirming.length) return;
      const suggestion = right === 'i' ? 'I' : /^\p{Lu}/u.test(t.text) ? right[0]!.toUpperCase() + right.slice(1) : right;
      flags.push({
        start: t.start,
        end: t.end,
        text: t.text,
        category: 'grammar',
        // The reader still knows who is meant: fluency, not meaning.
        severity: 'minor',
        confidence: 0.5,
        message: `'${t.text}' is the ${form.case} form where the sentence needs the ${needed} ('${suggestion}').`,
        suggestion,
        evidence: confirming.map(evidenceOf),
        detector: this.id,
        features: { confirmed: confirming.length ? 1 : 0, clear: verdict.clear ? 1 : 0, aligned: refs.length ? 1 : 0, initial: initial ? 1 : 0 },
      });
    });
    return flags;
  }
}
