import { createRequire } from 'node:module';
import type { Token } from '../core/types.js';

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
type Nlp = (text: string) => { json(o: { offset: boolean }): { terms: Term[] }[] };

let nlp: Nlp | undefined;

function load(): Nlp {
  // compromise's tagger without its phrase grammar ('two'); CommonJS build, loaded on the first verb reading.
  nlp ??= createRequire(import.meta.url)('compromise/two') as Nlp;
  return nlp;
}

/** A Penn-style tag for a word compromise reads as a verb, or undefined: its reading of tense is what we use. */
function penn(term: Term): string | undefined {
  const t = new Set(term.tags);
  if (!t.has('Verb')) return t.has('Noun') ? 'NN' : t.has('Adjective') ? 'JJ' : undefined;
  if (t.has('Modal')) return 'MD';
  if (t.has('Gerund')) return 'VBG';
  if (t.has('PastTense')) return 'VBD';
  if (t.has('Participle')) return 'VBN';
  if (t.has('Infinitive')) return 'VB';
  if (t.has('PresentTense')) return /s$/iu.test(term.text) ? 'VBZ' : 'VBP';
  return undefined;
}

/** Readings by sentence text: a batch checks many MT sentences against the same reference sentences. */
const cache = new Map<string, Map<number, { length: number; tag: string | undefined }>>();
const CACHE_SIZE = 4096;

function readings(text: string): Map<number, { length: number; tag: string | undefined }> {
  let byStart = cache.get(text);
  if (byStart) return byStart;
  byStart = new Map();
  for (const s of load()(text).json({ offset: true })) {
    for (const term of s.terms) if (term.text && !byStart.has(term.offset.start)) byStart.set(term.offset.start, { length: term.offset.length, tag: penn(term) });
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, byStart);
  return byStart;
}

/** compromise's verb reading of each token (by character offset), undefined where it has none or the words split differently. */
export function verbTags(tokens: readonly Token[]): (string | undefined)[] {
  if (!tokens.length) return [];
  const base = tokens[0]!.start;
  let text = '';
  for (const t of tokens) text = text.padEnd(t.start - base, ' ') + t.text;
  const byStart = readings(text);
  return tokens.map((t) => {
    const r = byStart.get(t.start - base);
    return r && r.length === t.end - t.start ? r.tag : undefined;
  });
}
