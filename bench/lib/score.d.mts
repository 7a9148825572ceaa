// Types for the benchmark scorer (plain ESM JavaScript), for the tests in test/bench.
export interface Span {
  start: number;
  end: number;
}
export interface ScoredError extends Span {
  category: string;
  sentence: number;
  supported?: boolean;
}
export interface ScoredFlag extends Span {
  category: string;
  sentence: number;
  background?: boolean;
}
export interface Case {
  errors: ScoredError[];
  flags: ScoredFlag[];
  tokens: Span[];
}
export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}
export interface SpanScore {
  errors: number;
  flags: number;
  backgroundFlags: number;
  detected: number;
  detectedAny: number;
  same: Prf;
  any: Prf;
  precisionNew: number | null;
  supportedErrors: number;
  recallSupported: number | null;
}
export interface TokenScore {
  goldTokens: number;
  flaggedTokens: number;
  same: Prf;
  any: Prf;
}

export const SENTENCE_LEVEL: Set<string>;
export function overlaps(a: Span, b: Span): boolean;
export function hits(error: ScoredError, flag: ScoredFlag): boolean;
export function categoriesOf(cases: readonly Case[], order?: readonly string[]): string[];
export function scoreSpans(cases: readonly Case[], order?: readonly string[]): Record<string, SpanScore>;
export function scoreTokens(cases: readonly Case[], order?: readonly string[]): Record<string, TokenScore>;
export function confusion(cases: readonly Case[]): Record<string, Record<string, number>>;
export function falseFlagRate(
  flags: readonly { category: string }[],
  words: number,
): { words: number; flags: number; per1000: number; byCategory: Record<string, number> };
