import type { Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY } from './closed-class.js';
import { clockTimes, referenceTimes } from './clock.js';
import { alignedRefs, evidenceOf, type RefSentence } from './context.js';
import { notationFlag } from './notation.js';
import { figuresAt, figureValue, fractionAfter, inFraction, numberValues, parallelCounterpart, type Counterpart } from './figures.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

/**
 * The value of a figure that can only be source-language notation, whatever the references say: a decimal comma
 * ("2,5": English thousands take three digits) or full stops grouping thousands more than once ("1.200.000").
 * "1.200" alone is ambiguous (1.2 or 1200) and needs the references.
 */
export function foreignNotation(text: string): number | undefined {
  if (/^\d+,\d{1,2}$/.test(text)) return Number(text.replace(',', '.'));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) return Number(text.replace(/\./g, ''));
  return undefined;
}

/** "[1,1]", "(0,5)": digits a comma lists without a thousands group also stand for each listed number. */
function listedValues(text: string): number[] {
  return /^\d+(,\d{1,2})+$/.test(text) ? text.split(',').map(Number) : [];
}

const bracketed = (text: string, t: Token) => /[[(]/.test(text[t.start - 1] ?? '') && /[\])]/.test(text[t.end] ?? '');


/**
 * What identifies a number's slot across paraphrases: the noun it counts ("251 hostages") or, for years and
 * dates that count nothing, the word before it ("since 2012", "March 5").
 */
function slotKeys(s: EncodedSentence, k: number): string[] {
  const tags = posTags(s.tokens);
  const keys: string[] = [];
  for (let j = k + 1; j < Math.min(s.tokens.length, k + 4); j++) {
    const t = s.tokens[j]!;
    // "since 1998, the ground": punctuation ends the number's phrase; the noun after it counts nothing.
    if (!t.word) break;
    if (/^NN/.test(tags[j] ?? '') && /^\p{L}+$/u.test(t.text)) {
      keys.push(`counts:${stem(t.norm)}`);
      break;
    }
  }
  const prev = s.tokens[k - 1];
  if (keys.length === 0 && prev?.word && /^\p{L}+$/u.test(prev.text)) keys.push(`after:${prev.norm}`);
  return keys;
}

/** Stems of the verbs and adjectives around a figure: what happens to what it counts ("took", "remain", "dead"). */
function factWords(s: EncodedSentence, k: number): Set<string> {
  const tags = posTags(s.tokens);
  const out = new Set<string>();
  for (let j = Math.max(0, k - 4); j < Math.min(s.tokens.length, k + 5); j++) {
    const t = s.tokens[j]!;
    if (j !== k && t.word && /^(VB|JJ)/.test(tags[j] ?? '') && /^\p{L}{3,}$/u.test(t.text) && !AUXILIARY.test(t.norm)) out.add(stem(t.norm));
  }
  return out;
}

/**
 * The same fact, not only the same noun: "251 hostages were taken" and "59 hostages remain" count hostages in
 * two events. When both figures stand with verbs or adjectives, one must be shared; a bare noun on either side
 * cannot tell, and then the slot alone decides.
 */
function sameFact(mine: Set<string>, theirs: Set<string>): boolean {
  if (mine.size === 0 || theirs.size === 0) return true;
  for (const w of mine) if (theirs.has(w)) return true;
  return false;
}

/** "over 48,000" for 48,440 is rounding; "about 2,008" for 2,000 is not: the MT figure must be rounder. */
function trailingZeros(n: number): number {
  let z = 0;
  for (let x = Math.round(n); x !== 0 && x % 10 === 0; x /= 10) z++;
  return z;
}

interface Slotted {
  ref: RefSentence;
  token: Token;
  value: number;
  /** References agreeing on the figure, when no single close sentence gives it. */
  agreeing?: number;
  /** A single loosely aligned reference: a changed meaning (major), not a key fact proven wrong. */
  weak?: boolean;
  /** Paired by contextual vectors in a parallel reference, not by the counted noun. */
  paired?: Counterpart;
}

/** The reference's figure written the way ours is: digits for digits, "15th" for an ordinal, its word for a word. */
function rewrite(token: Token, other: Slotted): string {
  if (!/\d/u.test(token.text)) return other.token.text;
  const ordinal = /^\d+(st|nd|rd|th)$/u.test(token.norm);
  if (!ordinal) return numberValues(other.token.text).length ? other.token.text : other.value >= 1e4 ? other.value.toLocaleString('en-US') : String(other.value);
  const n = other.value;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const APPROXIMATE = /^(about|around|over|nearly|almost|roughly|some|approximately|more|less|fewer|least|most|than|up)$/;

function approximate(s: EncodedSentence, k: number): boolean {
  return s.tokens.slice(Math.max(0, k - 3), k).some((t) => APPROXIMATE.test(t.norm));
}

/**
 * Numbers inconsistent with the references: a figure no reference contains while an aligned reference has a
 * different figure counting the same thing, or a figure written in source-language notation ("1.200").
 */
export class NumberDetector implements Detector {
  readonly id = 'numbers';
  readonly meta: DetectorMeta = {
    finds: 'a different figure for the same count; source-language notation ("1.200" where the references have 1,200; "2,5")',
    how: 'same following noun (or, for years, the same preceding word) in a strongly aligned reference sentence, or one figure that the aligned sentences of two references agree on; rounding with "about/over" tolerated',
    categories: ['number'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const refValues = new Map<number, number>();
    for (const ref of ctx.refs)
      for (const s of ref.sentences)
        // "two and a half years", "half a million": a reference's figure as its words complete it.
        s.tokens.forEach((t, j) => {
          for (const v of [...figuresAt(s.tokens, j), ...listedValues(t.text)]) refValues.set(v, (refValues.get(v) ?? 0) + 1);
        });
    const refTimes = new Set(ctx.refs.flatMap((ref) => [...referenceTimes(ref.text)]));
    const flags: RawFlag[] = [];
    const parallel = ctx.options.mode === 'parallel';
    ctx.mt.sentences.forEach((s, i) => {
      // A time a reference states too, however it writes it ("15:00" and "15.00", "20:30" and "8:30 p.m."), is no count.
      const sameTimes = clockTimes(s.sentence.text, s.sentence.start).filter((t) => t.minutes.some((m) => refTimes.has(m)));
      s.tokens.forEach((token, k) => {
        // A parallel reference translates this sentence, so "nine years" and "the 14th century" are checkable too.
        // "2 1/2": the 1 and the 2 after the whole number are its fraction, not counts of their own.
        if (inFraction(s.tokens, k)) return;
        const half = fractionAfter(s.tokens, k).value;
        const values = (parallel ? figureValue(token) : numberValues(token.text)).map((v) => v + half);
        if (values.length === 0) return;
        if (sameTimes.some((t) => token.start >= t.start && token.end <= t.end)) return;
        const foreign = foreignNotation(token.text);
        // A bracketed pair ("[1,1]", "(0,5)") lists two numbers; it writes no decimal.
        if (foreign !== undefined && bracketed(ctx.mt.text, token)) return;
        if (foreign !== undefined) {
          flags.push(this.notation(token, foreign, refValues.has(foreign), ctx.settings.numbers.confidence));
          return;
        }
        const english = numberValues(token.text).length ? Number(token.text.replace(/,/g, '')) + half : values[0]!;
        const known = values.find((v) => refValues.has(v));
        if (known !== undefined && known !== english) {
          flags.push(this.notation(token, known, true, ctx.settings.numbers.confidence));
          return;
        }
        if (known !== undefined) return;
        const other = this.counterpart(ctx, s, i, k);
        if (!other) return;
        const ratio = Math.abs(other.value - english) / Math.max(Math.abs(other.value), 1);
        if (approximate(s, k) && ratio <= ctx.settings.numbers.roundingTolerance && trailingZeros(english) > trailingZeros(other.value)) return;
        flags.push({
          start: token.start,
          end: token.end,
          text: token.text,
          category: 'number',
          severity: other.weak ? 'major' : ctx.settings.numbers.contradictionSeverity,
          confidence: ctx.settings.numbers.confidence,
          message: other.agreeing
            ? `'${token.text}' appears in no reference; ${other.agreeing} reference${other.agreeing > 1 ? 's give' : ' gives'} '${other.token.text}' in the same slot.`
            : `'${token.text}' appears in no reference; the aligned reference gives '${other.token.text}' for the same count.`,
          suggestion: rewrite(token, other),
          evidence: [evidenceOf(other.ref)],
          detector: this.id,
          features: {
            weak: other.weak ? 1 : 0,
            agreeing: other.agreeing ?? 0,
            refSim: other.ref.similarity,
            paired: other.paired ? 1 : 0,
            pairSim: other.paired?.similarity ?? 1,
            unmatched: other.paired?.unmatched ?? 1,
          },
        });
      });
    });
    return flags;
  }

  /**
   * The reference figure ours contradicts: the same slot in a close sentence, the consensus of the aligned
   * ones, or, in a parallel reference, the figure it gives that we lack, paired by contextual vectors.
   */
  private counterpart(ctx: DetectContext, s: EncodedSentence, i: number, k: number): Slotted | undefined {
    const keys = slotKeys(s, k);
    const aligned = alignedRefs(ctx, i);
    if (keys.length) {
      const refs = aligned.filter((r) => r.similarity >= ctx.settings.numbers.sameFactSimilarity);
      // A count's fact is what happens to what it counts; a year's slot ("since 2012") is its fact already.
      const fact = keys.some((key) => key.startsWith('counts:')) ? factWords(s, k) : new Set<string>();
      // A close sentence states the same fact by itself (its verbs may be paraphrased); loose ones must show it.
      const found = this.sameSlot(refs, keys) ?? this.consensus(aligned, keys, fact, ctx.options.mode === 'parallel', ctx.settings.numbers.consensusReferences);
      if (found) return found;
    }
    if (ctx.options.mode !== 'parallel') return undefined;
    let best: Slotted | undefined;
    for (const ref of aligned) {
      const c = parallelCounterpart(s, k, ref);
      if (c && (!best?.paired || c.similarity > best.paired.similarity)) best = { ref, token: c.token, value: c.value, paired: c };
    }
    return best;
  }

  private sameSlot(refs: RefSentence[], keys: string[]): { ref: RefSentence; token: Token; value: number } | undefined {
    for (const ref of refs) {
      for (const [k, token] of ref.tokens.entries()) {
        const v = numberValues(token.text)[0];
        if (v !== undefined && slotKeys(ref, k).some((key) => keys.includes(key))) return { ref, token, value: v };
      }
    }
    return undefined;
  }

  /**
   * Without a close reference sentence, the aligned sentences of several references still pin a slot when
   * they give it one figure and none gives it another ("since 2012" in three articles). One loosely aligned
   * comparable reference never suffices: a similar slot in another article's sentence is as often another fact.
   */
  private consensus(aligned: RefSentence[], keys: string[], fact: Set<string>, parallel: boolean, needed: number): Slotted | undefined {
    const found = aligned.flatMap((ref) =>
      [...ref.tokens.entries()]
        .filter(([k, token]) => numberValues(token.text).length > 0 && slotKeys(ref, k).some((key) => keys.includes(key)) && sameFact(fact, factWords(ref, k)))
        .map(([, token]) => ({ ref, token, value: numberValues(token.text)[0]! })),
    );
    const values = new Set(found.map((f) => f.value));
    const refs = new Set(found.map((f) => f.ref.ref)).size;
    if (values.size !== 1) return undefined;
    // A parallel reference translates this very sentence: its figure in the slot is the fact.
    if (refs >= needed || parallel) return { ...found[0]!, agreeing: refs };
    // One loosely aligned reference: only with the fact itself shared (not a bare noun), and never critical.
    const only = found[0]!;
    const shared = [...fact].some((w) => factWords(only.ref, only.ref.tokens.indexOf(only.token)).has(w));
    return shared ? { ...only, agreeing: 1, weak: true } : undefined;
  }

  private notation(token: Token, value: number, confirmed: boolean, confidence: number): RawFlag {
    const suggestion = value.toLocaleString('en-US');
    const message = `'${token.text}' is written in source-language notation; ${confirmed ? 'the references write' : 'English writes'} ${suggestion}.`;
    return notationFlag(this.id, token.start, token.text, suggestion, message, confidence);
  }

}
