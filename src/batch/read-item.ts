import { realpathSync } from 'node:fs';
import type { TextInput } from '../analyze.js';
import { inputError, MtdiffError } from '../core/errors.js';
import { readText } from '../io/read.js';
import { uniqueRefs } from '../io/unique.js';
import { isInside, type BatchItem } from './manifest.js';

/** The lexical check in the manifest cannot see symlinks; this one, done when reading, can. */
function checkRealPath(root: string, path: string, label: string): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return; // missing: readText says so in its own words
  }
  if (!isInside(realpathSync(root), real)) throw inputError(`${label}: resolves outside the manifest's directory (allow with --allow-outside)`);
}

/**
 * Reads one item's texts with every check `check` applies; any failure is an MtdiffError for this item only.
 * A repeated reference counts once; `warnings` says which.
 */
export function readItem(item: BatchItem, maxBytes?: number): { mt: TextInput; refs: TextInput[]; warnings: string[] } {
  const read = (label: string, path: string): TextInput => {
    if (item.root) checkRealPath(item.root, path, label);
    try {
      return { id: label, text: readText(path, { maxBytes }) };
    } catch (err) {
      // Messages name the path as the manifest wrote it: records must not depend on where the batch lives.
      if (err instanceof MtdiffError && err.message.startsWith(path)) throw new MtdiffError(err.code, label + err.message.slice(path.length));
      throw err;
    }
  };
  const mt = read(item.mt, item.mtPath);
  const unique = uniqueRefs(item.refs.map((r, i) => ({ ...read(r, item.refPaths[i]!), path: item.refPaths[i]! })));
  return { mt, refs: unique.refs.map(({ id, text }) => ({ id, text })), warnings: unique.warnings.map((w) => `${item.id}: ${w}`) };
}
