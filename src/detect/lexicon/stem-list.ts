import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spellCacheDir } from './spell-cache.js';
import { openStemFile, SURROGATE, writeStemFile, type Rules, type StemFile } from './stem-file.js';
import type { Speller } from './spell.js';

/**
 * The route for Hunspell dictionaries nspell cannot expand within the start-up budget (Czech: 42 s and 850 MB the
 * first time, half a second per run from the cached table; Italian and Portuguese: minutes). Instead of every
 * inflected form, the .dic stems sorted once into a cache file, and the .aff's suffix and prefix rules as plain
 * (strip, add) pairs: a word is known when undoing one rule gives a stem. Flags and conditions are ignored, so
 * this accepts more forms than Hunspell would; it only ever judges words that are already neither English nor in
 * any reference, where a loose "is a word of language X" is what we need. The cache file is read a block at a time (stem-file.ts).
 */
export interface StemList extends Speller {
  readonly stems: number;
  /** The word is itself a listed stem (as written, lower-cased or capitalised), no affix rule needed. */
  exact(word: string): boolean;
  /** Listed as written, or a capitalised word listed in lower case (Hunspell's own case rule). */
  listed(word: string): boolean;
  /** Listed exactly as written, case included. */
  written(word: string): boolean;
}

/** In the file name too: a build of another format (an older mtdiff sharing the cache) never takes this file for stale. */
const FORMAT = 3;

/**
 * The cache key: the package's name, version and file sizes, not a hash of its bytes. Importing a dictionary
 * package reads its files (Turkish: 9 MB), and language detection consults every stem list on each run.
 */
export function stemListKey(pkg: string): string | undefined {
  try {
    const dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string };
    const sizes = ['index.aff', 'index.dic'].map((f) => statSync(join(dir, f)).size).join(' ');
    return createHash('sha256').update(`mtdiff-stems ${FORMAT} ${pkg} ${version} ${sizes}\n`).digest('hex');
  } catch {
    return undefined;
  }
}

/** (strip, add) pairs grouped by the added text, so a lookup only tries the rules whose ending the word has. */
export function parseRules(aff: string): Rules {
  const rules: Rules = { suffixes: {}, prefixes: {} };
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if ((f[0] !== 'SFX' && f[0] !== 'PFX') || f.length < 5) continue;
    const strip = f[2] === '0' ? '' : f[2]!;
    const add = f[3] === '0' ? '' : f[3]!.split('/')[0]!;
    const table = f[0] === 'SFX' ? rules.suffixes : rules.prefixes;
    const list = (table[add] ??= []);
    if (!list.includes(strip)) list.push(strip);
  }
  return rules;
}

export function parseStems(dic: string): string[] {
  const stems = new Set<string>();
  // The first line is the entry count; entries are "stem/FLAGS" plus optional morphology after a tab.
  // Scanned with indexOf, not a regex per line: a cold cache builds 17 lists of up to 370,000 entries.
  let at = dic.indexOf('\n') + 1;
  while (at > 0 && at < dic.length) {
    const next = dic.indexOf('\n', at);
    const end = next < 0 ? dic.length : next;
    const stem = stemOf(dic.slice(at, end));
    if (stem) stems.add(stem);
    at = end + 1;
  }
  return byteOrder([...stems]);
}

/** The stem of one .dic entry: up to the first unescaped slash, before any tab or space; "\\/" is a slash. */
function stemOf(line: string): string {
  let cut = line.length;
  for (const sep of ['\t', ' ']) {
    const i = line.indexOf(sep);
    if (i >= 0 && i < cut) cut = i;
  }
  let slash = line.indexOf('/');
  while (slash > 0 && slash < cut && line[slash - 1] === '\\') slash = line.indexOf('/', slash + 1);
  if (slash >= 0 && slash < cut) cut = slash;
  const stem = line.slice(0, cut);
  return (stem.includes('\\/') ? stem.replace(/\\\//g, '/') : stem).trim();
}

/**
 * UTF-8 byte order, as the lookups compare. Without surrogates UTF-16 code-unit order is code-point order, which
 * is byte order, so the plain string sort is exact; only lists with astral letters pay for buffers.
 */
function byteOrder(stems: string[]): string[] {
  if (!stems.some((s) => SURROGATE.test(s))) return stems.sort();
  return stems
    .map((s) => ({ s, b: Buffer.from(s) }))
    .sort((x, y) => Buffer.compare(x.b, y.b))
    .map((x) => x.s);
}

/** Answers kept per list: detectors and language votes ask about the same few words many times. Bounded for batches. */
const MEMO_LIMIT = 100_000;

/** The affix rules over a set of stems; where the stems live (memory, a cache file) is the subclass's. */
abstract class AffixStems implements StemList {
  private readonly maxAdd: number;
  private readonly maxPre: number;
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly rules: Rules,
    readonly stems: number,
  ) {
    this.maxAdd = Math.max(0, ...Object.keys(rules.suffixes).map((a) => a.length));
    this.maxPre = Math.max(0, ...Object.keys(rules.prefixes).map((a) => a.length));
  }

  /** The stem is listed, exactly as given. */
  protected abstract has(stem: string): boolean;

  correct(word: string): boolean {
    let known = this.memo.get(word);
    if (known === undefined) {
      const lower = word.toLowerCase();
      known = this.has(word) || this.bySuffix(word) || this.byPrefix(word) || (lower !== word && (this.has(lower) || this.bySuffix(lower) || this.byPrefix(lower)));
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, known);
    }
    return known;
  }

  written(word: string): boolean {
    return this.has(word);
  }

  listed(word: string): boolean {
    const lower = word.toLowerCase();
    return this.has(word) || (lower !== word && this.has(lower));
  }

  exact(word: string): boolean {
    const lower = word.toLowerCase();
    return this.has(word) || this.has(lower) || this.has(lower.charAt(0).toUpperCase() + lower.slice(1));
  }

  private bySuffix(word: string): boolean {
    for (let n = 1; n <= Math.min(this.maxAdd, word.length - 2); n++) {
      const strips = this.rules.suffixes[word.slice(-n)];
      if (strips?.some((s) => this.has(word.slice(0, -n) + s))) return true;
    }
    return false;
  }

  private byPrefix(word: string): boolean {
    for (let n = 1; n <= Math.min(this.maxPre, word.length - 2); n++) {
      const strips = this.rules.prefixes[word.slice(0, n)];
      const rest = word.slice(n);
      if (strips?.some((s) => this.has(s + rest) || this.bySuffix(s + rest))) return true;
    }
    return false;
  }
}

/** A list just built (or with no cache directory): the stems in a set. */
class MemoryStems extends AffixStems {
  private readonly set: Set<string>;

  constructor(stems: readonly string[], rules: Rules) {
    super(rules, stems.length);
    this.set = new Set(stems);
  }

  protected has(stem: string): boolean {
    return this.set.has(stem);
  }
}

function build(aff: Buffer, dic: Buffer, key: string, file: string | undefined): StemList {
  const rules = parseRules(aff.toString('utf8'));
  const stems = parseStems(dic.toString('utf8'));
  if (file) {
    try {
      mkdirSync(join(file, '..'), { recursive: true });
      writeStemFile(file, key, rules, stems);
      dropStale(file);
      // From the file from now on: a process keeps a few kilobytes per list, not the list (BENCHMARKS.md).
      const stored = wrapFile(openStemFile(file, key));
      if (stored) return stored;
    } catch {
      // a read-only cache only costs the next run another build
    }
  }
  return new MemoryStems(stems, rules);
}

const wrapFile = (file: StemFile | undefined): StemList | undefined => (file ? new FileStems(file) : undefined);

/** A list in its cache file: the first stem of every block in memory, a block read when a lookup lands in it. */
class FileStems extends AffixStems {
  constructor(private readonly file: StemFile) {
    super(file.rules, file.count);
  }

  protected has(stem: string): boolean {
    return this.file.block(stem)?.has(stem) ?? false;
  }
}

/** Stem lists of other versions of the same package are dead weight. */
function dropStale(file: string): void {
  const dir = dirname(file);
  const prefix = basename(file).replace(/[0-9a-f]{32}\.txt$/, '');
  for (const name of readdirSync(dir)) if (name !== basename(file) && name.startsWith(prefix) && /^[0-9a-f]{32}\.txt$/.test(name.slice(prefix.length))) unlinkSync(join(dir, name));
}

/** The stem list of a wooorm/dictionaries package, built on first use and cached; undefined if not installed. */
export async function openStemList(pkg: string, cacheDir: string | null = spellCacheDir()): Promise<StemList | undefined> {
  const key = stemListKey(pkg);
  if (!key) return undefined; // not installed
  const file = cacheDir === null ? undefined : join(cacheDir, `${pkg.replace(/[^A-Za-z0-9._-]+/g, '_')}-stems${FORMAT}-${key.slice(0, 32)}.txt`);
  const cached = file ? wrapFile(openStemFile(file, key)) : undefined;
  if (cached) return cached;
  let dict: { aff: Uint8Array; dic: Uint8Array };
  try {
    dict = ((await import(pkg)) as { default: { aff: Uint8Array; dic: Uint8Array } }).default;
  } catch {
    return undefined;
  }
  if (!dict?.aff || !dict.dic) return undefined; // an old callback-style package
  return build(Buffer.from(dict.aff), Buffer.from(dict.dic), key, file);
}

const opened = new Map<string, Promise<StemList | undefined>>();

export function loadStemList(pkg: string): Promise<StemList | undefined> {
  let p = opened.get(pkg);
  if (!p) {
    p = openStemList(pkg);
    opened.set(pkg, p);
  }
  return p;
}
