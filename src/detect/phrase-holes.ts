import type { Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';

/**
 * Places where English grammar alone shows that a word is missing between two adjacent tokens: a phrase that
 * opens and stops before its head. The second token comes from a closed class of function words that cannot
 * continue the phrase, so an open-class word keeps it legal whatever its reading ("the injured", "may each have").
 *   noun:    an article or possessive determiner before a preposition, a conjunction, a finite auxiliary or a
 *            clause mark ("the of", "its on June", "the was");
 *   object:  a preposition that cannot be stranded before a conjunction, a finite auxiliary or another
 *            preposition ("a share of and", "made from is");
 *   subject: a subordinator before a finite verb ("although is the");
 *   verb:    a modal or a negated do before a preposition or a conjunction ("I don't if you"; a bare "did" is
 *            also the main verb, "as he did with"), and a subject-only
 *            pronoun before an article or possessive ("he the law"; not "you" or "it", which are objects too).
 */
export type HoleKind = 'noun' | 'object' | 'subject' | 'verb';

export interface PhraseHole {
  /** Token indices of the two tokens the missing word belongs between. */
  left: number;
  right: number;
  kind: HoleKind;
}

const DETERMINER = /^(a|an|the|my|his|its|our|their|your)$/;
const PREPOSITION = /^(of|from|with|into|between|among|during|without|toward|towards|onto|upon|via)$/;
const SUBORDINATOR = /^(although|because|when|while|if|whether|unless|whereas)$/;
const DO_OR_MODAL = /^(can|could|will|would|shall|should|may|might|must|cannot|(?:do|does|did|ca|wo|would|could|should)n['’]t)$/;
const SUBJECT_PRONOUN = /^(i|he|she|we|they)$/;

/**
 * Function words that never head or open a noun phrase (the tagger's lexicon gives some of them stray noun
 * readings, "on" and "of" among them, so a closed class decides): prepositions, conjunctions, finite forms of
 * be, have and do, relative words.
 */
const NEVER_A_HEAD = /^(of|in|on|at|by|for|with|from|into|onto|upon|than|and|or|but|nor|that|which|who|whom|whose|is|are|was|were|has|had|does|did|been|if|because|although|whether|unless|whereas|during|without|between|among|via)$/;
/**
 * After a preposition, a relative word can be its object ("of which", "with whom"), and "at" opens "at least".
 */
const NOT_AN_OBJECT = /^(of|in|on|by|for|with|from|into|onto|upon|than|and|or|but|nor|is|are|was|were|has|had|does|did|been|if|because|although|while|whether|unless|whereas|during|without|between|among|via)$/;
const FINITE_AUXILIARY = /^(is|are|was|were|has|have|had|does|did|will|would|can|could|should|must|might)$/;
const CLAUSE_MARK = /^[.,;:]$/;

function holeKind(a: Token, tagA: string, b: Token, c: Token | undefined): HoleKind | undefined {
  // A capitalised function word mid-sentence belongs to a title or a name ("the Of Montreal concert").
  if (/^\p{Lu}/u.test(b.text)) return undefined;
  if (DETERMINER.test(a.norm) && (NEVER_A_HEAD.test(b.norm) || CLAUSE_MARK.test(b.text))) return 'noun';
  if (!b.word) return undefined;
  // "with and without gates": two prepositions share one object.
  const coordinated = /^(and|or|but|nor)$/.test(b.norm) && !!c && (PREPOSITION.test(c.norm) || NOT_AN_OBJECT.test(c.norm));
  if (PREPOSITION.test(a.norm) && NOT_AN_OBJECT.test(b.norm) && !coordinated) return 'object';
  if (SUBORDINATOR.test(a.norm) && FINITE_AUXILIARY.test(b.norm)) return 'subject';
  // An auxiliary read as one (not "the will of", "a can of"; "May" capitalised mid-sentence is the month).
  const auxiliary = DO_OR_MODAL.test(a.norm) && (/^(MD|VB)/.test(tagA) || /n['’]t$/.test(a.norm)) && a.text !== 'May';
  if (auxiliary && NOT_AN_OBJECT.test(b.norm) && !/^(been|is|are|was|were|has|had|does|did)$/.test(b.norm)) return 'verb';
  if (SUBJECT_PRONOUN.test(a.norm) && DETERMINER.test(b.norm)) return 'verb';
  return undefined;
}

/**
 * The holes of one sentence's tokens, left to right. Punctuation is tokenised, so a quotation mark or a dash
 * between two words keeps them apart.
 */
export function phraseHoles(tokens: readonly Token[]): PhraseHole[] {
  const tags = posTags(tokens);
  const out: PhraseHole[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!a.word) continue;
    const kind = holeKind(a, tags[i] ?? '', b, tokens[i + 2]);
    if (kind) out.push({ left: i, right: i + 1, kind });
  }
  return out;
}
