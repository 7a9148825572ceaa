/**
 * A deterministic sample of words to compare two spellers on (tests and bench/spell.mjs): forms the dictionary
 * knows, its stems, their case variants, glued compounds, misspellings, text tokens and edge cases.
 */
import type { Speller } from './spell.js';

/** mulberry32 */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const EDGE = [
  '', ' ', '  Haus ', '\tstraße\n', '1st', '21st', '11th', '112th', '3rd', '2nd', '22nd', '13rd', '0th', '1', '42', '-', '.', "'", '’',
  "don't", 'don’t', "DON'T", 'DON’T', "O'Neill", 'ß', 'STRASSE', 'STRAßE', 'Straße', 'straße', 'ÄRGER', 'ärger', 'Ärger', 'e.g.', 'U.S.',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'İstanbul', 'ǅemal', 'Ωmega', '😀', 'a-b', 'US-Geisel',
];

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function variants(word: string): string[] {
  return [word, word.toLowerCase(), cap(word), cap(word.toLowerCase()), word.toUpperCase()];
}

function misspell(word: string, pick: (n: number) => number): string {
  if (word.length < 2) return word + 'x';
  const i = pick(word.length);
  switch (pick(4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return i + 1 < word.length ? word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2) : word + 'e';
    case 2:
      return word.slice(0, i) + 'eaisnrtäöü'.charAt(pick(10)) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word.charAt(i) + word.slice(i);
  }
}

/**
 * `forms`: the forms a speller knows (nspell's expanded words); `dic`: the .dic text; `text`: running text to take
 * tokens from. About 12 words per `n`.
 */
export function spellSample(forms: readonly string[], dic: string, text: string, n = 2000, seed = 1): string[] {
  const pick = rng(seed);
  const stems = dic
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]!.trim())
    .filter((w) => w && !w.startsWith('#'));
  const out = new Set<string>(EDGE);
  const add = (w: string) => variants(w).forEach((v) => out.add(v));
  for (const token of text.match(/[\p{L}\p{N}'’-]+/gu) ?? []) add(token);
  for (let i = 0; i < n && forms.length && stems.length; i++) {
    const form = forms[pick(forms.length)]!;
    add(form);
    add(stems[pick(stems.length)]!);
    out.add(misspell(form, pick));
    out.add(cap(misspell(form, pick)));
    const other = forms[pick(forms.length)]!;
    out.add(form + other.toLowerCase());
    out.add(cap(form) + other.toLowerCase());
    if (form.includes("'")) out.add(form.replace(/'/g, '’'));
  }
  return [...out];
}

/** Words on which the two spellers disagree. */
export function disagreements(a: Speller, b: Speller, words: readonly string[]): string[] {
  return words.filter((w) => a.correct(w) !== b.correct(w));
}
