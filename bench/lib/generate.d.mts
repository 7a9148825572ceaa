// Types for the benchmark generator (plain ESM JavaScript), for the tests in test/bench.
import type { Lexicons } from './lexicons.mjs';

export interface InjectedError {
  category: string;
  start: number;
  end: number;
  text: string;
  sentence: number;
  edit: { start: number; end: number; original: string };
  detail: Record<string, unknown>;
}

export interface Corrupted {
  text: string;
  errors: InjectedError[];
}

export const DEFAULT_RATE: number;
export function corrupt(
  text: string,
  refTexts: readonly string[],
  lex: Lexicons,
  options?: { seed?: string | number; rate?: number; categories?: readonly string[] },
): Corrupted;
export function applyEdits(
  text: string,
  edits: readonly { start: number; end: number; replacement: string; span: [number, number]; category: string; detail?: Record<string, unknown> }[],
): Corrupted;
export function originalOffset(errors: readonly InjectedError[], pos: number): number | undefined;
export function restore(corrupted: string, errors: readonly InjectedError[]): string;
