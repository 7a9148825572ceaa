import type { Token } from '../core/types.js';
import { occurrenceEvidence, quoted } from './context.js';
import { englishSpellers, knowsForm } from './lexicon/english.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** A proper noun lower-cased where every reference that uses it capitalises it ("gaza" for "Gaza"). */
export class CapitalisationDetector implements Detector {
  readonly id = 'capitalisation';
  readonly meta: DetectorMeta = {
    finds: 'proper nouns in lower case ("gaza", "the trump administration")',
    how: 'a word the references capitalise, often and in several references, outside titles and quotations',
    categories: ['spelling'],
    modes: ['comparable', 'parallel'],
  };

  /** Every reference occurrence after the same previous word is capitalised, in enough references. */
  private capitalisedAfter(ctx: DetectContext, tokens: Token[], token: Token): boolean {
    const k = tokens.indexOf(token);
    const prev = tokens.slice(0, k).reverse().find((t) => t.word);
    if (!prev || !/^\p{Lu}/u.test(prev.text)) return false;
    const same = (ctx.index.words.get(token.norm) ?? []).filter((o) => {
      const sentence = ctx.refs.find((r) => r.id === o.ref)?.sentences[o.index];
      const words = sentence?.tokens.filter((t) => t.word) ?? [];
      const at = words.findIndex((t) => t.start === o.token.start);
      return at > 0 && words[at - 1]!.norm === prev.norm;
    });
    const refs = new Set(same.map((o) => o.ref)).size;
    // Capitalised only inside a longer capitalised run ("White House Press Secretary Leavitt") is title case,
    // a house style; a name ends with the word somewhere ("Donald Trump said").
    const endsName = same.some((o) => !/^\p{Lu}/u.test(this.nextWord(ctx, o)?.text ?? ''));
    return refs >= Math.min(ctx.settings.fluency.properNounMinRefs, ctx.refs.length) && endsName && same.every((o) => /^\p{Lu}/u.test(o.token.text));
  }

  /**
   * An English word ("trump", "gulf") that the references capitalise on its own, outside quotations, often and
   * in several references, and never write in lower case: their name for someone or something. Title-case runs
   * ("Press Secretary", "Truth Social") and a speaker's quoted capitals ("a beautiful Future") are house styles.
   */
  private alwaysNamed(ctx: DetectContext, token: Token): boolean {
    const alone = (ctx.index.words.get(token.norm) ?? []).filter((o) => {
      const s = ctx.refs.find((r) => r.id === o.ref)?.sentences[o.index];
      const words = s?.tokens.filter((t) => t.word) ?? [];
      const at = words.findIndex((t) => t.start === o.token.start);
      const capital = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
      return s !== undefined && at > 0 && capital(o.token) && !capital(words[at - 1]) && !capital(words[at + 1]) && !quoted(s, o.token);
    });
    const refs = new Set(alone.map((o) => o.ref)).size;
    return alone.length >= ctx.settings.fluency.nameMinOccurrences && refs >= Math.min(ctx.settings.fluency.properNounMinRefs, ctx.refs.length);
  }

  private nextWord(ctx: DetectContext, o: { ref: string; index: number; token: Token }): Token | undefined {
    const tokens = ctx.refs.find((r) => r.id === o.ref)?.sentences[o.index]?.tokens ?? [];
    const at = tokens.findIndex((t) => t.start === o.token.start);
    const next = tokens[at + 1];
    return next?.word ? next : undefined;
  }

  async detect(ctx: DetectContext): Promise<RawFlag[]> {
    const english = await englishSpellers();
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const token of s.tokens) {
        if (!token.word || token.text !== token.norm || !/^\p{L}+$/u.test(token.text)) continue;
        const occ = ctx.index.words.get(token.norm) ?? [];
        if (occ.length === 0 || (ctx.index.lowerCount.get(token.norm) ?? 0) > 0) continue;
        // Sentence-initial capitals prove nothing; a proper noun's lower-case form is no English word ("gaza"),
        // unless the references capitalise it after the same word ("Donald trump", "White house").
        if ((ctx.index.capitalisedMid.get(token.norm) ?? 0) === 0) continue;
        if (knowsForm(english, token.norm) && !this.capitalisedAfter(ctx, s.tokens, token) && !this.alwaysNamed(ctx, token)) continue;
        const refs = new Set(occ.map((o) => o.ref)).size;
        if (refs < Math.min(ctx.settings.fluency.properNounMinRefs, ctx.refs.length)) continue;
        const suggestion = occ[0]!.token.text;
        if (suggestion === suggestion.toUpperCase() && suggestion.length > 1 && occ.every((o) => o.token.text === suggestion)) continue;
        const proper = suggestion.charAt(0) + suggestion.slice(1).toLowerCase() === suggestion ? suggestion : occ.find((o) => /^\p{Lu}\p{Ll}/u.test(o.token.text))?.token.text;
        if (!proper) continue;
        flags.push({
          start: token.start,
          end: token.end,
          text: token.text,
          category: 'spelling',
          severity: 'minor',
          confidence: ctx.settings.fluency.confidence,
          message: `'${token.text}' is a proper noun: ${refs} references always write '${proper}'.`,
          suggestion: proper,
          evidence: occ.slice(0, 2).map((o) => occurrenceEvidence(ctx, o)),
          detector: this.id,
        });
      }
    }
    return flags;
  }
}
