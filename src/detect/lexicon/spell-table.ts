import type { Speller } from './spell.js';

export const FORBIDDEN = 1;
export const ONLY_IN_COMPOUND = 2;
export const KEEP_CASE = 4;

export interface Pattern {
  source: string;
  flags: string;
}

export interface Header {
  key: string;
  count: number;
  /** Code units are stored as UTF-16 (two bytes) rather than Latin-1 (one byte). */
  wide: boolean;
  compoundMin: number;
  compoundRules: Pattern[];
  iconv: (Pattern & { replacement: string })[];
}

/** The parsed state correct() needs, in the shape it has both in memory and on disk. */
export interface SpellTable {
  header: Header;
  /** count + 1 offsets into `chars`, in code units; form i is chars[offsets[i]] .. chars[offsets[i + 1]]. */
  offsets: Uint32Array;
  chars: Uint8Array | Uint16Array;
  /** One byte per form: FORBIDDEN | ONLY_IN_COMPOUND | KEEP_CASE. */
  bits: Uint8Array;
}

/** nspell's internals that correct() reads (nspell 2.x; checked at run time before use). */
interface NSpellState {
  data: Record<string, unknown>;
  flags: Record<string, unknown>;
  compoundRules: unknown[];
  conversion: { in: unknown[] };
}

/** A sorted table of word forms answering correct() exactly as nspell's form()/exact() do. */
export class TableSpeller implements Speller {
  private readonly compoundRules: RegExp[];
  private readonly iconv: [RegExp, string][];
  /** Where each bucket (first two code units, see bucketOf) begins in the sorted table. */
  private readonly starts: Uint32Array;

  /**
   * @param from where the table came from: the cache file, or nspell's parse in this process.
   */
  constructor(
    private readonly table: SpellTable,
    readonly from: 'cache' | 'parse' = 'parse',
  ) {
    this.compoundRules = table.header.compoundRules.map((p) => new RegExp(p.source, p.flags));
    this.iconv = table.header.iconv.map((p) => [new RegExp(p.source, p.flags), p.replacement]);
    this.starts = bucketStarts(table);
  }

  correct(word: string): boolean {
    return Boolean(this.form(word));
  }

  /**
   * Listed as one of the expanded forms, not merely matched by a COMPOUNDRULE expression: those accept strings of
   * any listed pieces (Swedish takes "hatchling" and "Bafalcon"), too loose to call an unknown word foreign.
   */
  listedForm(word: string): boolean {
    return Boolean(this.form(word, false));
  }

  /** nspell/lib/util/form.js */
  private form(value: string, compounds = true): string | null {
    let normal = value.trim();
    if (!normal) return null;
    for (const [pattern, replacement] of this.iconv) normal = normal.replace(pattern, replacement);
    const at = this.find(normal);
    if (this.exact(normal, at, compounds)) return this.flagged(at, FORBIDDEN) ? null : normal;
    // Try sentence case if the value is upper case.
    if (normal.toUpperCase() === normal) {
      const alternative = normal.charAt(0) + normal.slice(1).toLowerCase();
      const alt = this.find(alternative);
      if (this.flagged(alt, KEEP_CASE | FORBIDDEN)) return null;
      if (this.exact(alternative, alt, compounds)) return alternative;
    }
    const alternative = normal.toLowerCase();
    if (alternative !== normal) {
      const alt = this.find(alternative);
      if (this.flagged(alt, KEEP_CASE | FORBIDDEN)) return null;
      if (this.exact(alternative, alt, compounds)) return alternative;
    }
    return null;
  }

  /** nspell/lib/util/exact.js; `at` is the form's index in the table, -1 when absent. */
  private exact(value: string, at: number, compounds = true): boolean {
    if (at >= 0) return !this.flagged(at, ONLY_IN_COMPOUND);
    if (compounds && value.length >= this.table.header.compoundMin) {
      for (const rule of this.compoundRules) if (rule.test(value)) return true;
    }
    return false;
  }

  private flagged(at: number, mask: number): boolean {
    return at >= 0 && ((this.table.bits[at] ?? 0) & mask) !== 0;
  }

  /** Binary search in code-unit order (the order of Array.prototype.sort on strings), within the word's bucket. */
  private find(word: string): number {
    const { offsets, chars } = this.table;
    const bucket = bucketOf(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : -1);
    let lo = this.starts[bucket]!;
    let hi = (bucket < LAST_BUCKET ? this.starts[bucket + 1]! : this.table.header.count) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = offsets[mid]!;
      const length = offsets[mid + 1]! - start;
      const n = Math.min(length, word.length);
      let diff = 0;
      for (let k = 0; k < n && diff === 0; k++) diff = word.charCodeAt(k) - chars[start + k]!;
      if (diff === 0) diff = word.length - length;
      if (diff === 0) return mid;
      // A NaN (only from a damaged table) moves right, so the loop still ends.
      if (diff < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }
}

/**
 * Buckets in sort order: a form's first code unit c0 < 256 and its second, c1 (-1 when there is none; 255 and up
 * share the last slot) give c0 * 257 + min(c1 + 1, 256); forms starting at or above 256 all go to LAST_BUCKET.
 */
const LAST_BUCKET = 256 * 257;
function bucketOf(c0: number, c1: number): number {
  return c0 < 256 ? c0 * 257 + Math.min(c1 + 1, 256) : LAST_BUCKET;
}

function bucketStarts(table: SpellTable): Uint32Array {
  const { offsets, chars } = table;
  const count = table.header.count;
  const starts = new Uint32Array(LAST_BUCKET + 1);
  let b = 0;
  for (let i = 0; i < count; i++) {
    const start = offsets[i]!;
    const bucket = bucketOf(chars[start] ?? 0, offsets[i + 1]! - start > 1 ? (chars[start + 1] ?? 0) : -1);
    while (b <= bucket) starts[b++] = i;
  }
  while (b <= LAST_BUCKET) starts[b++] = count;
  return starts;
}

function isPattern(x: unknown): x is RegExp {
  return x instanceof RegExp;
}

/** The table of an nspell instance, or undefined when its internals are not the ones this module knows. */
export function tableFromNSpell(speller: object, key: string): SpellTable | undefined {
  const state = speller as Partial<NSpellState>;
  const { data, flags, compoundRules, conversion } = state;
  if (!data || !flags || !Array.isArray(compoundRules) || !conversion || !Array.isArray(conversion.in)) return undefined;
  if (typeof flags.COMPOUNDMIN !== 'number' || !compoundRules.every(isPattern)) return undefined;
  const iconv: Header['iconv'] = [];
  for (const entry of conversion.in) {
    if (!Array.isArray(entry) || !isPattern(entry[0]) || typeof entry[1] !== 'string') return undefined;
    iconv.push({ source: entry[0].source, flags: entry[0].flags, replacement: entry[1] });
  }
  // nspell/lib/util/flag.js
  const flag = (name: string, codes: unknown): boolean =>
    name in flags && Array.isArray(codes) && codes.indexOf(flags[name]) > -1;

  // Object.keys on nspell's half-million-key dictionary-mode object, and sorting it, are most of a first run's extra cost.
  const words = Object.keys(data).sort();
  const count = words.length;
  const offsets = new Uint32Array(count + 1);
  const bits = new Uint8Array(count);
  let units = 0;
  for (let i = 0; i < count; i++) {
    const word = words[i]!;
    const codes = data[word];
    if (!Array.isArray(codes)) return undefined;
    if (codes.length) {
      bits[i] = (flag('FORBIDDENWORD', codes) ? FORBIDDEN : 0) | (flag('ONLYINCOMPOUND', codes) ? ONLY_IN_COMPOUND : 0) | (flag('KEEPCASE', codes) ? KEEP_CASE : 0);
    }
    offsets[i] = units;
    units += word.length;
  }
  offsets[count] = units;
  const text = words.join('');
  const wide = /[^\u0000-\u00ff]/.test(text);
  let chars: Uint8Array | Uint16Array;
  if (!wide) chars = new Uint8Array(Buffer.from(text, 'latin1'));
  else {
    chars = new Uint16Array(units);
    for (let k = 0; k < units; k++) chars[k] = text.charCodeAt(k);
  }
  const header: Header = {
    key,
    count,
    wide,
    compoundMin: flags.COMPOUNDMIN,
    compoundRules: compoundRules.map((r) => ({ source: r.source, flags: r.flags })),
    iconv,
  };
  return { header, offsets, chars, bits };
}

