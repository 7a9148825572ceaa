import type { Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';

export const NEGATION = /^(not|no|never|none|nobody|nothing|neither|nor|cannot|without)$|n't$/;
/** "non-diabetic": a negation inside the word, which says what "no longer diabetic" says. */
export const NEGATED_WORD = /^non-\p{L}/u;

/**
 * A negation word that negates nothing: "not only ... but", "it was not until 1990 that" (only in 1990). The
 * word after it decides, so the check needs the sentence's words in order.
 */
const FOCUS_AFTER = new Set(['only', 'until', 'till']);

/**
 * "dominated by Arabic flavour, and not African": "and not" or "but not" with at most two words after it to the
 * sentence end sets aside an alternative ("more Arabic than African"); the clause itself stays affirmed.
 */
const CONTRAST_BEFORE = new Set(['and', 'but']);

/** Whether word k of `words` (word tokens only) is a negation that reverses what follows. */
export function negates(words: readonly Token[], k: number): boolean {
  const t = words[k];
  if (!t || !NEGATION.test(t.norm)) return false;
  if (t.norm === 'not' && CONTRAST_BEFORE.has(words[k - 1]?.norm ?? '') && words.length - k - 1 <= 2 && words.length - k - 1 >= 1) return false;
  return !FOCUS_AFTER.has(words[k + 1]?.norm ?? '');
}

/**
 * "too small for us to hear", "too late to stop it": "too", then an infinitive a few words on, says what "so small
 * that we cannot hear" says with a negation ("too close to it" has a preposition, not an infinitive).
 */
function tooToInfinitive(tokens: readonly Token[]): boolean {
  if (!tokens.some((t) => t.norm === 'too')) return false;
  const at = tokens.flatMap((t, i) => (t.word ? [i] : []));
  const tags = posTags(tokens);
  return at.some((i, k) => tokens[i]!.norm === 'too' && at.slice(k + 2, k + 6).some((j, n) => tokens[j]!.norm === 'to' && /^VB/.test(tags[at[k + 3 + n] ?? -1] ?? '')));
}

/** Whether a sentence negates anything, by a negation word or a negated word: which side negates is what counts. */
export function hasNegation(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.word);
  return words.some((t, k) => negates(words, k) || NEGATED_WORD.test(t.norm)) || tooToInfinitive(tokens);
}

/** Negative affixes that turn a word into its negation ("unable", "impossible", "dishonest", "limitless"). */
const PREFIX = /^(un|in|im|il|ir|dis|non-?)(\p{L}{3,})$/u;
const SUFFIX = /^(\p{L}{3,})less(ly|ness)?$/u;

/**
 * Stems a word negates by its affix: "undoubtedly" -> doubt, "unable" -> abl(e), "limitless" -> limit. Only the
 * remainder's stem; the caller confirms it against the other sentence, so "interest" ("in" + "terest") never
 * matches anything there.
 */
export function affixNegated(norm: string): string[] {
  const out: string[] = [];
  const p = PREFIX.exec(norm);
  if (p) out.push(stem(p[2]!), stem(p[2]!.replace(/(ed)?ly$/u, '')));
  const s = SUFFIX.exec(norm);
  if (s) out.push(stem(s[1]!));
  return [...new Set(out)];
}

/** Whether token `at` is what a negation before it negates ("not strong", "isn't really big"; not "without her father"). */
export function negatedBefore(tokens: readonly Token[], at: number): boolean {
  const words = tokens.filter((t) => t.word);
  for (let j = Math.max(0, at - 5); j < at; j++) {
    if (!tokens[j]!.word || !negates(words, words.indexOf(tokens[j]!))) continue;
    if (negatedAfter(tokens, j) === at) return true;
  }
  return false;
}

/** What a negation brings along: "did not go" for "went". */
export const AUX = /^(do|does|did|is|are|was|were|will|would|can|could|has|have|had)$/;

/** Words between a negation and what it negates: "no longer diabetic", "not even close", "never really left". */
const INSIDE = /^(longer|even|yet|ever|really|quite|very|always|just|be|been|being|to|a|an|the)$/;

/** The word a negation at `at` negates: the first one after it that is not an auxiliary, adverb or negation. */
export function negatedAfter(tokens: readonly Token[], at: number): number {
  const k = tokens.slice(at + 1).findIndex((t) => t.word && !AUX.test(t.norm) && !NEGATION.test(t.norm) && !INSIDE.test(t.norm));
  return k < 0 ? -1 : at + 1 + k;
}
