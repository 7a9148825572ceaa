import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** FreeDict English->German (Debian dict-freedict-eng-deu), dictd format. */
export const ENG_DEU = process.env.MTDIFF_BENCH_ENG_DEU ?? '/usr/share/dictd/freedict-eng-deu';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decode64(s) {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

/**
 * The German renderings of one entry, with the word class FreeDict gives the headword ("<v>", "<adj>"; none for
 * nouns). Only the first translation line counts: later lines are notes, examples and cross-references.
 */
export function parseEngDeuEntry(entry) {
  const lines = entry.split('\n');
  const head = lines[0] ?? '';
  const pos = /<v>/.test(head) ? 'v' : /<adj>/.test(head) ? 'a' : /<adv>/.test(head) ? 'r' : 'n';
  const first = lines.slice(1).find((l) => l.trim() && !/^\s/.test(l));
  if (!first) return { pos, words: [] };
  // Tags such as "<v, trans>" hold commas of their own: neutralise them before splitting the alternatives.
  const cleaned = first.replace(/<[^>]*>/g, (tag) => tag.replace(/[,;]/g, ' ')).replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '').replace(/\{[^}]*\}/g, '');
  const words = [];
  for (const part of cleaned.split(/[,;]/)) {
    const gender = /<(fem|masc|neut|pl)>/.test(part);
    const word = part.replace(/<[^>]*>/g, '').trim();
    if (/^\p{L}{3,}$/u.test(word)) words.push({ word, noun: gender });
  }
  return { pos, words };
}

/** English word -> German single-word translations of the requested class, loaded once. */
export class GermanDictionary {
  constructor(basePath = ENG_DEU) {
    // headword -> start of each of its index lines; the lines are split only when looked up.
    const text = readFileSync(`${basePath}.index`, 'utf8');
    const lines = new Map();
    for (let i = 0; i < text.length; ) {
      const next = text.indexOf('\n', i);
      const eol = next < 0 ? text.length : next;
      const tab = text.indexOf('\t', i);
      if (tab > i && tab < eol) {
        const head = text.slice(i, tab);
        const list = lines.get(head);
        if (list) list.push(i);
        else lines.set(head, [i]);
      }
      i = eol + 1;
    }
    this.text = text;
    this.lines = lines;
    this.body = gunzipSync(readFileSync(`${basePath}.dict.dz`));
  }

  /**
   * German words for an English lemma: nouns come with a gender tag and are capitalised, verbs are the
   * lower-case infinitive. Dictionary order, deduplicated.
   */
  translate(lemma, pos) {
    const out = [];
    for (const at of this.lines.get(lemma.toLowerCase()) ?? []) {
      const [, off = '', len = ''] = this.text.slice(at, this.text.indexOf('\n', at)).split('\t');
      const start = decode64(off);
      const entry = parseEngDeuEntry(this.body.subarray(start, start + decode64(len)).toString('utf8'));
      if (entry.pos !== pos) continue;
      for (const { word, noun } of entry.words) {
        const fits = pos === 'n' ? noun && /^\p{Lu}\p{Ll}+$/u.test(word) : pos === 'v' ? /^\p{Ll}+(en|ern|eln)$/u.test(word) : true;
        if (fits && !out.includes(word)) out.push(word);
      }
    }
    return out;
  }
}
