import { diffArrays } from 'diff';
import type { Evidence, Token } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { AUXILIARY, CLOSED } from './closed-class.js';
import { quoted } from './context.js';
import { editDistance } from './lexicon/distance.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { wordHunks } from './word-diff.js';

/** A run of quoted words in one sentence. */
interface Quote {
  words: Token[];
  norms: Set<string>;
  evidence: Evidence;
}

/** Consecutive word tokens inside quotation marks. */
export function quotesOf(s: EncodedSentence): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  for (const t of s.tokens) {
    if (!t.word) continue;
    if (quoted(s, t)) run.push(t);
    else if (run.length) {
      out.push(run);
      run = [];
    }
  }
  if (run.length) out.push(run);
  return out;
}

/** Words shared in order (the longest common subsequence) over the MT quote's length. */
function overlap(a: string[], b: string[]): number {
  const common = diffArrays(a, b).reduce((n, p) => (p.added || p.removed ? n : n + (p.count ?? p.value.length)), 0);
  return common / a.length;
}

const content = (t: Token) => /^\p{L}{3,}$/u.test(t.text) && !CLOSED.test(t.norm) && !AUXILIARY.test(t.norm);

/**
 * Misquotes: comparable articles print the same quotation in the speaker's words, so a quotation is the one
 * place where they are parallel to the MT. A few words replaced between words both sides share ("good luck to
 * do what is right" for "good faith effort to do what's right") are a mistranslation with the quoted words as fix.
 */
export class QuoteDetector implements Detector {
  readonly id = 'quotes';
  readonly meta: DetectorMeta = {
    finds: 'misquotes: a phrase replaced inside a quotation the references print ("good luck to do what is right" for "good faith effort to do what\'s right")',
    how: 'a reference quotation repeating >= 60% of the MT quotation\'s words in order, and up to three words replaced between shared ones (not function words only, not a misspelling)',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const refQuotes: Quote[] = ctx.refs.flatMap((doc) =>
      doc.sentences.flatMap((s) =>
        quotesOf(s).map((words) => ({ words, norms: new Set(words.map((t) => t.norm)), evidence: { ref: doc.id, index: s.sentence.index, text: s.sentence.text } })),
      ),
    );
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const words of quotesOf(s)) {
        if (words.length < ctx.settings.quotes.minWords) continue;
        const norms = words.map((t) => t.norm);
        const needed = ctx.settings.quotes.minOverlap * norms.length;
        // Shared words bound the common subsequence from above: most quotations are ruled out without a diff.
        const matches = refQuotes.filter(
          (q) => norms.filter((w) => q.norms.has(w)).length >= needed && overlap(norms, q.words.map((t) => t.norm)) >= ctx.settings.quotes.minOverlap,
        );
        const found = new Map<string, { mt: Token[]; ref: Token[]; evidence: Evidence[] }>();
        for (const q of matches) {
          for (const hunk of replacedRuns(words, q.words, ctx.settings.quotes.maxRun)) {
            const key = `${hunk.mt[0]!.start}:${hunk.ref.map((t) => t.norm).join(' ')}`;
            const seen = found.get(key);
            if (seen) seen.evidence.push(q.evidence);
            else found.set(key, { ...hunk, evidence: [q.evidence] });
          }
        }
        for (const hunk of found.values()) flags.push(this.flag(ctx, s, hunk.mt, hunk.ref, hunk.evidence));
      }
    }
    return flags;
  }

  private flag(ctx: DetectContext, s: EncodedSentence, mt: Token[], ref: Token[], evidence: Evidence[]): RawFlag {
    const first = mt[0]!;
    const last = mt[mt.length - 1]!;
    const refs = new Set(evidence.map((e) => e.ref)).size;
    const said = ref.map((t) => t.text).join(' ');
    const text = s.sentence.text.slice(first.start - s.sentence.start, last.end - s.sentence.start);
    return {
      start: first.start,
      end: last.end,
      text,
      category: 'mistranslation',
      // Outlets translate the same quotation in other words: a misquote keeps the meaning unless shown otherwise.
      severity: 'minor',
      confidence: 1 - (1 - ctx.settings.quotes.confidence) ** refs,
      message: `Misquoted: ${refs} reference${refs > 1 ? 's quote' : ' quotes'} '${said}' where this quotation has '${text}'.`,
      suggestion: said,
      evidence,
      detector: this.id,
      features: { support: refs, replaced: mt.length },
    };
  }
}

/**
 * Short runs of MT words replaced by other reference words, with shared words right before and after: the
 * quotation's frame holds, one phrase inside it differs. Runs of function words only are left alone.
 */
export function replacedRuns(mt: Token[], ref: Token[], maxRun: number): { mt: Token[]; ref: Token[] }[] {
  return wordHunks(mt, ref)
    .filter((h) => h.bounded && h.mt.length > 0 && h.ref.length > 0 && h.mt.length <= maxRun && h.ref.length <= maxRun)
    .filter((h) => h.mt.some(content) && h.ref.some(content) && !variant(h.mt, h.ref))
    .map((h) => ({ mt: h.mt, ref: h.ref }));
}

/** A misspelling ("Isroel") is the entity and spelling detectors' concern, an inflection grammar's. */
function variant(mt: Token[], ref: Token[]): boolean {
  const stems = new Set(ref.map((t) => stem(t.norm)));
  return mt.filter(content).some((a) => stems.has(stem(a.norm)) || ref.filter(content).some((b) => editDistance(a.norm, b.norm) <= 2));
}
