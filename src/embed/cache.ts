/**
 * Persistent embedding cache: SQLite (better-sqlite3) in a cache directory, so a rerun over the same
 * articles skips the model. Vectors are stored as raw float32, so cached results are bit-identical.
 * A cache that cannot be used (corrupt, locked, unwritable, unknown schema) is never an error: the store
 * warns once and from then on behaves as if there were no cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { endianness, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { VERSION } from '../core/version.js';
import type { CachedVectors, EmbeddingStore } from './embedder.js';

// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: the little we use, typed here.
interface Statement<P extends unknown[], R> {
  get(...params: P): R | undefined;
  run(...params: P): unknown;
}
interface SqliteDb {
  pragma(source: string, options?: { simple: boolean }): unknown;
  exec(source: string): void;
  prepare<P extends unknown[], R = unknown>(source: string): Statement<P, R>;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
type SqliteCtor = new (path: string, options: { timeout: number }) => SqliteDb;
const require = createRequire(import.meta.url);

/** How long a connection waits for another process's write lock before giving up (then: no cache). */
const CACHE_BUSY_TIMEOUT_MS = 2000;
/** 2: rows carry a checksum (1 had none; its rows are dropped, it is a cache). */
const SCHEMA_VERSION = 2;
export const CACHE_FILE = 'embeddings.sqlite';

/** `$MTDIFF_CACHE_DIR`, else `$XDG_CACHE_HOME/mtdiff`, else `~/.cache/mtdiff`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MTDIFF_CACHE_DIR) return env.MTDIFF_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'mtdiff');
  return join(homedir(), '.cache', 'mtdiff');
}

/**
 * Token vectors depend on our tokenizer as well as on the weights, and the blobs are native-endian:
 * both go into the key next to the model id, so an upgrade or a foreign machine never reads stale entries.
 */
function modelKey(model: string): string {
  return `${model}|mtdiff-${VERSION}|${endianness()}`;
}

function textHash(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export interface Row {
  pieces: number;
  present: Buffer;
  vectors: Buffer;
  checksum: Buffer;
}

/** Over everything a row says, so a flipped byte anywhere (disk, another program) is a miss, not a NaN score. */
function rowChecksum(pieces: number, present: Buffer, vectors: Buffer): Buffer {
  return createHash('sha256').update(`${pieces}|${present.length}|`).update(present).update(vectors).digest().subarray(0, 16);
}

/** Blob layout: the sentence vector, then the vector of every token whose `present` byte is 1. */
function encodeRow(value: CachedVectors): Row {
  const present = Buffer.from(value.tokenVectors.map((v) => (v ? 1 : 0)));
  const parts = [value.vector, ...value.tokenVectors.filter((v): v is Float32Array => v !== null)];
  const vectors = Buffer.concat(parts.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)));
  return { pieces: value.pieces, present, vectors, checksum: rowChecksum(value.pieces, present, vectors) };
}

/** Exported for tests: a row that fails any check is a miss, and the embedder recomputes (and rewrites) it. */
export function decodeRow(row: Row): CachedVectors | undefined {
  if (!Buffer.isBuffer(row.checksum) || !rowChecksum(row.pieces, row.present, row.vectors).equals(row.checksum)) return undefined;
  // The blob holds (1 + present tokens) vectors of equal length; a blob that cannot be split so is a miss.
  const count = row.present.reduce((n, b) => n + b, 0) + 1;
  const dims = row.vectors.byteLength / 4 / count;
  if (!Number.isInteger(dims) || dims === 0) return undefined;
  // Copy: SQLite's buffer need not be 4-byte aligned, and Float32Array views must be.
  const all = new Float32Array(row.vectors.buffer.slice(row.vectors.byteOffset, row.vectors.byteOffset + row.vectors.byteLength));
  if (!all.every(Number.isFinite)) return undefined;
  let k = 1;
  const tokenVectors = [...row.present].map((b) => (b ? all.subarray(dims * k, dims * ++k) : null));
  return { vector: all.subarray(0, dims), tokenVectors, pieces: row.pieces };
}

export interface CacheOptions {
  /** Called once, with one line, when the cache turns out to be unusable. */
  warn: (message: string) => void;
  busyTimeoutMs?: number;
}

export class SqliteEmbeddingStore implements EmbeddingStore {
  private db: SqliteDb | undefined;
  private getRow: Statement<[string, Buffer], Row> | undefined;
  private putMany: ((model: string, texts: readonly string[], values: readonly CachedVectors[]) => void) | undefined;
  private disabled = false;

  constructor(
    readonly path: string,
    private readonly options: CacheOptions,
  ) {}

  /** Opens lazily, on first use, so that `--help` and argument errors never touch the cache. */
  private open(): boolean {
    if (this.disabled) return false;
    if (this.db) return true;
    return this.guard(() => {
      mkdirSync(dirname(this.path), { recursive: true });
      // Loaded here, inside the guard: a native module built for another Node means no cache, not a crash.
      const Database = require('better-sqlite3') as SqliteCtor;
      const db = new Database(this.path, { timeout: this.options.busyTimeoutMs ?? CACHE_BUSY_TIMEOUT_MS });
      this.db = db;
      // WAL: readers never wait for a writer, so parallel workers and runs share one file.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== 0 && version !== 1 && version !== SCHEMA_VERSION) throw new Error(`unknown cache schema ${version}`);
      if (version === 1) db.exec('DROP TABLE IF EXISTS embeddings');
      db.exec(`CREATE TABLE IF NOT EXISTS embeddings (
        model TEXT NOT NULL, hash BLOB NOT NULL, pieces INTEGER NOT NULL, present BLOB NOT NULL, vectors BLOB NOT NULL, checksum BLOB NOT NULL,
        PRIMARY KEY (model, hash)) WITHOUT ROWID`);
      if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
      this.getRow = db.prepare<[string, Buffer], Row>('SELECT pieces, present, vectors, checksum FROM embeddings WHERE model = ? AND hash = ?');
      const insert = db.prepare<[string, Buffer, number, Buffer, Buffer, Buffer]>(
        'INSERT OR REPLACE INTO embeddings (model, hash, pieces, present, vectors, checksum) VALUES (?, ?, ?, ?, ?, ?)',
      );
      this.putMany = db.transaction((model: string, texts: readonly string[], values: readonly CachedVectors[]) => {
        texts.forEach((text, i) => {
          const value = values[i]!;
          const row = encodeRow(value);
          insert.run(model, textHash(text), row.pieces, row.present, row.vectors, row.checksum);
        });
      });
      return true;
    }, false);
  }

  get(model: string, texts: readonly string[]): (CachedVectors | undefined)[] {
    const none = texts.map(() => undefined);
    if (!this.open()) return none;
    const key = modelKey(model);
    return this.guard(
      () =>
        texts.map((text) => {
          const row = this.getRow!.get(key, textHash(text));
          return row ? decodeRow(row) : undefined;
        }),
      none,
    );
  }

  put(model: string, texts: readonly string[], values: readonly CachedVectors[]): void {
    if (texts.length === 0 || !this.open()) return;
    this.guard(() => this.putMany!(modelKey(model), texts, values), undefined);
  }

  close(): void {
    try {
      this.db?.close();
    } catch {
      // closing a broken connection has nothing left to lose
    }
    this.db = undefined;
  }

  private guard<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      this.disabled = true;
      this.close();
      const reason = (err as Error).message.split('\n')[0];
      this.options.warn(`embedding cache ${this.path} unusable (${reason}); continuing without it`);
      return fallback;
    }
  }
}

export function openEmbeddingCache(dir: string, options: CacheOptions): SqliteEmbeddingStore {
  return new SqliteEmbeddingStore(join(dir, CACHE_FILE), options);
}
