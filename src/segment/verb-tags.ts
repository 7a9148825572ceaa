// compromise's reading of English verbs, merged into the Brill tags where those miss a finite verb: what the verb
// groups of parallel mode (src/detect/verb-groups.ts) read. compromise loads on first use, about half a second.
import { createRequire } from 'node:module';
import type { Token } from '../core/types.js';
import { possibleTags, posTags } from './pos.js';

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
type Nlp = (text: string) => { json(o: { offset: boolean }): { terms: Term[] }[] };

let nlp: Nlp | undefined;

function load(): Nlp {
  // compromise's tagger without its phrase grammar ('two'); CommonJS build, loaded on the first verb reading.
  nlp ??= createRequire(import.meta.url)('compromise/two') as Nlp;
  return nlp;
}

/** A Penn-style tag for a word compromise reads as a verb, or undefined: its reading of tense is what we use. */
function penn(term: Term): string | undefined {
  const t = new Set(term.tags);
  if (!t.has('Verb')) return t.has('Noun') ? 'NN' : t.has('Adjective') ? 'JJ' : undefined;
  if (t.has('Modal')) return 'MD';
  if (t.has('Gerund')) return 'VBG';
  if (t.has('PastTense')) return 'VBD';
  if (t.has('Participle')) return 'VBN';
  if (t.has('Infinitive')) return 'VB';
  if (t.has('PresentTense')) return /s$/iu.test(term.text) ? 'VBZ' : 'VBP';
  return undefined;
}

/** Readings by sentence text: a batch checks many MT sentences against the same reference sentences. */
const cache = new Map<string, Map<number, { length: number; tag: string | undefined }>>();
const CACHE_SIZE = 4096;

function readings(text: string): Map<number, { length: number; tag: string | undefined }> {
  let byStart = cache.get(text);
  if (byStart) return byStart;
  byStart = new Map();
  for (const s of load()(text).json({ offset: true })) {
    for (const term of s.terms) if (term.text && !byStart.has(term.offset.start)) byStart.set(term.offset.start, { length: term.offset.length, tag: penn(term) });
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, byStart);
  return byStart;
}

/** compromise's verb reading of each token (by character offset), undefined where it has none or the words split differently. */
export function verbTags(tokens: readonly Token[]): (string | undefined)[] {
  if (!tokens.length) return [];
  const base = tokens[0]!.start;
  let text = '';
  for (const t of tokens) text = text.padEnd(t.start - base, ' ') + t.text;
  const byStart = readings(text);
  return tokens.map((t) => {
    const r = byStart.get(t.start - base);
    return r && r.length === t.end - t.start ? r.tag : undefined;
  });
}

const SUBJECT_TAG = /^(NN|PRP$|WDT$|WP$)/u;
const FINITE_TAG = /^(VBD|VBZ|VBP)$/u;
const FINITE_OR_MODAL = /^(VBD|VBZ|VBP|MD)$/u;
const OBJECT_START = /^(DT|PRP\$?|CD)$/u;
const CLAUSE_MARK = /^(CC|WDT|WP|WRB)$/u;
const FINITE_WORD = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should']);

type Listed = readonly { token: Token; index: number }[];

/** Whether the word `back` places before word k is directly before it (no punctuation between). */
const directlyBefore = (list: Listed, k: number, back: number) => list[k - back] !== undefined && list[k - back]!.index === list[k]!.index - back;

/** Right after a subject: a noun or pronoun, perhaps with one adverb between. */
function afterSubject(list: Listed, tags: readonly string[], k: number): boolean {
  if (!directlyBefore(list, k, 1)) return false;
  return SUBJECT_TAG.test(tags[k - 1]!) || (/^RB/u.test(tags[k - 1]!) && directlyBefore(list, k, 2) && SUBJECT_TAG.test(tags[k - 2]!));
}

/**
 * A participle after a noun that a later finite verb follows in the same clause: "the man arrested in Paris
 * was released" (compromise reads "arrested" as a past). One that takes an object or a that-clause is the verb
 * ("Lantagne stated the outbreak was caused"): a passive participle takes no object.
 */
function reducedRelative(list: Listed, tags: readonly string[], k: number): boolean {
  const after = list[k + 1];
  if (!after || after.index !== list[k]!.index + 1 || OBJECT_START.test(tags[k + 1]!) || after.token.norm === 'that') return false;
  for (let j = k + 1; j < list.length; j++) {
    // Punctuation or a conjunction ends the clause: "opened in 1985 and covered".
    if (list[j]!.index !== list[j - 1]!.index + 1 || CLAUSE_MARK.test(tags[j]!) || list[j]!.token.norm === 'that') return false;
    if (FINITE_TAG.test(tags[j]!) || tags[j] === 'MD' || FINITE_WORD.has(list[j]!.token.norm)) return true;
  }
  return false;
}

/**
 * Words after a subject that could be a finite verb the Brill tagger read otherwise: only around these is
 * compromise asked (about 1.4 ms for a whole 25-word sentence, which one-sentence batch items feel).
 */
function candidates(list: Listed, tags: readonly string[]): number[] {
  const out: number[] = [];
  list.forEach((w, k) => {
    if (FINITE_OR_MODAL.test(tags[k]!) || !afterSubject(list, tags, k)) return;
    if (/(ed|s)$/u.test(w.token.norm) || possibleTags(w.token.norm).some((t) => FINITE_TAG.test(t))) out.push(k);
  });
  return out;
}

/** Words either side of a candidate that compromise reads it with: its subject before, its object after. */
const WINDOW = 4;

/** compromise's readings (undefined outside the windows), by word index of `list`. */
function windowReadings(list: Listed, tokens: readonly Token[], at: readonly number[]): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(list.length).fill(undefined);
  let k = 0;
  while (k < at.length) {
    const from = Math.max(0, at[k]! - WINDOW);
    let to = Math.min(list.length - 1, at[k]! + WINDOW);
    // Overlapping windows are read as one span.
    while (k + 1 < at.length && at[k + 1]! - WINDOW <= to + 1) to = Math.min(list.length - 1, at[++k]! + WINDOW);
    k++;
    const span = tokens.slice(list[from]!.index, list[to]!.index + 1);
    const tags = verbTags(span);
    for (let j = from; j <= to; j++) out[j] = tags[list[j]!.index - list[from]!.index];
  }
  return out;
}

/**
 * The Brill tagger's tags with compromise's verb readings where Brill has none or a non-finite one: it reads
 * "Allan made the score", "Hershey and Chase used phages" and "forces move" as the participles and nouns the
 * Brill lexicon prefers. A finite reading only right after a subject: elsewhere compromise also calls adjectival
 * and reduced-relative participles past ("the already damaged levees", "fail to be recognized"). Held out on
 * DEMETR, session 12: aspect 30.6 -> 36.7%, tense equal (32.8%).
 */
export function mergedTags(list: Listed, tokens: readonly Token[]): string[] {
  const brill = posTags(list.map((w) => w.token));
  const tags = [...brill];
  const at = candidates(list, brill);
  if (!at.length) return tags;
  const verb = windowReadings(list, tokens, at);
  for (let k = 0; k < list.length; k++) {
    const c = verb[k];
    if (!c || !/^(VB|MD)/u.test(c) || FINITE_OR_MODAL.test(tags[k]!)) continue;
    // The word before as read so far: a noun compromise made a verb is no subject.
    if (FINITE_TAG.test(c) && (!afterSubject(list, tags, k) || (brill[k] === 'VBN' && reducedRelative(list, tags, k)))) continue;
    tags[k] = c;
  }
  return tags;
}
