import { basename } from 'node:path';

/** Scores are shown with three decimals everywhere (as in `mtdiff check`). */
export const score = (x: number): string => x.toFixed(3);

/** Penalties: at most two decimals, no trailing zeros (15, 1.68, 0.1). */
export const penalty = (x: number): string => String(Number(x.toFixed(2)));

/** Reports name files by their base name, so a report reads the same wherever it was generated from. */
export const fileName = (path: string): string => basename(path);

/** People count sentences from 1; the JSON contract counts from 0. */
export const sentenceNo = (index: number): number => index + 1;

/** GitHub's anchor for a `### Sentence N` heading. */
export const sentenceAnchor = (index: number): string => `#sentence-${sentenceNo(index)}`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
