import { describe, expect, it } from 'vitest';
import { today } from '../../src/io/dates.js';

describe('report dates', () => {
  it('are the UTC calendar date whatever the local time zone', () => {
    // 23:30 in New York is already the next day in UTC.
    expect(today(new Date('2026-01-01T23:30:00-05:00'))).toBe('2026-01-02');
    expect(today(new Date('2026-03-09T00:10:00+09:00'))).toBe('2026-03-08');
  });
});
