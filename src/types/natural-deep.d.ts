declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/brill_pos_tagger/index.js' {
  const brill: {
    Lexicon: new (language: string, defaultCategory: string, defaultCategoryCapitalized?: string) => unknown;
    RuleSet: new (language: string) => unknown;
    BrillPOSTagger: new (lexicon: unknown, ruleSet: unknown) => unknown;
  };
  export default brill;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
}
