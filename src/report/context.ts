import { stem } from '../segment/stem.js';
import { emphasis } from './emphasis.js';
import { inline } from './escape.js';

/** Zero-width spans (an omission points between words) still need something visible to emphasise. */
const INSERTION_MARK = '‸';

function lastWords(text: string, n: number): string {
  const words = text.split(/(?<=\s)(?=\S)/);
  return words.length > n ? `…${words.slice(-n).join('')}` : text;
}

function firstWords(text: string, n: number): string {
  const words = text.split(/(?<=\S)(?=\s)/);
  return words.length > n ? `${words.slice(0, n).join('')}…` : text;
}

/**
 * Markdown for `text[start, end)` in bold with up to `words` words either side. Whitespace at the span's
 * edges stays outside the `**` (emphasis cannot open before a space).
 */
export function spanInContext(text: string, start: number, end: number, words: number): string {
  const s = Math.min(Math.max(0, start), text.length);
  const e = Math.min(Math.max(s, end), text.length);
  const span = text.slice(s, e);
  const core = span.trim();
  const lead = span.slice(0, span.length - span.trimStart().length);
  const trail = span.slice(span.trimEnd().length);
  const before = inline(lastWords(text.slice(0, s), words)) + inline(lead);
  const after = inline(trail) + inline(firstWords(text.slice(e), words));
  const marked = emphasis('**', core === '' ? INSERTION_MARK : inline(core), before.at(-1), after[0]);
  return `${before}${marked}${after}`.trim();
}

/** Words with their offsets; a word is a run of letters and digits (apostrophes inside it included). */
function wordsOf(text: string): { start: number; end: number; stem: string }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, stem: stem(m[0].toLowerCase()) }));
}

/**
 * Where `needle` (a word or phrase) occurs in `text`, matching word by word on Porter stems, so the evidence
 * for "released" is found in a sentence that says "release". Undefined when it does not occur.
 */
export function findWords(text: string, needle: string): { start: number; end: number } | undefined {
  const want = wordsOf(needle).map((w) => w.stem);
  if (want.length === 0) return undefined;
  const have = wordsOf(text);
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, k) => have[i + k]!.stem === w)) return { start: have[i]!.start, end: have[i + want.length - 1]!.end };
  }
  return undefined;
}

/** The words a flag cites as evidence: its suggestion first, then the words its message quotes ('…'). */
export function citedWords(suggestion: string | undefined, message: string): string[] {
  const quoted = [...message.matchAll(/'([^']+)'/g)].flatMap((m) => m[1]!.split(/\s*…\s*/));
  return [...(suggestion?.trim() ? [suggestion] : []), ...quoted].filter((w) => w.trim() !== '');
}

/**
 * A short quote from an evidence sentence, centred on the first cited word or phrase it contains, which is
 * emphasised; when it contains none, the sentence's first words (the caller prefers evidence that does).
 */
export function quote(text: string, needles: string | readonly string[] | undefined, words: number): string {
  const half = Math.max(1, Math.floor(words / 2));
  const list = typeof needles === 'string' ? [needles] : (needles ?? []);
  for (const needle of list) {
    const hit = findWords(text, needle);
    if (hit) return spanInContext(text, hit.start, hit.end, half);
  }
  return inline(firstWords(text, words));
}
