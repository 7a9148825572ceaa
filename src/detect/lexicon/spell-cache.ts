import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir } from '../../embed/cache.js';
import type { Header, SpellTable } from './spell-table.js';

/**
 * Why a cache: nspell expands every affix of every stem when it loads a dictionary (German: ~1.5 s, 492k forms),
 * on every run. Its answer to correct() depends only on the set of expanded forms, three flags per form
 * (FORBIDDENWORD, ONLYINCOMPOUND, KEEPCASE), the ICONV patterns, COMPOUNDMIN and the compound-rule expressions.
 * The first run lets nspell expand the dictionary and writes exactly that state to a file: the forms sorted and
 * packed into one buffer (Latin-1 or UTF-16 code units) with an offset table, a flag byte per form, and a JSON
 * header. Later runs read the file (no parsing, no per-word objects) and binary-search it; TableSpeller.correct() is
 * nspell 2.1.5's own form()/exact() logic over that table. The key holds the sha256 of the .aff and .dic bytes,
 * nspell's version, the format and the byte order; the body is checked against a sha256 trailer, and any mismatch
 * or read error means: parse again and rewrite the file.
 */
const FORMAT = 1;
const MAGIC = Buffer.from('mtdiff-spell\0\0\0\0', 'latin1'); // 16 bytes, keeps what follows 4-aligned
const DIGEST = 32;

const require = createRequire(import.meta.url);

function nspellVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('nspell/package.json'), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/** sha256 of everything the table depends on. */
export function spellCacheKey(aff: Uint8Array, dic: Uint8Array): string {
  const hash = createHash('sha256');
  hash.update(`mtdiff-spell ${FORMAT} nspell ${nspellVersion()} ${endianness()}\n`);
  hash.update(`aff ${aff.byteLength}\n`).update(aff);
  hash.update(`dic ${dic.byteLength}\n`).update(dic);
  return hash.digest('hex');
}

/** `$MTDIFF_CACHE_DIR/spell`, else `$XDG_CACHE_HOME/mtdiff/spell`, else `~/.cache/mtdiff/spell`. */
export function spellCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultCacheDir(env), 'spell');
}

export function spellCacheFile(dir: string, pkg: string, key: string): string {
  return join(dir, `${cachePrefix(pkg)}${key.slice(0, 32)}.bin`);
}

function cachePrefix(pkg: string): string {
  return `${pkg.replace(/[^A-Za-z0-9._-]+/g, '_')}-`;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Layout: magic, u32 header length, header JSON, padding to 4, offsets, chars, bits, sha256 of all before. */
export function encodeTable(table: SpellTable): Buffer {
  const json = Buffer.from(JSON.stringify(table.header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const body = Buffer.concat([MAGIC, length, json, Buffer.alloc(pad4(json.length)), view(table.offsets), view(table.chars), view(table.bits)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The table in a cache file's bytes, or undefined if they are not a complete, intact table for `key`. */
export function decodeTable(buf: Buffer, key: string): SpellTable | undefined {
  if (buf.length < MAGIC.length + 4 + DIGEST || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const end = buf.length - DIGEST;
  if (!createHash('sha256').update(buf.subarray(0, end)).digest().equals(buf.subarray(end))) return undefined;
  const jsonLength = buf.readUInt32LE(MAGIC.length);
  const jsonStart = MAGIC.length + 4;
  if (jsonStart + jsonLength > end) return undefined;
  const header = JSON.parse(buf.toString('utf8', jsonStart, jsonStart + jsonLength)) as Header;
  if (header.key !== key || !Number.isInteger(header.count) || header.count < 0) return undefined;
  if (typeof header.compoundMin !== 'number' || !Array.isArray(header.compoundRules) || !Array.isArray(header.iconv)) return undefined;
  // Typed-array views need aligned offsets; copy (once) if the buffer itself is not aligned.
  const bytes = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
  const offsetsStart = bytes.byteOffset + jsonStart + jsonLength + pad4(jsonLength);
  const offsetsEnd = offsetsStart + 4 * (header.count + 1);
  if (offsetsEnd - bytes.byteOffset > end) return undefined;
  const offsets = new Uint32Array(bytes.buffer, offsetsStart, header.count + 1);
  const units = offsets[header.count]!;
  const charBytes = units * (header.wide ? 2 : 1);
  if (offsetsEnd - bytes.byteOffset + charBytes + header.count !== end) return undefined;
  const chars = header.wide ? new Uint16Array(bytes.buffer, offsetsEnd, units) : new Uint8Array(bytes.buffer, offsetsEnd, units);
  const bits = new Uint8Array(bytes.buffer, offsetsEnd + charBytes, header.count);
  return { header, offsets, chars, bits };
}

export function readCache(file: string, key: string): SpellTable | undefined {
  try {
    return decodeTable(readFileSync(file), key);
  } catch {
    return undefined; // missing, unreadable or malformed: parse again
  }
}

/** Temp file in the same directory + rename: readers see the old file, the new one, or none. */
export function writeCache(dir: string, pkg: string, table: SpellTable): void {
  const file = spellCacheFile(dir, pkg, table.header.key);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, encodeTable(table));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    return; // a read-only or full cache directory only costs the next run a parse
  }
  // Tables of other versions of this dictionary (same package, other key) are dead weight.
  try {
    const prefix = cachePrefix(pkg);
    for (const name of readdirSync(dir)) {
      const rest = name.slice(prefix.length);
      if (name.startsWith(prefix) && /^[0-9a-f]{32}\.bin$/.test(rest) && join(dir, name) !== file) unlinkSync(join(dir, name));
    }
  } catch {
    // best effort
  }
}

