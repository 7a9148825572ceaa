/**
 * Clock times, which English writes in several ways ("15:00", "15.00", "3 p.m.", "8:30 pm"): the numbers detector
 * must not read the hours and minutes of a time as counts ("00" against a reference's "15.00").
 */
export interface ClockTime {
  start: number;
  end: number;
  /** Every time of day (minutes after midnight) the text can mean: "8:30" is 08:30 or 20:30. */
  minutes: number[];
}

const SUFFIX = String.raw`(?:\s*([ap])\.?\s?m\b\.?)?`;
/** Unambiguous in a translation: hours, a colon, minutes ("20:30", "9:05 a.m."). */
const COLON = new RegExp(String.raw`(?<![\d:.,])(\d{1,2}):([0-5]\d)(?![\d:])${SUFFIX}`, 'gi');
/** Looser in a reference, where a match only ever clears a figure: "15.00", "3 pm" too. */
const ANY = new RegExp(String.raw`(?<![\d:.,])(\d{1,2})(?:[:.]([0-5]\d))?(?![\d:.,]\d)${SUFFIX}`, 'gi');

function meanings(hours: number, mins: number, half: string | undefined, needsClock: boolean): number[] {
  if (hours > 24) return [];
  if (half) {
    if (hours < 1 || hours > 12) return [];
    const h = (hours % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    return [h * 60 + mins];
  }
  if (needsClock) return [];
  const h = hours % 24;
  return h >= 1 && h <= 12 ? [h * 60 + mins, ((h + 12) % 24) * 60 + mins] : [h * 60 + mins];
}

function scan(text: string, offset: number, pattern: RegExp, loose: boolean): ClockTime[] {
  const out: ClockTime[] = [];
  for (const m of text.matchAll(pattern)) {
    // A bare number ("3") is a time only with a.m./p.m.; "3.50" without one may be a price or a decimal.
    const minutes = meanings(Number(m[1]), Number(m[2] ?? 0), m[3], loose && m[2] === undefined);
    if (minutes.length) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, minutes });
  }
  return out;
}

/** Colon times in a translated sentence; `offset` is the sentence's start in its document. */
export function clockTimes(text: string, offset = 0): ClockTime[] {
  return scan(text, offset, COLON, false);
}

/** Every time of day a reference text can be read to state. */
export function referenceTimes(text: string): Set<number> {
  return new Set(scan(text, 0, ANY, true).flatMap((t) => t.minutes));
}
