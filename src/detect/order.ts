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
    how: 'adjacent word pairs the aligned reference has in the other order and never in ours; words whose stem the reference has in another form of another word class (POS tags)',
    categories: ['grammar'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(ctx, (s, refs) => [...this.swaps(s, refs), ...this.forms(s, refs)], { parallelOnly: true });
  }

  private swaps(s: EncodedSentence, refs: RefSentence[]): RawFlag[] {
    const words = s.tokens.filter((t) => t.word);
    const mine = adjacentPairs(words);
    const flags: RawFlag[] = [];
    for (let k = 0; k + 1 < words.length; k++) {
      const [a, b] = [words[k]!, words[k + 1]!];
      // Names, figures and dates are ordered by convention ("said Korb", "15 August"), not by grammar.
      if (a.norm === b.norm || !/^\p{Ll}+$/u.test(a.text) || !/^\p{Ll}+$/u.test(b.text)) continue;
      const ref = refs.find((r) => {
        const theirs = adjacentPairs(r.tokens.filter((t) => t.word));
        return theirs.has(pair(b, a)) && !theirs.has(pair(a, b)) && !mine.has(pair(b, a));
      });
      if (!ref) continue;
      const text = s.sentence.text.slice(a.start - s.sentence.start, b.end - s.sentence.start);
      flags.push({
        start: a.start,
        end: b.end,
        text,
        category: 'grammar',
        severity: 'minor',
        confidence: 0.5,
        message: `'${text}' is in the reverse order of the reference's '${b.text} ${a.text}'.`,
        suggestion: `${b.text}${text.slice(a.text.length, text.length - b.text.length)}${a.text}`,
        evidence: [evidenceOf(ref)],
        detector: this.id,
        features: { swap: 1, refSim: ref.similarity, swaps: 0 },
      });
    }
    // More than one swap in a sentence: its word order is scrambled, which obscures the meaning (MQM major).
    for (const f of flags) {
      f.features!.swaps = flags.length;
      if (flags.length >= 2) f.severity = 'major';
    }
    return flags;
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
