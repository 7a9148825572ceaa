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

const onlyNominal = (w: string) => {
  const t = possibleTags(w);
  return t.length > 0 && t.every((x) => /^(NN|JJ)/u.test(x));
};
const verbal = (tag: string) => tag.startsWith('VB') || tag === 'MD';

/**
 * The case the context needs where the pronoun's own case cannot stand, or undefined when it can. `clear` for
 * contexts the words alone settle: an object form opening the sentence before a verb ("Me went") or before a word
 * that can only be a noun ("Him wife"), a verb after a possessive ("their said"), a reflexive opening a clause. A
 * subject or object form before a possible noun ("they house", "gave him money") needs the reference to say the
 * needed form before the same word: the tagger lexicon lists too few verbs ("they merge", "we build") to tell.
 */
function neededCase(own: Case, person: number, next: Token | undefined, nextTag: string, initial: boolean): { needed: Case; clear: boolean } | undefined {
  // Contractions ("didn't", "'ll") are verbs the lexicon does not list.
  if (!next || /['’]/u.test(next.text)) return undefined;
  const possible = possibleTags(next.norm);
  const canBeNoun = possible.some((t) => t.startsWith('NN'));
  // "we humans", "us Americans": a plural noun in apposition.
  if (PERSONS[person]![0] === 'we' && possible.includes('NNS')) return undefined;
  if (own === 'object' && initial && verbal(nextTag) && !canBeNoun) return { needed: 'subject', clear: true };
  if ((own === 'subject' || own === 'object') && canBeNoun) return { needed: 'possessive', clear: own === 'object' && initial && onlyNominal(next.norm) };
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
      const next = words[k + 1];
      const verdict = neededCase(form.case, form.person, next, tags[k + 1] ?? '', initial);
      if (!verdict) return;
      const needed = verdict.needed;
      const right = PERSONS[form.person]![CASES.indexOf(needed)]!;
      // The reference says the needed form before the same word: "their house" for our "they house".
      const confirming = refs.filter((r) => r.tokens.some((x, j) => x.norm === right && r.tokens[j + 1]?.norm === next?.norm));
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
