import { NUMBERS } from '../config.js';
import { MONTHS, isDottedDay } from '../segment/dates.js';
import type { DetectContext, Detector, RawFlag } from './types.js';

/** "7. October" anywhere in the document; isDottedDay decides whether it is a date. */
const DOTTED_DAY = new RegExp(`\\b([0-3]?\\d)\\.[ \\u00a0]+(${MONTHS})\\b`, 'g');

/** Dates in source-language notation; the fix follows the references' order ("October 7" or "7 October"). */
export class DateNotationDetector implements Detector {
  readonly id = 'dates';

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const m of ctx.mt.text.matchAll(DOTTED_DAY)) {
      const [text, day, month] = m as unknown as [string, string, string];
      if (!isDottedDay(ctx.mt.text, m.index + day.length)) continue;
      const monthFirst = `${month} ${day}`;
      const dayFirst = `${day} ${month}`;
      const refs = ctx.refs.map((r) => r.text);
      const suggestion = refs.some((t) => t.includes(monthFirst)) || !refs.some((t) => t.includes(dayFirst)) ? monthFirst : dayFirst;
      flags.push({
        start: m.index,
        end: m.index + text.length,
        text,
        category: 'number',
        severity: 'minor',
        confidence: NUMBERS.confidence,
        message: `'${text}' writes the day in source-language notation (a full stop after the day); English writes '${suggestion}'.`,
        suggestion,
        evidence: [],
        detector: this.id,
      });
    }
    return flags;
  }
}
