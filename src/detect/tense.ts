import { evidenceOf, perAlignedSentence, quoted, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';
import { difference, pairGroups, verbGroups, type VerbGroup } from './verb-groups.js';

interface Pair {
  ref: RefSentence;
  theirs: VerbGroup;
  sim: number;
  /** How much closer this reference verb is than the next best one: a clear counterpart, not a guess. */
  margin: number;
}

function pairs(s: EncodedSentence, mine: VerbGroup[], ref: RefSentence): (Pair | undefined)[] {
  const theirs = verbGroups(ref.tokens);
  return pairGroups(s, mine, ref, theirs).map((p) => p && { ref, theirs: theirs[p.j]!, sim: p.sim, margin: p.margin });
}

/**
 * Source languages whose verbs carry no tense (Chinese, Vietnamese, Thai, Malay, Indonesian, Burmese, Lao, Khmer):
 * the time comes from context, so a reference's tense is one reading and another is rarely an error. On the
 * zh-en MQM talks 24% of tense flags touched an expert error span, and those mostly as grammar.
 */
const TENSELESS = new Set(['zh', 'yue', 'vi', 'th', 'ms', 'id', 'my', 'lo', 'km']);

const form = (g: VerbGroup) => `${g.perfect ? 'perfect ' : ''}${g.progressive ? 'progressive ' : ''}${g.tense}`;

/**
 * Tense and aspect: an MT verb in another tense (past for present, future for past) or aspect (progressive or
 * perfect for simple) than its counterpart in every parallel reference sentence that has one. Counterparts are
 * paired by contextual vectors, so a reordered clause or another verb for the same event still pairs.
 */
export class TenseDetector implements Detector {
  readonly id = 'tense';
  readonly meta: DetectorMeta = {
    finds: 'a verb in another tense or aspect than the reference ("announced" for "will announce", "is meeting" for "meets"; parallel references only)',
    how: 'finite verb groups (tense, progressive, perfect, on the Brill POS tags with compromise\'s verb readings right after a subject) paired with the mutually closest reference verb group by contextual vectors; every paired reference must differ; not for source languages without tense (Chinese, Vietnamese, Thai, Malay, ...)',
    categories: ['mistranslation'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    if (TENSELESS.has(ctx.options.sourceLang)) return [];
    return perAlignedSentence(ctx, (s, refs) => this.sentence(s, refs), { parallelOnly: true });
  }

  private sentence(s: EncodedSentence, refs: RefSentence[]): RawFlag[] {
    const mine = verbGroups(s.tokens);
    if (!mine.length) return [];
    const perRef = refs.map((r) => pairs(s, mine, r));
    const found = mine.map((_, i) => perRef.map((p) => p[i]).filter((p): p is Pair => p !== undefined));
    const agrees = mine.map((g, i) => found[i]!.length > 0 && found[i]!.every((p) => !difference(g, p.theirs)));
    return mine.flatMap((g, i) => {
      const kinds = found[i]!.map((p) => difference(g, p.theirs));
      if (!kinds.length || kinds.some((k) => !k)) return [];
      // A translation that moves the whole story into another tense differs at every verb; an error, at one.
      const others = found.filter((f, j) => j !== i && f.length > 0).length;
      const agreeing = agrees.filter((a, j) => j !== i && a).length;
      return [this.flag(s, g, found[i]!, kinds.includes('tense') ? 'tense' : 'aspect', mine.length, others ? agreeing / others : 0.5)];
    });
  }

  private flag(s: EncodedSentence, g: VerbGroup, found: Pair[], kind: 'tense' | 'aspect', groups: number, agree: number): RawFlag {
    const best = found.reduce((a, b) => (b.sim > a.sim ? b : a));
    const theirs = best.theirs;
    const start = g.finite.start;
    const end = Math.max(g.finite.end, g.head.end);
    const text = s.sentence.text.slice(start - s.sentence.start, end - s.sentence.start);
    const refText = best.ref.sentence.text.slice(theirs.finite.start - best.ref.sentence.start, Math.max(theirs.finite.end, theirs.head.end) - best.ref.sentence.start);
    const sameVerb = found.some((p) => p.theirs.lexical === g.lexical);
    return {
      start,
      end,
      text,
      category: 'mistranslation',
      // Another time of the event misleads (major); another aspect of the same event mostly keeps the meaning.
      severity: kind === 'tense' ? 'major' : 'minor',
      confidence: kind === 'tense' ? 0.6 : 0.4,
      message: `'${text}' is ${form(g)} where the reference has the ${form(theirs)} ('${refText}').`,
      // The reference's words fit only where they carry the same verb.
      ...(sameVerb ? { suggestion: refText } : {}),
      evidence: found.map((p) => evidenceOf(p.ref)),
      detector: this.id,
      features: {
        tense: kind === 'tense' ? 1 : 0,
        sameVerb: sameVerb ? 1 : 0,
        headSim: best.sim,
        margin: best.margin,
        refSim: Math.max(...found.map((p) => p.ref.similarity)),
        initial: g.order === 0 ? 1 : 0,
        groups: Math.log(groups),
        quoted: quoted(s, g.finite) ? 1 : 0,
        agree,
      },
    };
  }
}
