import type { Token } from '../core/types.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** English words that legitimately double ("that that", "had had"); a closed, language-wide list. */
const LEGIT_DOUBLE = new Set(['that', 'had', 'is', 'do']);
/** Coordinated repeats that are idioms ("more and more", "again and again"). */
const IDIOM = new Set(['more', 'again', 'over', 'through', 'round', 'on', 'by', 'less', 'back', 'forth', 'side', 'step', 'time', 'day', 'year', 'worse']);
/** English doubles a comparative to say it keeps growing ("faster and faster", "closer and closer"). */
const growingComparative = (conj: string, word: string) => conj === 'and' && /\p{L}{2,}er$/u.test(word);
const idiomatic = (conj: string, word: string) => (JOINERS.has(conj) && IDIOM.has(word)) || growingComparative(conj, word);

/** A word joined to itself by these is a stutter of the MT ("prisoners and prisoners", "hostage of hostage"). */
const JOINERS = new Set(['and', 'or', 'of']);

/** Repeated words and phrases: an n-gram directly repeated ("the the"), or a word coordinated with itself. */
export class DuplicationDetector implements Detector {
  readonly id = 'duplication';
  readonly meta: DetectorMeta = {
    finds: 'repeated words ("discussions and discussions", "hostage of hostage", "the the")',
    how: 'an n-gram directly repeated, or a word coordinated with itself, that no reference repeats',
    categories: ['duplication'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      const words = s.tokens.filter((t) => t.word);
      for (let n = 3; n >= 1; n--) {
        for (let i = 0; i + 2 * n <= words.length; i++) {
          const a = words.slice(i, i + n);
          const b = words.slice(i + n, i + 2 * n);
          if (!a.every((t, k) => t.norm === b[k]!.norm)) continue;
          if (n === 1 && LEGIT_DOUBLE.has(a[0]!.norm)) continue;
          // "faster and faster and ...": the idiom's own words, read again one word on.
          if (n === 2 && idiomatic(a[1]!.norm, a[0]!.norm)) continue;
          // Only a run of words joined by spaces, no punctuation anywhere in it ("no, no" is emphasis).
          if (!/^[^\p{P}]*$/u.test(ctx.mt.text.slice(a[0]!.start, b[n - 1]!.end).replace(/[\p{L}\p{N}'’-]+/gu, ''))) continue;
          if (!/^\s+$/.test(ctx.mt.text.slice(a[n - 1]!.end, b[0]!.start))) continue;
          // The references repeat it too: a name ("Bora Bora"), not a stutter.
          const phrase = ctx.mt.text.slice(a[0]!.start, b[n - 1]!.end).toLowerCase();
          if (ctx.refs.some((r) => r.text.toLowerCase().includes(phrase))) continue;
          flags.push(this.flag(ctx, b[0]!, b[n - 1]!, `'${ctx.mt.text.slice(a[0]!.start, a[n - 1]!.end)}' is repeated.`, ''));
          i += 2 * n - 1;
        }
      }
      for (let i = 0; i + 2 < words.length; i++) {
        const [x, conj, y] = [words[i]!, words[i + 1]!, words[i + 2]!];
        if (!JOINERS.has(conj.norm) || x.norm !== y.norm || x.norm.length <= 2 || idiomatic(conj.norm, x.norm)) continue;
        const phrase = ctx.mt.text.slice(x.start, y.end).toLowerCase();
        if (ctx.refs.some((r) => r.text.toLowerCase().includes(phrase))) continue;
        const how = conj.norm === 'of' ? `governs itself through 'of'` : 'is coordinated with itself';
        flags.push(this.flag(ctx, conj, y, `'${x.text}' ${how}.`, ''));
      }
    }
    return flags.filter((f, k) => flags.findIndex((g) => g.start < f.end && f.start < g.end) === k);
  }

  private flag(ctx: DetectContext, first: Token, last: Token, message: string, suggestion: string): RawFlag {
    // The span covers the repeat and the space before it, so deleting it is the fix.
    let start = first.start;
    while (start > 0 && /\s/.test(ctx.mt.text[start - 1]!)) start--;
    return {
      start,
      end: last.end,
      text: ctx.mt.text.slice(start, last.end),
      category: 'duplication',
      severity: 'minor',
      confidence: ctx.settings.fluency.confidence,
      message: `${message} Delete the repetition.`,
      suggestion,
      evidence: [],
      detector: this.id,
    };
  }
}
