import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Reader for dictd-format dictionaries (FreeDict): a sorted text index plus a gzip-compatible .dict.dz body. */
export class DictdDictionary {
  private index?: string;
  private body?: Buffer;
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly basePath: string) {}

  static open(basePath: string | undefined): DictdDictionary | undefined {
    if (!basePath) return undefined;
    try {
      readFileSync(`${basePath}.index`, { flag: 'r' }).subarray(0, 1);
      return new DictdDictionary(basePath);
    } catch {
      return undefined;
    }
  }

  private load(): { index: string; body: Buffer } {
    this.index ??= `\n${readFileSync(`${this.basePath}.index`, 'utf8')}`;
    this.body ??= gunzipSync(readFileSync(`${this.basePath}.dict.dz`));
    return { index: this.index, body: this.body };
  }

  /** English translations of a source-language headword, most common sense first, deduplicated. */
  translate(word: string): string[] {
    const key = word.toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { index, body } = this.load();
    const out: string[] = [];
    for (let at = index.indexOf(`\n${key}\t`); at >= 0; at = index.indexOf(`\n${key}\t`, at + 1)) {
      const line = index.slice(at + 1, index.indexOf('\n', at + 1));
      const [, off, len] = line.split('\t');
      if (!off || !len) continue;
      const entry = body.subarray(decode64(off), decode64(off) + decode64(len)).toString('utf8');
      for (const t of parseEntry(entry)) if (!out.includes(t)) out.push(t);
    }
    this.cache.set(key, out);
    return out;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decode64(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

/** The translation lines of one FreeDict entry: after the headword line, before notes, synonyms and cross-refs. */
export function parseEntry(entry: string): string[] {
  const lines = entry.split('\n').slice(1);
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || /^(Note|Synonyms?|see|Antonyms?):/i.test(line) || line.startsWith('see:')) continue;
    if (raw.startsWith(' ')) continue;
    for (const part of line.replace(/^\d+\.\s*/, '').split(/[,;]/)) {
      const t = part.replace(/<[^>]*>/g, '').replace(/\([^)]*\)/g, '').replace(/\b(sb|sth)\.?/g, '').trim();
      if (t && /^[\p{L}' -]+$/u.test(t)) out.push(t);
    }
  }
  return out;
}
