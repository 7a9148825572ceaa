import { parse } from 'csv-parse/sync';
import { inputError } from '../core/errors.js';
import { readText } from '../io/read.js';
import type { GlossaryEntry } from './types.js';

/** Glossary CSV, as Xbench/Trados export it: source term, required English term, forbidden variants (;-separated). */
export function parseGlossary(csv: string, label = 'glossary'): GlossaryEntry[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, comment: '#', comment_no_infix: true, info: true }) as unknown as typeof rows;
  } catch (err) {
    throw inputError(`${label}: not valid CSV (${(err as Error).message.split('\n')[0]})`);
  }
  if (rows[0] && /^source$/i.test(rows[0].record[0] ?? '')) rows = rows.slice(1);
  return rows.map(({ record, info }) => {
    const [source = '', target = '', forbidden = ''] = record;
    if (!source || !target) throw inputError(`${label}: line ${info.lines} needs a source term and an English term`);
    return { source, target, forbidden: forbidden.split(';').map((s) => s.trim()).filter(Boolean) };
  });
}

export function readGlossary(path: string): GlossaryEntry[] {
  return parseGlossary(readText(path), path);
}
