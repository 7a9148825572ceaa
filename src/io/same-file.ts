import { statSync } from 'node:fs';
import { usageError } from '../core/errors.js';

/** Device and inode: equal for the same file under any name (symlinks resolved, hard links too). */
export function fileIdentity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/** The identities of every path that exists; a set so that thousands of batch inputs cost one lookup each. */
export function identities(paths: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const p of paths) {
    const id = fileIdentity(p);
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Refuses (exit 3, before any work) an output that is one of the command's inputs: writing it would
 * destroy the very file the run reads. An output that does not exist yet cannot be an input.
 */
export function refuseInputAsOutput(out: string, inputs: ReadonlySet<string>, what = 'the output'): void {
  const id = fileIdentity(out);
  if (id !== undefined && inputs.has(id)) throw usageError(`${out}: ${what} would overwrite an input file`);
}
