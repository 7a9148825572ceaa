import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { outputError } from '../core/errors.js';

/** Deeper than any real path; a bound so that a kernel answering ENOENT forever (/proc) cannot loop us. */
const MAX_DIR_DEPTH = 256;

/**
 * Writes every byte or throws: the kernel may write part of a buffer (a full disk, a signal), and a single
 * write call that ignores the count is how a truncated file ends up renamed over a good one.
 */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (n <= 0) throw Object.assign(new Error('short write (no space left on device?)'), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * mkdir -p with a depth bound. Node's recursive mkdir retries forever on a parent that reports ENOENT
 * but cannot be created (/proc/nope/x).
 */
export function ensureDir(dir: string, depth = 0): void {
  try {
    mkdirSync(dir);
    return;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EEXIST') {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} is not a directory`), { code: 'ENOTDIR' });
      return;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth >= MAX_DIR_DEPTH) throw err;
    ensureDir(parent, depth + 1);
  }
  mkdirSync(dir);
}

/** Makes a rename durable: without it a crash can bring the old directory entry back. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (err) {
    // Some file systems cannot fsync a directory; the rename itself has happened.
    if ((err as { code?: string }).code !== 'EINVAL') throw err;
  } finally {
    closeSync(fd);
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code === 'ENOSPC' ? 'no space left on device' : (e.message ?? String(err)).split('\n')[0]!;
}

/**
 * Writes a file so that readers only ever see the old complete version or the new complete one:
 * write a temp file in the same directory, fsync it, rename over the target (atomic on POSIX), fsync the
 * directory. Any failure leaves the old file as it was and is one MtdiffError (exit 5).
 */
export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let created = false;
  try {
    ensureDir(dir);
    const fd = openSync(tmp, 'wx');
    created = true;
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    created = false;
    fsyncDir(dir);
  } catch (err) {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone: nothing of ours is left behind
      }
    }
    throw outputError(`cannot write ${path}: ${describe(err)}`);
  }
}
