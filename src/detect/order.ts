import type { Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { evidenceOf, perAlignedSentence, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

const pair = (a: Token, b: Token) => `${a.norm} ${b.norm}`;

/** The bases a regular inflection can come from: "moved" -> move, "stopped" -> stop, "squeezing" -> squeeze. */
function bases(w: string): string[] {
  const out = [w];
  for (const end of ['s', 'es', 'ed', 'd', 'ing']) {
    if (!w.endsWith(end) || w.length - end.length < 2) continue;
    const b = w.slice(0, -end.length);
    out.push(b, `${b}e`, b.replace(/(\p{L})\1$/u, '$1'));
  }
  return out;
}

/** "reviews"/"reviewed", "move"/"moved": an inflection of one base, which taggers often call noun and verb by turns. */
const inflectedAlike = (a: string, b: string) => {
  const mine = new Set(bases(a));
  return bases(b).some((x) => mine.has(x));
};
/** A gerund or present participle serves as noun and adjective too ("computing code", "the squeezing"). */
const GERUND = /^VBG/;

function adjacentPairs(words: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + 1 < words.length; k++) out.add(pair(words[k]!, words[k + 1]!));
  return out;
}

/**
 * The pair "b a" at some place of the reference with a word beside it that is beside "a b" in ours too: a swap
 * inside the same phrase ("were both in found urine" / "were both found in urine"). Without it the two orders
 * belong to different phrases ("around the orbit of" / "will orbit the sun", "time and space" / "space and time").
 */
function swappedInPlace(words: readonly Token[], k: number, ref: readonly Token[]): boolean {
  const [a, b] = [words[k]!, words[k + 1]!];
  const before = words[k - 1]?.norm;
  const after = words[k + 2]?.norm;
  for (let j = 0; j + 1 < ref.length; j++) {
    if (ref[j]!.norm !== b.norm || ref[j + 1]!.norm !== a.norm) continue;
    if ((before !== undefined && ref[j - 1]?.norm === before) || (after !== undefined && ref[j + 2]?.norm === after)) return true;
  }
  return false;
}

const COORDINATOR = /^(and|or)$/;

/** "time and space" for "space and time": two conjuncts in the other order say the same. */
function conjunctsSwapped(words: readonly Token[], k: number, ref: readonly Token[]): boolean {
  const c = COORDINATOR.test(words[k + 1]!.norm) ? k + 1 : COORDINATOR.test(words[k]!.norm) ? k : -1;
  const [x, y] = [words[c - 1]?.norm, words[c + 1]?.norm];
  if (c < 0 || x === undefined || y === undefined) return false;
  return ref.some((t, j) => t.norm === words[c]!.norm && ref[j - 1]?.norm === y && ref[j + 1]?.norm === x);
}

/** An -ly adverb takes several places in English ("actually you need" / "you actually need"): moving it is no error. */
const FREE_ADVERB = /^\p{Ll}{3,}ly$/u;

/** Whole-word forms the reference has of each stem: another form of the same word is a form error, not a synonym. */
function formsByStem(words: readonly Token[]): Map<string, Token> {
  const out = new Map<string, Token>();
  for (const t of words) if (!out.has(stem(t.norm))) out.set(stem(t.norm), t);
  return out;
}

/**
 * Word order and word form against a parallel reference: two adjacent words in the reverse order of the
 * reference's ("the red big car"), and a word in another form of the reference's word class ("importance" where
 * the reference has "important"), both fluency errors that keep the words.
 */
export class OrderDetector implements Detector {
  readonly id = 'order';
  readonly meta: DetectorMeta = {
    finds: 'two adjacent words swapped ("is it" for "it is"), a word in the wrong form ("importance" for "important"; parallel references only)',
    how: 'adjacent word pairs the aligned reference has in the other order and never in ours, inside the same phrase (a neighbour shared) unless two or more pairs are reversed; not swapped conjuncts ("time and space") or a moved -ly adverb; words whose stem the reference has in another form of another word class (POS tags)',
    categories: ['grammar'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(ctx, (s, refs) => [...this.swaps(s, refs), ...this.forms(s, refs)], { parallelOnly: true });
  }

  private swaps(s: EncodedSentence, refs: RefSentence[]): RawFlag[] {
    const at = s.tokens.flatMap((t, i) => (t.word ? [i] : []));
    const words = at.map((i) => s.tokens[i]!);
    const tags = posTags(s.tokens);
    const mine = adjacentPairs(words);
    const theirs = refs.map((ref) => {
      const refWords = ref.tokens.filter((t) => t.word);
      return { ref, words: refWords, pairs: adjacentPairs(refWords) };
    });
    const found: { k: number; ref: RefSentence; inPlace: boolean }[] = [];
    for (let k = 0; k + 1 < words.length; k++) {
      const [a, b] = [words[k]!, words[k + 1]!];
      // Names, figures and dates are ordered by convention ("said Korb", "15 August"), not by grammar.
      if (a.norm === b.norm || !/^\p{Ll}+$/u.test(a.text) || !/^\p{Ll}+$/u.test(b.text)) continue;
      if ([k, k + 1].some((w) => FREE_ADVERB.test(words[w]!.norm) && tags[at[w]!]?.startsWith('RB'))) continue;
      const other = theirs.find((r) => r.pairs.has(pair(b, a)) && !r.pairs.has(pair(a, b)) && !mine.has(pair(b, a)) && !conjunctsSwapped(words, k, r.words));
      if (other) found.push({ k, ref: other.ref, inPlace: swappedInPlace(words, k, other.words) });
    }
    // Two reversed pairs or more: the order is scrambled, whatever the neighbours; one alone must sit in place.
    const kept = found.length >= 2 ? found : found.filter((f) => f.inPlace);
    return kept.map(({ k, ref, inPlace }) => {
      const [a, b] = [words[k]!, words[k + 1]!];
      const text = s.sentence.text.slice(a.start - s.sentence.start, b.end - s.sentence.start);
      return {
        start: a.start,
        end: b.end,
        text,
        category: 'grammar' as const,
        // More than one swap in a sentence: its word order is scrambled, which obscures the meaning (MQM major).
        severity: kept.length >= 2 ? ('major' as const) : ('minor' as const),
        confidence: 0.5,
        message: `'${text}' is in the reverse order of the reference's '${b.text} ${a.text}'.`,
        suggestion: `${b.text}${text.slice(a.text.length, text.length - b.text.length)}${a.text}`,
        evidence: [evidenceOf(ref)],
        detector: this.id,
        features: { swap: 1, refSim: ref.similarity, swaps: kept.length, inPlace: inPlace ? 1 : 0 },
      };
    });
  }

  private forms(s: EncodedSentence, refs: RefSentence[]): RawFlag[] {
    const tags = posTags(s.tokens);
    const flags: RawFlag[] = [];
    for (const ref of refs) {
      const refWords = ref.tokens.filter((t) => t.word);
      const refTags = posTags(refWords);
      const norms = new Set(refWords.map((t) => t.norm));
      const forms = formsByStem(refWords);
      s.tokens.forEach((t, k) => {
        if (!t.word || !/^\p{L}{4,}$/u.test(t.text) || norms.has(t.norm)) return;
        const other = forms.get(stem(t.norm));
        if (!other || other.norm === t.norm || inflectedAlike(t.norm, other.norm)) return;
        const at = refWords.indexOf(other);
        const otherTag = refTags[at] ?? '';
        // The same slot: both neighbours the reference's ("an importance step" / "an important step"), else a paraphrase.
        const mine = s.tokens.filter((x) => x.word);
        const i = mine.indexOf(t);
        if (mine[i - 1]?.norm !== refWords[at - 1]?.norm || mine[i + 1]?.norm !== refWords[at + 1]?.norm) return;
        const tag = tags[k] ?? '';
        // Only across word classes: a verb's other tense is the tense detector's, a plural is not a form error.
        if (tag.slice(0, 2) === otherTag.slice(0, 2) || !/^(NN|VB|JJ|RB)/.test(tag) || !/^(NN|VB|JJ|RB)/.test(otherTag)) return;
        if (GERUND.test(tag) || GERUND.test(otherTag)) return;
        flags.push({
          start: t.start,
          end: t.end,
          text: t.text,
          category: 'grammar',
          severity: 'minor',
          confidence: 0.5,
          message: `'${t.text}' is another form of the reference's '${other.text}'.`,
          suggestion: other.text === other.norm || t.text !== t.norm ? other.text : other.norm,
          evidence: [evidenceOf(ref)],
          detector: this.id,
          features: { swap: 0, refSim: ref.similarity, swaps: 0 },
        });
      });
    }
    return flags;
  }
}
