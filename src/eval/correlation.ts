/**
 * Correlations used to compare a metric with expert judgments. Kendall tau-b is the WMT21 metrics-task
 * segment-level statistic (ties on either side count, as MQM scores tie a lot: most segments score 0).
 */

function tiedPairs(sorted: readonly number[]): number {
  let pairs = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const t = j - i;
    pairs += (t * (t - 1)) / 2;
    i = j;
  }
  return pairs;
}

/** Sorts `order` by y in place (merge sort) and returns how many pairs it found out of order (y_i > y_j). */
function countInversions(order: number[], y: readonly number[]): number {
  let swaps = 0;
  const buf = new Array<number>(order.length);
  for (let width = 1; width < order.length; width *= 2) {
    for (let lo = 0; lo < order.length; lo += 2 * width) {
      const mid = Math.min(lo + width, order.length);
      const hi = Math.min(lo + 2 * width, order.length);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) {
        if (y[order[b]!]! < y[order[a]!]!) {
          swaps += mid - a;
          buf[k++] = order[b++]!;
        } else {
          buf[k++] = order[a++]!;
        }
      }
      while (a < mid) buf[k++] = order[a++]!;
      while (b < hi) buf[k++] = order[b++]!;
      for (let i = lo; i < hi; i++) order[i] = buf[i]!;
    }
  }
  return swaps;
}

/**
 * Kendall tau-b in O(n log n) (Knight 1966, as scipy.stats.kendalltau computes it):
 * (concordant - discordant) / sqrt((n0 - ties_x)(n0 - ties_y)). NaN when either side is constant.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error('kendallTauB: lengths differ');
  const n = x.length;
  if (n < 2) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  const xTies = tiedPairs(order.map((i) => x[i]!));
  let jointTies = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && x[order[j]!] === x[order[i]!] && y[order[j]!] === y[order[i]!]) j++;
    jointTies += ((j - i) * (j - i - 1)) / 2;
    i = j;
  }
  const discordant = countInversions(order, y);
  const yTies = tiedPairs(order.map((i) => y[i]!));
  const total = (n * (n - 1)) / 2;
  const denom = Math.sqrt((total - xTies) * (total - yTies));
  if (denom === 0) return NaN;
  return (total - xTies - yTies + jointTies - 2 * discordant) / denom;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error('pearson: lengths differ');
  const n = x.length;
  if (n < 2) return NaN;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Mean over groups of the per-group tau-b, skipping groups where it is undefined (all tied on a side). */
export function groupedTauB(groups: readonly { x: number[]; y: number[] }[]): { tau: number; groups: number } {
  const taus = groups.map((g) => kendallTauB(g.x, g.y)).filter((t) => !Number.isNaN(t));
  return { tau: taus.length ? taus.reduce((s, t) => s + t, 0) / taus.length : NaN, groups: taus.length };
}
