import type { Token } from '../core/types.js';
import { possibleTags } from '../segment/pos.js';
import { mergedTags } from '../segment/verb-tags.js';
import { stem } from '../segment/stem.js';
import { dot } from '../embed/vectors.js';

export type Tense = 'past' | 'present' | 'future';

/** A finite verb with the auxiliaries and adverbs after it and the lexical verb they carry ("has not been found"). */
export interface VerbGroup {
  /** The finite word: it carries the tense. */
  finite: Token;
  /** The lexical verb, or the last auxiliary where there is none ("is" in "is late"). */
  head: Token;
  /** Index of `head` in the sentence's tokens (its contextual vector). */
  headIndex: number;
  /** Index of `finite` among the sentence's verb groups' finite words: 0 is the first finite verb. */
  order: number;
  tense: Tense;
  progressive: boolean;
  perfect: boolean;
  /** Lemma-like key of the lexical verb: forms of be/have/do share one, others their stem. */
  lexical: string;
  /** A lone verb whose one spelling is past and present alike ("beat", "put", "cut"): its form tells no time. */
  pastOrPresent: boolean;
}

const BE = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", "'re", "'m"]);
const HAVE = new Set(['has', 'have', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
const PAST = new Set(['was', 'were', 'had', 'did']);
const PRESENT = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do', "'s", "'re", "'m", "'ve"]);
const PRESENT_MODAL = new Set(['can', 'may', 'must']);
const MODAL = new Set(['would', 'should', 'can', 'could', 'may', 'might', 'must', 'ought', 'ca']);

/**
 * A contracted word's parts, so "won't" reads as will + not and "it's" as it + is; "'d" (had or would) and
 * "'s" after a noun (is, has or a possessive) are left to the tagger's reading of the whole token.
 */
function parts(norm: string): string[] {
  const w = norm.replace(/’/gu, "'");
  const neg = /^(\w+)n't$/u.exec(w);
  if (neg) return [neg[1] === 'wo' ? 'will' : neg[1] === 'ca' ? 'can' : neg[1]!, 'not'];
  const clitic = /^(i|you|we|they|he|she|it|that|there|who|what)('s|'re|'m|'ll|'ve)$/u.exec(w);
  return clitic ? [clitic[1]!, clitic[2]!] : [w];
}

const isAux = (w: string) => BE.has(w) || HAVE.has(w) || DO.has(w) || FUTURE.has(w) || MODAL.has(w);
const lemma = (w: string) => (BE.has(w) ? 'be' : HAVE.has(w) ? 'have' : DO.has(w) ? 'do' : stem(w));
/** Adverbs that sit inside a verb group ("will first play"), some of which the tagger's lexicon lists as nouns. */
const INNER_ADVERB = new Set(['not', 'first', 'then', 'once', 'ever', 'never', 'already', 'still', 'also', 'just', 'only', 'now', 'soon', 'later']);
const adverbial = (w: string, tag: string) => {
  if (INNER_ADVERB.has(w) || tag.startsWith('RB')) return true;
  const possible = possibleTags(w);
  return possible.some((t) => t.startsWith('RB')) && !possible.some((t) => t.startsWith('VB'));
};

/**
 * Whether a word the tagger read as another part of speech can be the verb an auxiliary carries ("will open",
 * tagged as an adjective): a bare form after will, do and modals, a participle after be and have. Only a word
 * the tagger read as a content word: the lexicon lists "a" as a participle too.
 */
const OPEN_CLASS = /^(NN|JJ|RB)/u;

/** "interesting", "boring": words the lexicon knows as adjectives only are no verb, whatever a tagger guessed. */
function adjectiveOnly(w: string): boolean {
  const possible = possibleTags(w);
  return possible.length > 0 && possible.every((t) => t === 'JJ');
}

function canFollow(aux: string, w: string): boolean {
  const possible = possibleTags(w);
  if (BE.has(aux)) return possible.includes('VBG') || possible.includes('VBN');
  if (HAVE.has(aux)) return possible.includes('VBN');
  return possible.includes('VB');
}

function tenseOf(w: string, tag: string): Tense | undefined {
  // Contraction parts carry no tag of their own ('' for "won't").
  if (FUTURE.has(w) && (tag === 'MD' || tag === '' || w !== 'will')) return 'future';
  if (PAST.has(w) || (tag === 'VBD' && !isAux(w))) return 'past';
  if (PRESENT.has(w) || ((tag === 'VBZ' || tag === 'VBP') && !isAux(w))) return 'present';
  // "may face", "may have faced": modals without a past reading of their own; could, would, might and should
  // are as often conditional as past, so they stay unread.
  if (PRESENT_MODAL.has(w) && (tag === 'MD' || tag === '')) return 'present';
  return undefined;
}

/** Subject pronouns that take a bare present ("we know") and those after which a participle-tagged word is a past. */
const PLURAL_SUBJECT = new Set(['i', 'you', 'we', 'they']);
const SUBJECT = new Set([...PLURAL_SUBJECT, 'he', 'she', 'it', 'who']);
/** Verbs after which a noun and a bare verb are object and infinitive ("let the children play"). */
const CAUSATIVE = new Set(['let', 'lets', 'make', 'makes', 'made', 'help', 'helps', 'helped', 'see', 'saw', 'watch', 'watched', 'hear', 'heard']);

/**
 * The tense of a word the tagger read without one, from the word before it: "she overlooked" (tagged as a
 * participle) is a past, "we know" and "Klose and Flick know" (tagged as a bare verb) and "they travel" (tagged as
 * a noun: a pronoun subject is never followed by one) a present. Only right after a subject, and never after an
 * auxiliary, "to" or a causative verb ("let them play"). Reading noun-tagged words after a noun subject as verbs
 * ("Apple shares the view") lost more aspect hits than it gained tense ones, held out (session 11).
 */
function tenseInContext(ws: readonly Word[], k: number): Tense | undefined {
  const w = ws[k]!;
  const prev = ws[k - 1];
  if (!prev || prev.index !== w.index - 1 || isAux(prev.norm) || prev.tag === 'TO' || prev.tag === 'MD') return undefined;
  if (ws.slice(Math.max(0, k - 4), k - 1).some((x) => CAUSATIVE.has(x.norm) || x.tag === 'TO')) return undefined;
  const possible = possibleTags(w.norm);
  if (w.tag === 'VBN' && SUBJECT.has(prev.norm) && possible.includes('VBD')) return 'past';
  const nounSubject = /^NN/.test(prev.tag) && !SUBJECT.has(prev.norm) && prev.norm !== 'i';
  if (w.tag === 'VB' && (PLURAL_SUBJECT.has(prev.norm) || (nounSubject && /^NNS|^NNP/.test(prev.tag))) && possible.includes('VBP')) return 'present';
  // A subject pronoun is never followed by a noun: "they travel", "it costs" are verbs the tagger read as nouns.
  if (/^NNS?$/.test(w.tag) && SUBJECT.has(prev.norm) && prev.norm !== 'who' && possible.includes(PLURAL_SUBJECT.has(prev.norm) ? 'VBP' : 'VBZ')) return 'present';
  return undefined;
}

interface Word {
  token: Token;
  index: number;
  /** The (last) part of a contraction that carries the verb: "'s" of "it's". */
  norm: string;
  tag: string;
}

function words(tokens: readonly Token[]): Word[] {
  const list = tokens.map((token, index) => ({ token, index })).filter((w) => w.token.word);
  const tags = mergedTags(list, tokens);
  return list.map((w, k) => {
    const p = parts(w.token.norm);
    const verbPart = p.length === 2 && p[1] !== 'not' ? p[1]! : p[0]!;
    return { ...w, norm: verbPart, tag: p.length > 1 ? '' : (tags[k] ?? '') };
  });
}

const memo = new WeakMap<readonly Token[], VerbGroup[]>();

/**
 * Every finite verb group of a sentence, in order; memoised per token list, since the tense detector and the
 * sentence score read the same sentences, and one reference sentence serves several MT sentences.
 */
export function verbGroups(tokens: readonly Token[]): VerbGroup[] {
  let groups = memo.get(tokens);
  if (!groups) memo.set(tokens, (groups = findGroups(tokens)));
  return groups;
}

function findGroups(tokens: readonly Token[]): VerbGroup[] {
  const ws = words(tokens);
  const groups: VerbGroup[] = [];
  for (let k = 0; k < ws.length; k++) {
    const tense = tenseOf(ws[k]!.norm, ws[k]!.tag) ?? tenseInContext(ws, k);
    if (!tense) continue;
    const chain = [ws[k]!];
    let j = k + 1;
    // Auxiliaries and adverbs after the finite word, then at most one lexical verb.
    while (isAux(ws[k]!.norm) && j < ws.length && chain.length < 6) {
      const w = ws[j]!;
      // Punctuation between two words ends the group: "is, according to".
      if (w.index !== ws[j - 1]!.index + 1) break;
      if (isAux(w.norm)) chain.push(w);
      else if (adverbial(w.norm, w.tag) && j + 1 < ws.length && j - k < 4) {
        j++;
        continue;
      } else {
        if ((w.tag.startsWith('VB') && !adjectiveOnly(w.norm)) || (OPEN_CLASS.test(w.tag) && canFollow(chain[chain.length - 1]!.norm, w.norm))) chain.push(w);
        break;
      }
      j++;
    }
    const last = ws.indexOf(chain[chain.length - 1]!);
    // "is going to win" is the future.
    const goingTo = chain[chain.length - 1]!.norm === 'going' && ws[last + 1]?.norm === 'to' && (ws[last + 2]?.tag ?? '').startsWith('VB');
    groups.push(describe(chain, goingTo ? 'future' : tense, groups.length, goingTo));
    k = last;
  }
  return groups;
}

function describe(chain: Word[], tense: Tense, order: number, goingTo: boolean): VerbGroup {
  const head = chain[chain.length - 1]!;
  const readings = possibleTags(head.norm);
  const follows = (aux: Set<string>, next: (w: Word) => boolean) => chain.some((w, i) => aux.has(w.norm) && chain.slice(i + 1).some(next));
  return {
    finite: chain[0]!.token,
    head: head.token,
    headIndex: head.index,
    order,
    tense,
    progressive: !goingTo && follows(BE, (w) => w.tag === 'VBG' || w.norm === 'being' || (w === head && /ing$/u.test(w.norm) && !BE.has(w.norm))),
    perfect: follows(HAVE, (w) => w.tag === 'VBN' || w.tag === 'VBD' || w.norm === 'been'),
    lexical: lemma(head.norm),
    pastOrPresent: chain.length === 1 && !isAux(head.norm) && readings.includes('VBD') && readings.includes('VBP'),
  };
}

/**
 * Below this cosine two verbs are not counterparts but other events of the sentence. Chosen on the held-out DEMETR
 * macro recall at the precision bar among 0, 0.4, 0.5 and 0.6 (BENCHMARKS.md).
 */
const MIN_PAIR_SIM = 0.4;

/** A sentence's tokens and their contextual vectors: what verb pairing reads. */
export interface Side {
  tokens: readonly Token[];
  vectors: readonly (Float32Array | null)[];
}

const headSim = (a: Side, g: VerbGroup, b: Side, h: VerbGroup) => {
  const u = a.vectors[g.headIndex];
  const v = b.vectors[h.headIndex];
  return u && v ? dot(u, v) : -1;
};

/** Each of `mine`'s counterpart among `theirs`: the mutually closest verb group by contextual vectors. */
export function pairGroups(a: Side, mine: VerbGroup[], b: Side, theirs: VerbGroup[]): ({ j: number; sim: number; margin: number } | undefined)[] {
  const sims = mine.map((g) => theirs.map((h) => headSim(a, g, b, h)));
  return mine.map((_, i) => {
    const row = sims[i]!;
    const j = row.indexOf(Math.max(...row));
    if (j < 0 || row[j]! < MIN_PAIR_SIM || sims.some((r, i2) => i2 !== i && r[j]! > row[j]!)) return undefined;
    const second = Math.max(-1, ...row.filter((_, j2) => j2 !== j));
    return { j, sim: row[j]!, margin: row[j]! - Math.max(0, second) };
  });
}


/**
 * What differs between two verb groups: the time of the event, or only its aspect; undefined when nothing.
 * Perfect and simple past ("had started", "has appeared", "started") tell the same past event in English
 * translations as often as not, so they count as the same.
 */
export function difference(mine: VerbGroup, theirs: VerbGroup): 'tense' | 'aspect' | undefined {
  // The future perfect ("will have failed") is no past.
  const pastLike = (g: VerbGroup) => g.tense === 'past' || (g.perfect && g.tense === 'present');
  // "had been the capital since 1959" (no longer) against "has been": both perfect, in two times.
  if (mine.perfect && theirs.perfect && mine.tense !== theirs.tense) return 'tense';
  if (pastLike(mine) && pastLike(theirs) && mine.progressive === theirs.progressive) return undefined;
  // "After we beat Troyes" against "after we won": the one form reads as either time.
  const simple = (g: VerbGroup) => !g.progressive && !g.perfect && (g.tense === 'past' || g.tense === 'present');
  if ((mine.pastOrPresent || theirs.pastOrPresent) && simple(mine) && simple(theirs)) return undefined;
  if (mine.tense !== theirs.tense && !(pastLike(mine) && pastLike(theirs))) return 'tense';
  return mine.progressive !== theirs.progressive || mine.perfect !== theirs.perfect ? 'aspect' : undefined;
}

/**
 * Share of the reference's finite verbs that the MT renders nowhere (no counterpart) or in another tense or
 * aspect: a deviation for the sentence score, which sees a dropped verb or a changed tense only this way.
 */
export function verbDisagreement(mt: Side, ref: Side): number {
  const theirs = verbGroups(ref.tokens);
  if (!theirs.length) return 0;
  const mine = verbGroups(mt.tokens);
  const matched = new Map<number, VerbGroup>();
  pairGroups(ref, theirs, mt, mine).forEach((p, i) => p && matched.set(i, mine[p.j]!));
  const off = theirs.filter((h, i) => {
    const g = matched.get(i);
    return !g || difference(g, h) !== undefined;
  }).length;
  return off / theirs.length;
}
