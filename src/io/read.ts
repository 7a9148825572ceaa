import { readFileSync, statSync } from 'node:fs';
import { inputError } from '../core/errors.js';
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

/** Reads a text file the way every front end does; every failure is one clear MtdiffError. */
export function readText(path: string, options: ReadOptions = {}): string {
  const maxBytes = options.maxBytes ?? LIMITS.maxBytes;
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw inputError(`${path}: is a directory, not a file`);
    size = st.size;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw inputError(`${path}: no such file (or a broken link)`);
    if ((err as { code?: string }).code === 'EACCES') throw inputError(`${path}: permission denied`);
    throw err;
  }
  if (size > maxBytes) {
    throw inputError(`${path}: ${size} bytes is over the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw inputError(`${path}: cannot read (${code === 'EACCES' ? 'permission denied' : (code ?? 'error')})`);
  }
  const text = decode(bytes, path);
  if (!options.allowEmpty && text.trim() === '') throw inputError(`${path}: no text (empty or whitespace only)`);
  return text;
}
