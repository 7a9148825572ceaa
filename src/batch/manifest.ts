/**
 * Batch manifests: JSONL (`{"id", "mt", "refs": [...]}` per line) or CSV (header id,mt,refs; refs split on `;`).
 * Pure: text in, entries out. A bad line becomes an error entry for that line, never an exception, so one
 * typo in a 10,000-line manifest costs one record, not the run.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface BatchItem {
  id: string;
  /** Paths as written (they label the texts in records and evidence). */
  mt: string;
  refs: string[];
  /** The same paths, resolved against the manifest's directory. */
  mtPath: string;
  refPaths: string[];
  /** When set, every path must really lie inside this directory (symlinks included): checked when reading. */
  root?: string;
}

export type ManifestEntry =
  | { kind: 'item'; line: number; item: BatchItem }
  | { kind: 'error'; line: number; id: string; error: string };

export interface ManifestOptions {
  /** Directory the paths are relative to (the manifest's own directory). */
  base: string;
  allowOutside?: boolean;
}

interface RawEntry {
  line: number;
  id?: string;
  mt?: unknown;
  refs?: unknown;
  /** Set when the line could not even be read as an entry. */
  error?: string;
}

/** True when `path` (absolute) is `dir` or lies below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** Every raw entry becomes an item or an error entry; later uses of an id already taken are errors. */
function finish(raws: RawEntry[], options: ManifestOptions): ManifestEntry[] {
  const firstLine = new Map<string, number>();
  return raws.map((raw): ManifestEntry => {
    const id = raw.id ?? `line:${raw.line}`;
    const fail = (error: string): ManifestEntry => ({ kind: 'error', line: raw.line, id, error: `manifest line ${raw.line}: ${error}` });
    if (raw.error) return fail(raw.error);
    if (raw.id === undefined) return fail('needs an "id" (a non-empty string)');
    const first = firstLine.get(raw.id);
    if (first !== undefined) return fail(`duplicate id "${raw.id}" (first used on line ${first})`);
    firstLine.set(raw.id, raw.line);
    if (typeof raw.mt !== 'string' || raw.mt === '') return fail('needs "mt" (the path of the machine translation)');
    if (!Array.isArray(raw.refs) || raw.refs.length === 0 || raw.refs.some((r) => typeof r !== 'string' || r === '')) {
      return fail('needs "refs" (a non-empty list of reference paths)');
    }
    const refs = raw.refs as string[];
    const mtPath = resolve(options.base, raw.mt);
    const refPaths = refs.map((r) => resolve(options.base, r));
    if (!options.allowOutside) {
      const outside = [raw.mt, ...refs].find((p, i) => !isInside(options.base, i === 0 ? mtPath : refPaths[i - 1]!));
      if (outside !== undefined) return fail(`path "${outside}" is outside the manifest's directory (allow with --allow-outside)`);
    }
    const item: BatchItem = { id: raw.id, mt: raw.mt, refs, mtPath, refPaths };
    if (!options.allowOutside) item.root = options.base;
    return { kind: 'item', line: raw.line, item };
  });
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseJsonlManifest(text: string, options: ManifestOptions): ManifestEntry[] {
  const raws: RawEntry[] = [];
  text.split('\n').forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (err) {
      raws.push({ line, error: `not valid JSON (${(err as Error).message.split('\n')[0]})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      raws.push({ line, error: 'not a JSON object' });
      return;
    }
    const obj = value as Record<string, unknown>;
    raws.push({ line, id: idOf(obj.id), mt: obj.mt, refs: obj.refs });
  });
  return finish(raws, options);
}

const REQUIRED_COLUMNS = ['id', 'mt', 'refs'] as const;

/** One physical line as CSV fields, or why it is not CSV. */
function csvFields(content: string): string[] | string {
  try {
    return (parse(content, { relax_column_count: true, trim: true }) as string[][])[0] ?? [];
  } catch (err) {
    return `not valid CSV (${(err as Error).message.split('\n')[0]})`;
  }
}

/**
 * Header row required (any column order, extra columns ignored); returns undefined when it is missing.
 * Parsed line by line: a stray quote then costs its own line only (a whole-file parse would read on to
 * the next quote and swallow the lines between). Fields with line breaks are not supported; paths have none.
 */
export function parseCsvManifest(text: string, options: ManifestOptions): ManifestEntry[] | undefined {
  const raws: RawEntry[] = [];
  let header: Map<string, number> | undefined;
  const lines = text.split('\n');
  for (const [i, content] of lines.entries()) {
    const line = i + 1;
    if (content.trim() === '') continue;
    const fields = csvFields(content);
    if (!header) {
      if (typeof fields === 'string') return undefined;
      header = new Map(fields.map((name, k) => [name.toLowerCase(), k]));
      if (REQUIRED_COLUMNS.some((c) => !header!.has(c))) return undefined;
      continue;
    }
    if (typeof fields === 'string') {
      raws.push({ line, error: fields });
      continue;
    }
    const cell = (name: (typeof REQUIRED_COLUMNS)[number]): string => fields[header!.get(name)!] ?? '';
    const refs = cell('refs')
      .split(';')
      .map((r) => r.trim())
      .filter(Boolean);
    raws.push({ line, id: idOf(cell('id')), mt: cell('mt') || undefined, refs });
  }
  return header ? finish(raws, options) : undefined;
}
