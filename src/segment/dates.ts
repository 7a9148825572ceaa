/** English month names, as a regular-expression alternation. */
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * What stands before a date: a preposition, an article, punctuation or the start of a line ("on 7. October",
 * "BERLIN, 7. October"). After other words "25. May" is more likely a sentence ending in a number.
 */
const DATE_CONTEXT = /(?:^|[\p{P}\n]|\b(?:on|since|from|until|till|to|by|before|after|of|between|and|or|the|around|about))\s*$/iu;

/** Whether the text ending at `end` reads like the lead-in to a date (a bounded look-back). */
function dateContext(text: string, end: number): boolean {
  return DATE_CONTEXT.test(text.slice(Math.max(0, end - 20), end));
}

const MONTH_START = new RegExp(`^\\s+(?:${MONTHS})\\b`);

/**
 * "on 7. October": a day written as an ordinal with a full stop (German, Nordic and Slavic notation) before an
 * English month name. `dot` is the index of the full stop in `text`.
 */
export function isDottedDay(text: string, dot: number): boolean {
  const day = /(?:^|[^\p{L}\p{N}.,])([0-3]?\d)$/u.exec(text.slice(Math.max(0, dot - 3), dot));
  if (!day || Number(day[1]) < 1 || Number(day[1]) > 31) return false;
  const start = dot - day[1]!.length;
  return MONTH_START.test(text.slice(dot + 1, dot + 16)) && dateContext(text, start);
}
