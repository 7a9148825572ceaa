// Deep imports: natural's index pulls in its storage backends, which load dotenv, which prints to stdout.
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stemmer = porter as { stem(word: string): string };
const cache = new Map<string, string>();

/** Porter stem of a lower-cased English word (memoised: the same words recur across a batch). */
export function stem(norm: string): string {
  let s = cache.get(norm);
  if (s === undefined) {
    s = /^[a-z]+$/.test(norm) ? stemmer.stem(norm) : norm;
    cache.set(norm, s);
  }
  return s;
}
