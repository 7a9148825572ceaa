// Deep import: natural's index loads dotenv, which prints to stdout.
import brill from 'natural/lib/natural/brill_pos_tagger/index.js';
import type { Token } from '../core/types.js';

interface Tagger {
  tag(words: string[]): { taggedWords: { token: string; tag: string }[] };
}

interface Lexicon {
  tagWord(word: string): string[];
}

let tagger: Tagger | undefined;
let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  lexicon ??= new brill.Lexicon('EN', 'NN', 'NNP') as Lexicon;
  return lexicon;
}

function getTagger(): Tagger {
  tagger ??= new brill.BrillPOSTagger(getLexicon(), new brill.RuleSet('EN')) as Tagger;
  return tagger;
}

/** Every tag the lexicon allows for a word (lower-cased: all-caps headlines are not proper nouns). */
export function possibleTags(norm: string): string[] {
  return getLexicon().tagWord(norm);
}

const memo = new WeakMap<readonly Token[], string[]>();

/** Penn Treebank tags for a sentence's tokens (natural's Brill tagger, English lexicon), memoised per token list. */
export function posTags(tokens: readonly Token[]): string[] {
  let tags = memo.get(tokens);
  if (!tags) {
    tags = tokens.length ? getTagger().tag(tokens.map((t) => t.text)).taggedWords.map((w) => w.tag) : [];
    memo.set(tokens, tags);
  }
  return tags;
}

/** Open-class words carry the meaning a mistranslation changes: nouns, verbs, adjectives, adverbs. */
export function isContentTag(tag: string | undefined): boolean {
  return !!tag && /^(NN|VB|JJ|RB)/.test(tag) && tag !== 'RBR' && tag !== 'EX';
}
