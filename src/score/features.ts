import type { AlignedSentence } from '../core/types.js';
import type { EncodedDoc, EncodedSentence } from '../detect/types.js';
import type { TokenMatch } from './bertscore.js';
import { chrf } from './chrf.js';
import { compare, UNMATCHED, type Deviations } from './deviations.js';

/** What the sentence score combines, measured against the best-matching reference sentence(s). */
export interface SentenceFeatures {
  /** Cosine of the pooled sentence embeddings (the raw `similarity` of the JSON). */
  similarity: number;
  /** BERTScore-style token matching of the contextual token vectors. */
  bert: TokenMatch;
  /** sacreBLEU sentence chrF (case-sensitive, as published), scaled to [0, 1]; reported, not scored. */
  chrf: number;
  /** The deviations the score mixes (case-folded; src/score/deviations.ts). */
  deviations: Deviations;
  /** MQM penalty of mtdiff's own (shown) flags in the sentence. */
  mqm: number;
  /** The same penalty weighted by each flag's confidence. */
  flagExpected: number;
  /** Word tokens of the MT sentence. */
  words: number;
  /** Word tokens of the matched reference sentence(s); 0 without a match. */
  refWords: number;
}

const NONE: TokenMatch = { precision: 0, recall: 0, f1: 0 };

/** The reference sentences the best match covers (a merged match covers two), from the encoded references. */
export function matchedSentences(refs: readonly EncodedDoc[], s: Pick<AlignedSentence, 'matches'>): EncodedSentence[] {
  const best = s.matches[0];
  if (!best) return [];
  const doc = refs.find((r) => r.id === best.ref);
  if (!doc) return [];
  return doc.sentences.slice(best.index, (best.merged ?? best.index) + 1);
}

/**
 * The same features with every deviation read now. The lazy deviations hold the sentence's tokens and vectors, so
 * whatever keeps features beyond the analysis (the fit, benchmarks) takes this copy.
 */
export function settled(f: SentenceFeatures): SentenceFeatures {
  return { ...f, deviations: { ...f.deviations } };
}

/** Features of one aligned MT sentence; `mt` is its encoded sentence, `refs` every encoded reference. */
export function sentenceFeatures(
  mt: EncodedSentence,
  refs: readonly EncodedDoc[],
  s: Pick<AlignedSentence, 'matches' | 'similarity' | 'mqm'>,
  flagExpected = 0,
): SentenceFeatures {
  const words = mt.tokens.filter((t) => t.word).length;
  const matched = matchedSentences(refs, s);
  if (matched.length === 0) return { similarity: s.similarity, bert: NONE, chrf: 0, deviations: UNMATCHED, mqm: s.mqm, flagExpected, words, refWords: 0 };
  const refText = s.matches[0]!.text;
  // One matched sentence keeps its own token array, so its content words are tagged once however often it matches.
  const ref = matched.length === 1
    ? { text: refText, tokens: matched[0]!.tokens, vectors: matched[0]!.vectors }
    : { text: refText, tokens: matched.flatMap((r) => r.tokens), vectors: matched.flatMap((r) => r.vectors) };
  const { deviations, bert } = compare({ text: mt.sentence.text, tokens: mt.tokens, vectors: mt.vectors }, ref, s.similarity);
  return {
    similarity: s.similarity,
    bert,
    chrf: chrf(mt.sentence.text, refText) / 100,
    deviations,
    mqm: s.mqm,
    flagExpected,
    words,
    refWords: ref.tokens.filter((t) => t.word).length,
  };
}
