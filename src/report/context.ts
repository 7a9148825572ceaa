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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A short quote from an evidence sentence: centred on `needle` (the suggested wording) and emphasising it
 * when the sentence contains it as a whole word, otherwise the sentence's first words.
 */
export function quote(text: string, needle: string | undefined, words: number): string {
  const half = Math.max(1, Math.floor(words / 2));
  const word = needle?.trim() ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle.trim())}(?![\\p{L}\\p{N}])`, 'iu') : undefined;
  const hit = word ? word.exec(text) : null;
  if (hit) return spanInContext(text, hit.index, hit.index + hit[0].length, half);
  return inline(firstWords(text, words));
}
