import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';

/** Edit distance counting a swap of two neighbours as one edit (the commonest misspelling of a name). */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}
