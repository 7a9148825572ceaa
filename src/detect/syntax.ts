import type { Token } from '../core/types.js';
import { possibleTags } from '../segment/pos.js';
import { prepositionBetween } from './collocation.js';
import type { DetectContext, EncodedSentence } from './types.js';

/**
 * Shallow syntax over POS tags for the "same slot" tests: which noun a verb or an action noun acts on when it
 * stands beyond the neighbour window, and whether a preposition links two words.
 */

/** A word of a sentence: its token index and POS tag. */
export interface WordSlot {
  k: number;
  tag: string;
}

const RELATIVE = /^(that|which|who)$/;
const PASSIVE_FILLER = /^(had|has|have|was|were|is|are|been|being|be|not|never|also|already|just|recently|since|later|then|now)$/;

/** Whether a preposition links the MT word at token k to its neighbour at token j (word positions compared). */
export function linkedAt(s: EncodedSentence, k: number, j: number): boolean {
  const words = s.tokens.filter((t) => t.word);
  return prepositionBetween(words, words.indexOf(s.tokens[k]!), words.indexOf(s.tokens[j]!));
}

/**
 * The noun a passive participle in a relative clause says something about, however far back: in "hostages that
 * had recently been released" the hostages are what was released, the verb's object slot.
 */
export function passiveAntecedent(tokens: readonly Token[], slot: WordSlot): number | undefined {
  if (slot.tag !== 'VBN') return undefined;
  let k = slot.k - 1;
  while (k >= 0 && (!tokens[k]!.word || PASSIVE_FILLER.test(tokens[k]!.norm))) k--;
  if (k < 1 || !RELATIVE.test(tokens[k]!.norm) || !/^(was|were|is|are|been|be|being)$/.test(passiveAux(tokens, k, slot.k))) return undefined;
  k--;
  while (k >= 0 && !tokens[k]!.word) k--;
  return k >= 0 ? k : undefined;
}

/**
 * The head of a noun's "of" phrase, its object when the noun names an action: "the publication of American
 * hostages" says the hostages were published.
 */
export function ofComplement(tokens: readonly Token[], tags: readonly string[], slot: WordSlot): number | undefined {
  if (!slot.tag.startsWith('NN')) return undefined;
  const words = tokens.map((t, k) => ({ t, k })).filter(({ t }) => t.word);
  const at = words.findIndex(({ k }) => k === slot.k);
  if (words[at + 1]?.t.norm !== 'of') return undefined;
  let head: number | undefined;
  for (const { k } of words.slice(at + 2)) {
    const tag = tags[k] ?? '';
    if (/^NN/.test(tag)) head = k;
    else if (head !== undefined || !/^(DT|JJ|CD|PRP\$|NNP|VBG|VBN)/.test(tag)) break;
  }
  return head;
}

/** The auxiliary right before the participle ("been" in "had been released"). */
function passiveAux(tokens: readonly Token[], from: number, to: number): string {
  for (let k = to - 1; k > from; k--) if (tokens[k]!.word && /^(was|were|is|are|been|be|being)$/.test(tokens[k]!.norm)) return tokens[k]!.norm;
  return '';
}

/** The object anchor of a word: a passive relative clause's antecedent, or an action noun's of-phrase head. */
export function objectOf(tokens: readonly Token[], tags: readonly string[], slot: WordSlot): number | undefined {
  return passiveAntecedent(tokens, slot) ?? ofComplement(tokens, tags, slot);
}

/** Whether "and", "or" or "but" stands between tokens k and j: the two words are in different conjuncts. */
export function conjoinedApart(tokens: readonly Token[], k: number, j: number): boolean {
  const [lo, hi] = k < j ? [k, j] : [j, k];
  return tokens.slice(lo + 1, hi).some((t) => /^(and|or|but)$/.test(t.norm));
}

/**
 * A capitalised word inside a sentence is tagged as a name, but MT capitalises common nouns too (German nouns
 * keep their capital: "the Messenger from ..."). It is a common noun when the lexicon knows it as one and no
 * reference ever capitalises it mid-sentence.
 */
export function commonNounTag(ctx: DetectContext, token: Token, tag: string, first: boolean): string {
  if (!tag.startsWith('NNP') || first || (ctx.index.capitalisedMid.get(token.norm) ?? 0) > 0) return tag;
  const known = possibleTags(token.norm).filter((t) => t === 'NN' || t === 'NNS');
  if (known.length === 0) return tag;
  return tag === 'NNPS' && known.includes('NNS') ? 'NNS' : known[0]!;
}
