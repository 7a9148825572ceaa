import { describe, expect, it } from 'vitest';
import { clockTimes, referenceTimes } from '../../src/detect/clock.js';

const at = (h: number, m = 0) => h * 60 + m;

describe('clock times', () => {
  it('reads colon times in a translation, with their spans, 12-hour readings and a.m./p.m.', () => {
    const text = 'The start was at 20:30 local time (15:00 UTC); doors open at 8:05 p.m.';
    const times = clockTimes(text, 100);
    expect(times.map((t) => text.slice(t.start - 100, t.end - 100))).toEqual(['20:30', '15:00', '8:05 p.m.']);
    expect(times.map((t) => t.minutes)).toEqual([[at(20, 30)], [at(15)], [at(20, 5)]]);
    expect(clockTimes('at 8:30')[0]!.minutes).toEqual([at(8, 30), at(20, 30)]);
  });

  it('leaves scores, ratios and figures alone', () => {
    for (const text of ['won 3:1', 'a 2:30:15 marathon', '1,200 people', 'grew 15.5%', 'at 25:00']) expect(clockTimes(text), text).toEqual([]);
  });

  it('reads the ways a reference writes a time', () => {
    const ref = referenceTimes('The program started at 8:30 p.m. local time (15.00 UTC) and ended at 11 pm.');
    for (const t of [at(20, 30), at(15), at(23)]) expect(ref.has(t)).toBe(true);
    expect(ref.has(at(8, 30))).toBe(false);
    // A bare figure is no time without a.m./p.m.
    expect(referenceTimes('251 hostages and 3 vans').size).toBe(0);
  });
});
