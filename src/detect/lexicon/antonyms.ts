import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem } from '../../segment/stem.js';

const FILE = fileURLToPath(new URL('../../../models/antonyms.tsv', import.meta.url));

let table: Map<string, Set<string>> | undefined;

/**
 * WordNet's antonym pairs keyed by Porter stem, so inflected forms meet ("increased" / "decreasing"). Built, stems
 * included, by scripts/antonyms.mjs into models/antonyms.tsv; a missing file means no antonyms, never an error.
 */
export function antonymStems(): Map<string, Set<string>> {
  if (table) return table;
  table = new Map();
  let text = '';
  try {
    text = readFileSync(FILE, 'utf8');
  } catch {
    return table;
  }
  for (const line of text.split('\n')) {
    const [a, b, stemA, stemB] = line.split('\t');
    if (!a || !b) continue;
    // Columns 3-4 are the stems, precomputed by the script; a two-column file is stemmed here.
    const [sa, sb] = stemA && stemB ? [stemA, stemB] : [stem(a), stem(b)];
    if (sa === sb) continue;
    if (!table.has(sa)) table.set(sa, new Set());
    table.get(sa)!.add(sb);
  }
  return table;
}
