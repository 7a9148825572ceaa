import type { Evidence, Token } from '../core/types.js';
import { posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { commonNounTag } from './syntax.js';
import type { DetectContext, Detector, DetectorMeta, EncodedSentence, RawFlag } from './types.js';

interface Titled {
  /** The person's name as written ("adam boehler"). */
  name: string;
  /** Common nouns right before the name: its title ("special envoy for hostage affairs"). */
  nouns: { token: Token; stem: string }[];
}

/** Names of two or more capitalised words, each with the common nouns of the title standing before it. */
function titledNames(ctx: DetectContext, s: EncodedSentence): Titled[] {
  const tags = posTags(s.tokens);
  const words = s.tokens.map((token, k) => ({ token, k })).filter((w) => w.token.word);
  const first = words[0]?.k;
  const tag = (i: number) => commonNounTag(ctx, words[i]!.token, tags[words[i]!.k] ?? '', words[i]!.k === first);
  const out: Titled[] = [];
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (j < words.length && /^NNP/.test(tag(j)) && /^\p{Lu}\p{Ll}/u.test(words[j]!.token.text)) j++;
    if (j - i >= 2) {
      const nouns: Titled['nouns'] = [];
      const between = (a: number, b: number) => s.tokens.slice(words[a]!.k + 1, words[b]!.k).filter((t) => !t.word && t.text.trim());
      const take = (b: number) => {
        if (/^NNS?$/.test(tag(b)) && /^\p{L}{3,}$/u.test(words[b]!.token.text)) nouns.push({ token: words[b]!.token, stem: stem(words[b]!.token.norm) });
      };
      // Before the name ("UN envoy Maria Lopez", "the envoy for the region, Maria Lopez"): a comma may stand
      // right before the name; the title ends at a verb or at other punctuation.
      for (let b = i - 1; b >= Math.max(0, i - ctx.settings.titles.window); b--) {
        const marks = between(b, b + 1);
        if (/^(VB|MD)/.test(tag(b)) || marks.some((t) => t.text !== ',' || b + 1 !== i)) break;
        take(b);
      }
      // After it, set off by commas ("Maria Lopez, the UN envoy for the region,").
      if (j < words.length && between(j - 1, j).some((t) => t.text === ',')) {
        for (let a = j; a < Math.min(words.length, j + ctx.settings.titles.window); a++) {
          if (/^(VB|MD)/.test(tag(a)) || (a > j && between(a - 1, a).length > 0)) break;
          take(a);
        }
      }
      out.push({ name: words.slice(i, j).map((w) => w.token.norm).join(' '), nouns });
    }
    i = Math.max(i, j - 1);
  }
  return out;
}

/**
 * A person's title mistranslated: "the Messenger from US-Geisel Affairs Adam Boehler" where the references
 * call him "envoy". The name pins the slot, as a modifier pins a compound's head.
 */
export class TitleDetector implements Detector {
  readonly id = 'titles';
  readonly meta: DetectorMeta = {
    finds: 'a person\'s title mistranslated ("the Messenger from US-Geisel Affairs Adam Boehler")',
    how: 'the common nouns of the title before a name (or in the appositive after it) against the references\' titles for that name: two references agree on a title word, and ours is a word no reference uses',
    categories: ['mistranslation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    // name -> title noun stem -> where the references use it before that name
    const titles = new Map<string, Map<string, { token: Token; evidence: Evidence }[]>>();
    for (const doc of ctx.refs) {
      for (const s of doc.sentences) {
        for (const t of titledNames(ctx, s)) {
          const byStem = titles.get(t.name) ?? new Map<string, { token: Token; evidence: Evidence }[]>();
          titles.set(t.name, byStem);
          for (const n of t.nouns) {
            const list = byStem.get(n.stem) ?? [];
            byStem.set(n.stem, list);
            list.push({ token: n.token, evidence: { ref: doc.id, index: s.sentence.index, text: s.sentence.text } });
          }
        }
      }
    }
    const needed = Math.min(ctx.settings.mistranslation.minReferences, ctx.refs.length);
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      for (const t of titledNames(ctx, s)) {
        const known = titles.get(t.name);
        if (!known) continue;
        const ours = new Set(t.nouns.map((n) => n.stem));
        const best = [...known.entries()]
          .filter(([st]) => !ours.has(st))
          .map(([st, list]) => ({ st, list, refs: new Set(list.map((o) => o.evidence.ref)).size }))
          .sort((a, b) => b.refs - a.refs)[0];
        if (!best || best.refs < needed) continue;
        for (const n of t.nouns) {
          // A title word the references use anywhere is theirs too ("hostage affairs").
          if (ctx.index.stems.has(n.stem)) continue;
          flags.push(this.flag(ctx, n.token, t.name, best.list));
        }
      }
    }
    return flags;
  }

  private flag(ctx: DetectContext, token: Token, name: string, list: { token: Token; evidence: Evidence }[]): RawFlag {
    const evidence = [...new Map(list.map((o) => [o.evidence.ref, o.evidence])).values()];
    const suggestion = list[0]!.token.norm;
    const who = name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    return {
      start: token.start,
      end: token.end,
      text: token.text,
      category: 'mistranslation',
      severity: 'minor',
      confidence: (1 - 0.5 ** evidence.length) * ctx.settings.titles.confidence,
      message: `No reference calls ${who} '${token.text}'; ${evidence.length} references call ${who} '${suggestion}'.`,
      suggestion,
      evidence,
      detector: this.id,
    };
  }
}
