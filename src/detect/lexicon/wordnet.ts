import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../../models/wordnet-relations.tsv', import.meta.url));

/**
 * The file as read, with where each line starts: lines are looked up by binary search, since building maps of
 * its 150,000 lines would cost a parallel check about 0.1 s before its first answer.
 */
interface Table {
  text: string;
  /** "s" lines: sorted by stem. */
  stems: number[];
  /** "n" lines: in the order of their base-36 synset numbers. */
  near: number[];
}

let table: Table | undefined;

function load(): Table {
  if (table) return table;
  let text = '';
  try {
    text = readFileSync(FILE, 'utf8');
  } catch {
    // A missing file relates nothing.
  }
  table = { text, stems: [], near: [] };
  for (let at = 0; at < text.length; ) {
    (text[at] === 's' ? table.stems : table.near).push(at);
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length : end + 1;
  }
  return table;
}

/** The ids on the line whose key is `key`, by binary search over `lines` ordered by `order`. */
function lookup(t: Table, lines: readonly number[], key: string, order: (a: string, b: string) => number): string[] | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = lines[mid]! + 2;
    const tab = t.text.indexOf('\t', start);
    const c = order(t.text.slice(start, tab), key);
    if (c === 0) {
      const end = t.text.indexOf('\n', tab);
      return t.text.slice(tab + 1, end < 0 ? undefined : end).split(',');
    }
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: string, b: string) => parseInt(a, 36) - parseInt(b, 36);

/**
 * Whether WordNet puts two stems' words in one synset or one link apart (hypernym, similar-to, derivation and the
 * like; antonyms never), built by scripts/wordnet-relations.mjs. Different stems only: equal ones match anyway.
 */
export function relatedStems(a: string, b: string): boolean {
  if (a === b) return false;
  const t = load();
  const mine = lookup(t, t.stems, a, byText);
  const theirs = mine && lookup(t, t.stems, b, byText);
  if (!mine || !theirs) return false;
  const own = new Set(mine);
  return theirs.some((id) => own.has(id) || (lookup(t, t.near, id, byNumber) ?? []).some((n) => own.has(n)));
}
