import { MONTHS, isDottedDay } from '../segment/dates.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** A figure or date written as the source language writes it: minor, with the English form as the fix. */
export function notationFlag(detector: string, start: number, text: string, suggestion: string, message: string, confidence: number): RawFlag {
  return {
    start,
    end: start + text.length,
    text,
    category: 'number',
    severity: 'minor',
    confidence,
    message,
    suggestion,
    evidence: [],
    detector,
  };
}

/** "7. October" anywhere in the document; isDottedDay decides whether it is a date. */
const DOTTED_DAY = new RegExp(`\\b([0-3]?\\d)\\.[ \\u00a0]+(${MONTHS})\\b`, 'g');

/**
 * "1 200 000": digit groups joined by a space, as French, Polish, Czech or Russian write thousands. With a
 * no-break or narrow no-break space it is never English; with a plain space only when a reference has the value.
 */
const SPACED_THOUSANDS = /(?<![\p{N},.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\p{N}]|[.,]\d)/gu;

/**
 * Dates and figures in source-language notation. The fix for a date follows the references' order ("October 7"
 * or "7 October").
 */
export class NotationDetector implements Detector {
  readonly id = 'notation';
  readonly meta: DetectorMeta = {
    finds: '"on 7. October" (a day written with a full stop); "1 200" (thousands grouped with spaces)',
    how: 'a day number, a full stop and an English month after a date lead-in, the fix in the references\' order; digit groups joined by a no-break space always, by a plain space when a reference has the figure',
    categories: ['number'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const m of ctx.mt.text.matchAll(DOTTED_DAY)) {
      const [text, day, month] = m as unknown as [string, string, string];
      if (!isDottedDay(ctx.mt.text, m.index + day.length)) continue;
      const monthFirst = `${month} ${day}`;
      const dayFirst = `${day} ${month}`;
      const refs = ctx.refs.map((r) => r.text);
      const suggestion = refs.some((t) => t.includes(monthFirst)) || !refs.some((t) => t.includes(dayFirst)) ? monthFirst : dayFirst;
      flags.push(notationFlag(this.id, m.index, text, suggestion, `'${text}' writes the day in source-language notation (a full stop after the day); English writes '${suggestion}'.`, ctx.settings.numbers.confidence));
    }
    for (const m of ctx.mt.text.matchAll(SPACED_THOUSANDS)) {
      const text = m[0];
      const value = Number(text.replace(/\D/g, ''));
      const suggestion = value.toLocaleString('en-US');
      const plain = !/[\u00a0\u202f]/u.test(text);
      if (plain && !ctx.refs.some((r) => r.text.includes(suggestion))) continue;
      flags.push(notationFlag(this.id, m.index, text, suggestion, `'${text}' groups thousands with spaces (source-language notation); English writes '${suggestion}'.`, ctx.settings.numbers.confidence));
    }
    return flags.sort((a, b) => a.start - b.start);
  }
}
