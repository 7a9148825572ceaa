import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';

/** (strip, add) affix pairs grouped by the added text (src/detect/lexicon/stem-list.ts). */
export interface Rules {
  suffixes: Record<string, string[]>;
  prefixes: Record<string, string[]>;
}

/** Stems per block: a lookup reads one block of about a kilobyte. */
const BLOCK = 64;
/** Blocks kept per list: the words of one article land in a few hundred. */
const BLOCKS_KEPT = 512;

interface Head {
  key: string;
  rules: Rules;
  count: number;
  /** The first stem of each block, in byte order. */
  firsts: string[];
  /** Byte offsets of the blocks in the body, and the body's length last. */
  offsets: number[];
}

/**
 * Cache file: one JSON line (key, rules, count, each block's first stem and offset), then the stems in UTF-8 byte
 * order, each ending in a newline. A process keeps the head and the blocks it has read, not the list: seventeen
 * lists are 50 MB of stems, which every `check` and every batch worker would otherwise hold.
 */
export function writeStemFile(file: string, key: string, rules: Rules, stems: readonly string[]): void {
  const firsts: string[] = [];
  const offsets: number[] = [];
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < stems.length; i += BLOCK) {
    firsts.push(stems[i]!);
    offsets.push(at);
    const block = Buffer.from(`${stems.slice(i, i + BLOCK).join('\n')}\n`);
    parts.push(block);
    at += block.length;
  }
  offsets.push(at);
  const head = Buffer.from(`${JSON.stringify({ key, rules, count: stems.length, firsts, offsets } satisfies Head)}\n`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([head, ...parts]));
  renameSync(tmp, file);
}

/** Where JavaScript's string order and UTF-8 byte order part (stem-list.ts sorts by the same rule). */
export const SURROGATE = /[\ud800-\udfff]/;

/** UTF-8 byte order, as the file is sorted: JavaScript's order below the surrogates, bytes beyond. */
function compare(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

export class StemFile {
  private readonly blocks = new Map<number, Set<string>>();

  constructor(
    private readonly fd: number,
    private readonly bodyAt: number,
    private readonly head: Head,
  ) {}

  get rules(): Rules {
    return this.head.rules;
  }

  get count(): number {
    return this.head.count;
  }

  /** The block that would hold `stem`, read on first use; undefined before the first stem. */
  block(stem: string): Set<string> | undefined {
    const { firsts } = this.head;
    let lo = 0;
    let hi = firsts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(firsts[mid]!, stem) <= 0) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : this.read(found);
  }

  private read(b: number): Set<string> {
    let block = this.blocks.get(b);
    if (block) {
      // Least recently used goes first: move this one to the end.
      this.blocks.delete(b);
      this.blocks.set(b, block);
      return block;
    }
    const from = this.head.offsets[b]!;
    const buf = Buffer.alloc(this.head.offsets[b + 1]! - from);
    readSync(this.fd, buf, 0, buf.length, this.bodyAt + from);
    block = new Set(buf.toString('utf8').split('\n').slice(0, -1));
    if (this.blocks.size >= BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value!);
    this.blocks.set(b, block);
    return block;
  }
}

function readHead(fd: number): { head: unknown; bodyAt: number } | undefined {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n === 0) return undefined;
    const nl = buf.subarray(0, n).indexOf(0x0a);
    if (nl >= 0) {
      chunks.push(buf.subarray(0, nl));
      return { head: JSON.parse(Buffer.concat(chunks).toString('utf8')), bodyAt: at + nl + 1 };
    }
    chunks.push(buf.subarray(0, n));
    at += n;
  }
}

function valid(head: unknown, key: string, size: number, bodyAt: number): head is Head {
  const h = head as Partial<Head> | null;
  if (!h || h.key !== key || !Number.isInteger(h.count) || !Array.isArray(h.firsts) || !Array.isArray(h.offsets) || !h.rules) return false;
  if (h.offsets.length !== h.firsts.length + 1 || h.firsts.length !== Math.ceil(h.count! / BLOCK)) return false;
  // A truncated or extended file is rebuilt, never read short.
  return bodyAt + h.offsets.at(-1)! === size;
}

/** The cache file's lists for `key`, or undefined when it is missing, damaged or for other dictionary bytes. */
export function openStemFile(file: string, key: string): StemFile | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const read = readHead(fd);
    if (read && valid(read.head, key, fstatSync(fd).size, read.bodyAt)) return new StemFile(fd, read.bodyAt, read.head);
  } catch {
    // not JSON, not ours: rebuilt by the caller
  }
  closeSync(fd);
  return undefined;
}
