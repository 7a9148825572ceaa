/**
 * The date printed on reports, everywhere the same: the UTC calendar date, so `report`, `score --report-dir`
 * and the review app's export agree whatever the machine's time zone.
 */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
