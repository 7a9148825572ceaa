// Types for the benchmark's injectors (plain ESM JavaScript), for the tests in test/bench.
import type { Rng } from './prng.mjs';

export const INJECTED_CATEGORIES: string[];
export function changeNumber(text: string, rng: Rng): string;
export function misspell(name: string, rng: Rng): string;
