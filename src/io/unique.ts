import { fileIdentity } from './same-file.js';

export interface ReadRef {
  id: string;
  path: string;
  text: string;
}

export interface Unique<T> {
  refs: T[];
  /** One line per reference left out: which earlier one it repeats. */
  warnings: string[];
}

/**
 * The same reference twice (same file under any name, or the same text) would count as two agreeing
 * witnesses and double its flags' evidence; it counts once, with a warning.
 */
export function uniqueRefs<T extends ReadRef>(refs: readonly T[]): Unique<T> {
  const seen = new Map<string, string>();
  const out: T[] = [];
  const warnings: string[] = [];
  for (const ref of refs) {
    const file = fileIdentity(ref.path);
    const keys = [`text:${ref.text}`, ...(file ? [`file:${file}`] : [])];
    const first = keys.map((k) => seen.get(k)).find((id) => id !== undefined);
    if (first !== undefined) {
      warnings.push(`reference ${ref.id} is the same as ${first}; counted once`);
      continue;
    }
    keys.forEach((k) => seen.set(k, ref.id));
    out.push(ref);
  }
  return { refs: out, warnings };
}
