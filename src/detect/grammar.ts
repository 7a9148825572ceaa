import type { Token } from '../core/types.js';
import { posTags, possibleTags } from '../segment/pos.js';
import { articleFor } from './article-sound.js';
import { occurrenceEvidence } from './context.js';
import type { Occurrence } from './ref-index.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

const SINGULAR_DETERMINER = /^(a|an|one|every|each|another)$/;
const PLURAL_VERB = /^(are|were)$/;
/** British English gives collective nouns plural verbs ("the government are"): a closed class of English. */
const COLLECTIVE = /^(government|family|team|staff|committee|council|public|crowd|police|audience|company|club|party|board|jury|cabinet|parliament|press|management|army|navy|opposition|union|group|majority|minority|population|class|couple)$/;
/** Numerals stand for plural counts ("the other four are"), though the tagger calls them nouns. */
const NUMERAL = /^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|both|all)$/;
/** "last week were": a time adverbial between the subject and its verb, not the subject. */
const TIME_NOUN = /^(day|night|morning|afternoon|evening|week|weekend|month|year|season|summer|winter|spring|autumn|fall|quarter|decade|century|time)$/;
const TIME_DETERMINER = /^(last|next|this|that|every|each|same|previous|following|past|coming)$/;
/** Words inside a noun phrase before its head ("and other wildlife", "or the new rules"). */
const NP_MODIFIER = /^(DT|PDT|JJ|JJR|JJS|PRP\$|CD|VBN)$/;

/** "bears and other wildlife are": the noun ends a phrase joined by and/or, whose verb is plural. */
function coordinated(words: Token[], k: number, tagOf: (t: Token) => string): boolean {
  let j = k - 1;
  while (j >= 0 && (NP_MODIFIER.test(tagOf(words[j]!)) || words[j]!.norm === 'other') && !/^(and|or|nor)$/.test(words[j]!.norm)) j--;
  return /^(and|or|nor)$/.test(words[j]?.norm ?? '');
}

/**
 * Simple agreement errors English grammar alone settles, and one the references confirm:
 * "a decades" (singular determiner + plural noun), "American life are" (singular noun + plural verb),
 * "an bitter evening" (the article against the next word's sound),
 * "the Hamas" (an article before a name the references never give one).
 */
export class GrammarDetector implements Detector {
  readonly id = 'grammar';
  readonly meta: DetectorMeta = {
    finds: '"a decades", "life are", "an bitter evening", "the Hamas"',
    how: 'determiner/noun and noun/verb agreement on the POS tags (British collective nouns allowed); a/an against the spelling where it settles the sound; an article before a name the references use bare',
    categories: ['grammar'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const s of ctx.mt.sentences) {
      const words = s.tokens.filter((t) => t.word);
      const tags = posTags(s.tokens);
      const tagOf = (t: Token) => tags[s.tokens.indexOf(t)] ?? '';
      words.forEach((w, k) => {
        const next = words[k + 1];
        if (!next || !/^\s+$/.test(ctx.mt.text.slice(w.end, next.start))) return;
        const nextTags = possibleTags(next.norm);
        // "a decades": the noun can only be plural.
        if (SINGULAR_DETERMINER.test(w.norm) && tagOf(next) === 'NNS' && nextTags.every((t) => t === 'NNS')) {
          flags.push(this.flag(ctx, 'number', w.start, next.end, `'${w.text}' cannot go with the plural '${next.text}'.`));
        }
        // "an bitter evening": the article against the sound of the next word.
        const article = articleFor(w, next, k === 0);
        if (article) {
          const flag = this.flag(ctx, 'article', w.start, next.end, `'${next.text}' takes '${article}', not '${w.text}'.`);
          flag.suggestion = `${w.text === w.norm ? article : article[0]!.toUpperCase() + article.slice(1)} ${next.text}`;
          flags.push(flag);
        }
        // "life are": a noun that can only be singular, directly before a plural verb, after no "of" phrase.
        const before = words[k - 1];
        const adverbial = TIME_NOUN.test(w.norm) && TIME_DETERMINER.test(before?.norm ?? '');
        if (PLURAL_VERB.test(next.norm) && tagOf(w) === 'NN' && !NUMERAL.test(w.norm) && !COLLECTIVE.test(w.norm) && possibleTags(w.norm).every((t) => !/^(NNS|NNPS|VB|CD|DT|PRP)/.test(t)) && before?.norm !== 'of' && !adverbial && !coordinated(words, k, tagOf)) {
          flags.push(this.flag(ctx, 'agreement', w.start, next.end, `The singular '${w.text}' does not agree with '${next.text}'.`));
        }
        // "the Hamas": references use the name often and never with an article.
        // A name directly followed by a noun modifies it ("the Hamas side", "the Gaza Strip"): that takes "the".
        const after = words[k + 2];
        const attributive = after && /^\s+$/.test(ctx.mt.text.slice(next.end, after.start)) && /^(NN|JJ|VBG|CD)/.test(tagOf(after));
        if (w.norm === 'the' && !attributive && /^NNP/.test(tagOf(next)) && /^\p{Lu}\p{Ll}+$/u.test(next.text)) {
          const occ = ctx.index.words.get(next.norm) ?? [];
          // "the Hamas side" in a reference is the attributive use, which takes the article anyway.
          const withArticle = occ.filter((o) => {
            const ref = ctx.refs.find((r) => r.id === o.ref);
            return ref ? /\bthe\s+$/i.test(ref.text.slice(Math.max(0, o.token.start - 5), o.token.start)) && !this.attributiveInRef(ctx, o) : false;
          });
          if (occ.length >= ctx.settings.fluency.nameMinOccurrences && withArticle.length === 0) {
            const flag = this.flag(ctx, 'name', w.start, next.end, `The references write '${next.text}' without an article (${occ.length} times).`);
            flag.suggestion = next.text;
            flag.evidence = occ.slice(0, 2).map((o) => occurrenceEvidence(ctx, o));
            flags.push(flag);
          }
        }
      });
    }
    return flags;
  }

  /** A reference occurrence of a name directly followed by a noun it modifies ("the Trump administration"). */
  private attributiveInRef(ctx: DetectContext, o: Occurrence): boolean {
    const ref = ctx.refs.find((r) => r.id === o.ref);
    const sentence = ref?.sentences[o.index];
    if (!ref || !sentence) return false;
    const at = sentence.tokens.findIndex((t) => t.start === o.token.start);
    const next = sentence.tokens[at + 1];
    if (!next?.word || !/^\s+$/.test(ref.text.slice(o.token.end, next.start))) return false;
    return /^(NN|JJ|VBG|CD)/.test(posTags(sentence.tokens)[at + 1] ?? '');
  }

  /** `rule` becomes features: the rules differ in how often they are right, which the calibration learns. */
  private flag(ctx: DetectContext, rule: 'number' | 'article' | 'agreement' | 'name', start: number, end: number, message: string): RawFlag {
    return {
      start,
      end,
      text: ctx.mt.text.slice(start, end),
      category: 'grammar',
      severity: 'minor',
      confidence: ctx.settings.fluency.grammarConfidence,
      message,
      evidence: [],
      detector: this.id,
      features: { article: rule === 'article' ? 1 : 0, agreement: rule === 'agreement' ? 1 : 0, name: rule === 'name' ? 1 : 0 },
    };
  }
}
