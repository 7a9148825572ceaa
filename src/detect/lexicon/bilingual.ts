import { readFileSync } from 'node:fs';
import { constants, gunzipSync, inflateRawSync } from 'node:zlib';

/** Reader for dictd-format dictionaries (FreeDict): a sorted text index plus a gzip-compatible .dict.dz body. */
export class DictdDictionary {
  private index?: Buffer;
  private body?: Body;
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

  private load(): { index: Buffer; body: Body } {
    this.index ??= readFileSync(`${this.basePath}.index`);
    this.body ??= openBody(readFileSync(`${this.basePath}.dict.dz`));
    return { index: this.index, body: this.body };
  }

  /** A headword with an English translation other than itself: a source-language word (compounds included). */
  knows(word: string): boolean {
    const lower = word.toLowerCase();
    return this.translate(word).some((t) => t.toLowerCase() !== lower);
  }

  /** English translations of a source-language headword, most common sense first, deduplicated. */
  translate(word: string): string[] {
    const key = word.toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { index, body } = this.load();
    const out: string[] = [];
    for (const line of lookupLines(index, key)) {
      const [, off, len] = line.split('\t');
      if (!off || !len) continue;
      const entry = body.read(decode64(off), decode64(len)).toString('utf8');
      for (const t of parseEntry(entry)) if (!out.includes(t)) out.push(t);
    }
    this.cache.set(key, out);
    return out;
  }
}

function lineStart(buf: Buffer, at: number): number {
  while (at > 0 && buf[at - 1] !== 0x0a) at--;
  return at;
}

/**
 * The index is sorted by headword in byte order (checked on FreeDict's files), so lines are found by binary
 * search over the raw bytes: microseconds per word instead of scanning 12 MB.
 */
function lookupLines(index: Buffer, key: string): string[] {
  const want = Buffer.from(`${key}\t`);
  const headOf = (start: number) => index.subarray(start, Math.min(index.length, start + want.length));
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = lineStart(index, (lo + hi) >>> 1);
    const cmp = Buffer.compare(headOf(mid), want);
    if (cmp < 0) {
      const next = index.indexOf(0x0a, mid);
      if (next < 0) break;
      lo = next + 1;
    } else hi = mid;
  }
  const lines: string[] = [];
  for (let at = lo; at < index.length && headOf(at).equals(want); ) {
    const end = index.indexOf(0x0a, at);
    lines.push(index.toString('utf8', at, end < 0 ? index.length : end));
    if (end < 0) break;
    at = end + 1;
  }
  return lines;
}

interface Body {
  read(offset: number, length: number): Buffer;
}

/**
 * dictzip keeps a table of independently inflatable chunks in the gzip header's RA field, so an entry is
 * read by inflating one or two 58 KB chunks instead of the whole 60 MB dictionary (cold start).
 */
function openBody(dz: Buffer): Body {
  const flags = dz[3]!;
  const xlen = dz.readUInt16LE(10);
  let at = 12;
  let chunkLength = 0;
  const sizes: number[] = [];
  for (let p = at; p < at + xlen; ) {
    const id = dz.toString('latin1', p, p + 2);
    const len = dz.readUInt16LE(p + 2);
    if (id === 'RA') {
      chunkLength = dz.readUInt16LE(p + 6);
      const count = dz.readUInt16LE(p + 8);
      for (let k = 0; k < count; k++) sizes.push(dz.readUInt16LE(p + 10 + 2 * k));
    }
    p += 4 + len;
  }
  at += xlen;
  if (flags & 8) at = dz.indexOf(0, at) + 1;
  if (flags & 16) at = dz.indexOf(0, at) + 1;
  if (flags & 2) at += 2;
  if (!chunkLength || (flags & 4) === 0) {
    const whole = gunzipSync(dz);
    return { read: (offset, length) => whole.subarray(offset, offset + length) };
  }
  const starts = [at];
  for (const size of sizes) starts.push(starts[starts.length - 1]! + size);
  const chunk = (k: number) =>
    inflateRawSync(dz.subarray(starts[k]!, starts[k + 1]!), { finishFlush: constants.Z_SYNC_FLUSH });
  return {
    read(offset, length) {
      const first = Math.floor(offset / chunkLength);
      const last = Math.floor((offset + length - 1) / chunkLength);
      const parts: Buffer[] = [];
      for (let k = first; k <= last && k < sizes.length; k++) parts.push(chunk(k));
      const from = offset - first * chunkLength;
      return Buffer.concat(parts).subarray(from, from + length);
    },
  };
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
    // Indented lines are notes and examples, except translations that open with a domain label ("[pol.]").
    if (raw.startsWith(' ') && !line.startsWith('[')) continue;
    for (const part of line.replace(/^\d+\.\s*/, '').split(/[,;]/)) {
      const t = part
        .replace(/<[^>]*>/g, '')
        .replace(/\([^)]*\)/g, '')
        .replace(/\[[^\]]*\]/g, '')
        .replace(/\b(sb|sth)\.?/g, '')
        .trim();
      if (t && /^[\p{L}' -]+$/u.test(t)) out.push(t);
    }
  }
  return out;
}
