const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * `marker` (`**`, `~~`) around `body` (already escaped Markdown) placed between the characters `prev` and
 * `next` of the surrounding Markdown. CommonMark only reads a marker as emphasis when it is left- or
 * right-flanking: a marker between a letter and punctuation (`end**.**`) would show up literally. A space
 * is put there instead; so is one between two adjacent markers (`~~a~~ **b**`), for readability.
 */
export function emphasis(marker: string, body: string, prev: string | undefined, next: string | undefined): string {
  const padBefore = (isWordChar(prev) && isPunct(body[0])) || prev === '~' || prev === '*';
  const padAfter = isWordChar(next) && isPunct(body.at(-1));
  return `${padBefore ? ' ' : ''}${marker}${body}${marker}${padAfter ? ' ' : ''}`;
}
