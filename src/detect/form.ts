import type { Token } from '../core/types.js';
import { alignedRefs, evidenceOf, perAlignedSentence, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

/** Closing quotes and brackets may follow a sentence's final mark ("… he said."). */
const TRAILING = /[\s"'”’»)\]]+$/u;
const TERMINAL = /[.!?…:;]$/u;

function lastMark(text: string): string {
  return text.replace(TRAILING, '').slice(-1);
}

/** The first letter, unless a digit comes first: "802.11n is faster" does not begin with a lower-case letter. */
function firstLetter(text: string): string | undefined {
  const c = /[\p{L}\p{N}]/u.exec(text)?.[0];
  return c !== undefined && /\p{L}/u.test(c) ? c : undefined;
}

const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * The form of a sentence against its parallel reference: a statement turned into a question (or back), the
 * final full stop dropped, the first letter in lower case. A translation keeps the clause type and the
 * sentence conventions of English whatever its wording, so these need no word alignment.
 */
export class FormDetector implements Detector {
  readonly id = 'form';
  readonly meta: DetectorMeta = {
    finds: 'a statement turned into a question or back ("He is coming?"), the final full stop dropped, a sentence begun in lower case (parallel references only)',
    how: 'the final mark and the first letter of the sentence against every aligned reference sentence, which must agree',
    categories: ['mistranslation', 'punctuation', 'spelling'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(ctx, (s, refs, i) => this.sentence(ctx, s, refs, i), { parallelOnly: true });
  }

  private sentence(ctx: DetectContext, s: EncodedSentence, refs: RefSentence[], i: number): RawFlag[] {
    const words = s.tokens.filter((t) => t.word);
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) return [];
    return [this.question(ctx, s, refs, last, i), this.finalMark(ctx, s, refs, last), this.firstCase(s, refs, first)].filter((f): f is RawFlag => f !== undefined);
  }

  private question(ctx: DetectContext, s: EncodedSentence, refs: RefSentence[], last: Token, i: number): RawFlag | undefined {
    const asks = lastMark(s.sentence.text) === '?';
    const refAsks = refs.map((r) => lastMark(r.sentence.text) === '?');
    if (refAsks.some((q) => q === asks)) return undefined;
    // A reference question the translation splits in two ("... its noise. But is ours the only one?"): the
    // neighbouring MT sentence aligned to the same reference sentence asks it.
    const same = (r: RefSentence) => refs.some((x) => x.ref === r.ref && x.sentence.index === r.sentence.index);
    for (const j of [i - 1, i + 1]) {
      const n = ctx.mt.sentences[j];
      if (n && (lastMark(n.sentence.text) === '?') !== asks && alignedRefs(ctx, j).some(same)) return undefined;
    }
    const markAt = s.sentence.start + s.sentence.text.replace(TRAILING, '').length - 1;
    const span = asks ? { start: markAt, end: markAt + 1 } : { start: last.start, end: last.end };
    return {
      ...span,
      text: ctx.mt.text.slice(span.start, span.end),
      category: 'mistranslation',
      severity: 'major',
      confidence: 0.7,
      message: asks ? 'The translation asks a question where the reference makes a statement.' : 'The reference asks a question; the translation makes a statement.',
      ...(asks ? { suggestion: '.' } : {}),
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { refSim: Math.max(...refs.map((r) => r.similarity)), asks: asks ? 1 : 0, question: 1 },
    };
  }

  private finalMark(ctx: DetectContext, s: EncodedSentence, refs: RefSentence[], last: Token): RawFlag | undefined {
    const mark = lastMark(s.sentence.text);
    if (TERMINAL.test(mark) || !refs.every((r) => TERMINAL.test(lastMark(r.sentence.text)))) return undefined;
    // Only the sentence's true end: a cut-off sentence that continues in the next one is the splitter's doing.
    if (s.sentence.end < ctx.mt.text.length && !/^\s*(\n|$)/u.test(ctx.mt.text.slice(s.sentence.end, s.sentence.end + 2))) return undefined;
    const refMark = lastMark(refs[0]!.sentence.text);
    return {
      start: last.start,
      end: last.end,
      text: last.text,
      category: 'punctuation',
      severity: 'minor',
      confidence: 0.7,
      message: `The sentence ends without a final '${refMark}'.`,
      suggestion: `${last.text}${refMark}`,
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { refSim: Math.max(...refs.map((r) => r.similarity)), finalMark: 1 },
    };
  }

  private firstCase(s: EncodedSentence, refs: RefSentence[], first: Token): RawFlag | undefined {
    if (!isLower(firstLetter(first.text)) || !refs.every((r) => isUpper(firstLetter(r.sentence.text)))) return undefined;
    // "iPhone", "eBay": a word written with a capital later on is a name that starts in lower case.
    if (/\p{Lu}/u.test(first.text.slice(1))) return undefined;
    return {
      start: first.start,
      end: first.end,
      text: first.text,
      category: 'spelling',
      severity: 'minor',
      confidence: 0.7,
      message: 'The sentence begins with a lower-case letter.',
      suggestion: first.text.charAt(0).toUpperCase() + first.text.slice(1),
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { refSim: Math.max(...refs.map((r) => r.similarity)), firstCase: 1 },
    };
  }
}
