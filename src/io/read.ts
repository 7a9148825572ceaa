import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { inputError, MtdiffError } from '../core/errors.js';
import { LIMITS } from '../config.js';

export interface ReadOptions {
  maxBytes?: number;
  /** Allow a file with no text (references may be empty; an MT file may not). */
  allowEmpty?: boolean;
}

function decode(bytes: Buffer, path: string): string {
  // A BOM names the encoding; the decoded text (offsets' frame) never includes it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw inputError(`${path}: binary data (NUL bytes), not a text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(`${path}: not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8)`);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file (or a broken link)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'file name too long',
};

function fsError(path: string, err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === undefined) throw err;
  throw inputError(`${path}: ${REASONS[code] ?? `cannot read (${code})`}`);
}

function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a directory, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/**
 * Reads at most `maxBytes` bytes; more is an error. The size stat() reports is not trusted (0 for /proc
 * files), so the bound is on what is actually read.
 */
function readBounded(fd: number, path: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw inputError(`${path}: over the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Opens without blocking (a FIFO with no writer would wait forever) and refuses anything but a regular
 * file, judged on the opened descriptor so a swap between check and read cannot slip a pipe in.
 */
function readRegular(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    fsError(path, err);
  }
  try {
    const st = fstatSync(fd);
    const wrong = kindOf(st);
    if (wrong) throw inputError(`${path}: ${wrong}`);
    if (st.size > maxBytes) throw inputError(`${path}: ${st.size} bytes is over the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
    try {
      return readBounded(fd, path, maxBytes);
    } catch (err) {
      if (err instanceof MtdiffError) throw err;
      fsError(path, err);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a text file the way every front end does; every failure is one clear MtdiffError. */
export function readText(path: string, options: ReadOptions = {}): string {
  const text = decode(readRegular(path, options.maxBytes ?? LIMITS.maxBytes), path);
  if (!options.allowEmpty && text.trim() === '') throw inputError(`${path}: no text (empty or whitespace only)`);
  return text;
}
