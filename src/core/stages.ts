/**
 * Wall time by stage for `MTDIFF_STAGES=1` (bench/items.mjs reads the line): how much of a batch waits for the
 * model and how much is everything else. Off by default; the cost when off is one property read. Totals are per
 * thread: with `score --jobs N` (N > 1) the line covers the main thread only, so the bench runs with one job.
 */
const totals = new Map<string, number>();
export const stagesOn = process.env.MTDIFF_STAGES === '1';

export function addStage(name: string, ms: number): void {
  totals.set(name, (totals.get(name) ?? 0) + ms);
}

export async function timeStage<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!stagesOn) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    addStage(name, performance.now() - start);
  }
}

export function syncStage<T>(name: string, fn: () => T): T {
  if (!stagesOn) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    addStage(name, performance.now() - start);
  }
}

/** One stderr line, rounded to whole milliseconds. */
export function stagesLine(): string {
  const out: Record<string, number> = {};
  for (const [k, v] of totals) out[k] = Math.round(v);
  return `mtdiff: stages: ${JSON.stringify(out)}`;
}
