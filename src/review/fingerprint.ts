import { createHash } from 'node:crypto';
import type { ReviewFile } from './file.js';
import { textHash } from './file.js';

/** How many trigram hashes the fingerprint keeps (bottom-k MinHash): enough for a resemblance within about 0.1. */
const K = 64;
/**
 * Resemblance (word-trigram Jaccard) above which two texts are versions of one article. Changing one word in
 * ten of seed 004 keeps 0.52; the four English reports of the same story score 0.00-0.14 against it.
 */
const SAME_ARTICLE = 0.25;

function trigramHashes(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) {
    out.add(createHash('sha1').update(`${words[i]} ${words[i + 1]} ${words[i + 2]}`).digest().readUInt32BE(0));
  }
  if (words.length > 0 && words.length < 3) out.add(createHash('sha1').update(words.join(' ')).digest().readUInt32BE(0));
  return out;
}

/** The K smallest trigram hashes, sorted. */
export function fingerprint(text: string): number[] {
  return [...trigramHashes(text)].sort((a, b) => a - b).slice(0, K);
}

/** Bottom-k estimate of the Jaccard resemblance of two fingerprints. */
export function resemblance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, K);
  const inA = new Set(a);
  const inB = new Set(b);
  return union.filter((h) => inA.has(h) && inB.has(h)).length / union.length;
}

/**
 * Whether a review file made for another text belongs to this article (an edited version of it). A file
 * without a fingerprint was written before decisions could follow edits: it cannot be told from another
 * article's, and none of its decisions could be placed, so it is refused too.
 */
export function sameArticle(review: Pick<ReviewFile, 'fingerprint' | 'mtSha256'>, mtText: string): boolean {
  if (review.mtSha256 === textHash(mtText)) return true;
  if (!review.fingerprint) return false;
  return resemblance(review.fingerprint, fingerprint(mtText)) >= SAME_ARTICLE;
}
