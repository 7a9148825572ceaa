// Types for the benchmark's lexicon loader (plain ESM JavaScript), for the tests in test/bench.
export interface Lexicons {
  knows(word: string): boolean;
  german: { translate(lemma: string, pos: 'n' | 'v'): string[] };
  wordnet: { has(lemma: string, pos: 'n' | 'v'): boolean; synsets(lemma: string, pos: 'n' | 'v'): string[][]; close(): void };
}
export function loadLexicons(): Promise<Lexicons>;
