import { groupedTauB, kendallTauB, pearson } from './correlation.js';

/** One scored system segment: higher `score` should mean fewer expert errors (lower `mqm`). */
export interface Scored {
  system: string;
  /** Segment identity across systems (doc + segment id): the item of item-grouped tau. */
  item: string;
  mqm: number;
  score: number;
}

export interface Agreement {
  /** Kendall tau-b of score vs -MQM over all system-segment pairs (WMT21 segment level). */
  flatTau: number;
  /** Mean over segments of tau-b across the systems of that segment. */
  groupedTau: number;
  /** Segments where grouped tau is defined (not all systems tied). */
  groups: number;
  /** Pearson of system mean score vs system mean -MQM. */
  systemPearson: number;
  systems: number;
  segments: number;
}

export function agreement(rows: readonly Scored[]): Agreement {
  const byItem = new Map<string, { x: number[]; y: number[] }>();
  const bySystem = new Map<string, { score: number; mqm: number; n: number }>();
  for (const r of rows) {
    const g = byItem.get(r.item) ?? { x: [], y: [] };
    g.x.push(r.score);
    g.y.push(-r.mqm);
    byItem.set(r.item, g);
    const s = bySystem.get(r.system) ?? { score: 0, mqm: 0, n: 0 };
    s.score += r.score;
    s.mqm += r.mqm;
    s.n++;
    bySystem.set(r.system, s);
  }
  const grouped = groupedTauB([...byItem.values()]);
  const systems = [...bySystem.values()];
  return {
    flatTau: kendallTauB(rows.map((r) => r.score), rows.map((r) => -r.mqm)),
    groupedTau: grouped.tau,
    groups: grouped.groups,
    systemPearson: pearson(systems.map((s) => s.score / s.n), systems.map((s) => -s.mqm / s.n)),
    systems: systems.length,
    segments: rows.length,
  };
}
