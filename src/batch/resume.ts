/**
 * `--resume`: the JSONL output is appended record by record, so after a crash it holds whole records plus
 * at most one torn last line. The torn tail is cut off; every whole record counts as done.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import { outputError } from '../core/errors.js';
import type { BatchRecord } from './record.js';

export interface ResumeState {
  /** Records already in the file, in file order. */
  records: BatchRecord[];
  /** Bytes to keep: everything up to and including the last newline. */
  keepBytes: number;
  /** Whole lines that are not records (left in place, reported). */
  unreadable: number;
}

export function scanOutput(data: Buffer): ResumeState {
  const keepBytes = data.lastIndexOf(0x0a) + 1;
  const records: BatchRecord[] = [];
  let unreadable = 0;
  for (const line of data.subarray(0, keepBytes).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as BatchRecord;
      if (typeof value === 'object' && value !== null && typeof value.id === 'string') records.push(value);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { records, keepBytes, unreadable };
}

/** Reads the output file and cuts a torn last line off it; a missing file is an empty start. */
export function prepareResume(path: string): ResumeState {
  if (!existsSync(path)) return { records: [], keepBytes: 0, unreadable: 0 };
  let state: ResumeState;
  let size: number;
  try {
    const data = readFileSync(path);
    size = data.length;
    state = scanOutput(data);
  } catch (err) {
    throw outputError(`cannot read ${path} to resume: ${(err as Error).message}`);
  }
  if (state.keepBytes < size) {
    try {
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, state.keepBytes);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      throw outputError(`cannot truncate the torn last line of ${path}: ${(err as Error).message}`);
    }
  }
  return state;
}

/**
 * Which entries still need a record: the k-th entry with a given id is done when the file already holds
 * at least k records with that id (duplicate-id error records share the id of the item they collide with).
 */
export function pendingEntries<T extends { id: string }>(entries: readonly T[], done: readonly { id: string }[]): T[] {
  const have = new Map<string, number>();
  for (const r of done) have.set(r.id, (have.get(r.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return entries.filter((e) => {
    const k = (seen.get(e.id) ?? 0) + 1;
    seen.set(e.id, k);
    return k > (have.get(e.id) ?? 0);
  });
}
