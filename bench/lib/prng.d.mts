// Types for the benchmark's seeded PRNG (plain ESM JavaScript), for the tests in test/bench.
export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}
export function hashSeed(text: string): number;
export function createRng(seed: string | number): Rng;
