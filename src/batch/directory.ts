/**
 * Directory mode: every file in the MT directory is one item. Its references are the files of the
 * same-named subdirectory of the reference directory (name without extension) when there is one,
 * otherwise every file directly in the reference directory.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { inputError } from '../core/errors.js';
import type { ManifestEntry } from './manifest.js';

/** Regular files (symlinks followed), hidden files skipped, in code-unit order so every machine agrees. */
function filesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw inputError(`${dir}: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : `cannot list (${code ?? 'error'})`}`);
  }
  return names.filter((n) => !n.startsWith('.') && isFile(join(dir, n))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function stem(name: string): string {
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** Entries numbered like manifest lines (1-based) so that `line:N` ids and sharding work the same way. */
export function directoryEntries(mtDir: string, refDir: string): ManifestEntry[] {
  const shared = filesIn(refDir);
  return filesIn(mtDir).map((name, i): ManifestEntry => {
    const own = join(refDir, stem(name));
    const refs = isDirectory(own) ? filesIn(own).map((r) => join(own, r)) : shared.map((r) => join(refDir, r));
    const mt = join(mtDir, name);
    if (refs.length === 0) return { kind: 'error', line: i + 1, id: name, error: `${mt}: no reference files in ${isDirectory(own) ? own : refDir}` };
    return { kind: 'item', line: i + 1, item: { id: name, mt, refs, mtPath: resolve(mt), refPaths: refs.map((r) => resolve(r)) } };
  });
}
