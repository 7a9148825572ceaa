import { Analyzer } from '../../src/analyze.js';
import type { Embedder, EncodedText } from '../../src/embed/embedder.js';
import { l2normalize } from '../../src/embed/vectors.js';
import type { Detector } from '../../src/detect/types.js';
import { NO_CALIBRATION } from '../../src/detect/calibrate.js';
import { tokenize } from '../../src/segment/tokens.js';

const DIMENSIONS = 64;

/** A unit vector determined by the word alone (FNV-1a seeded xorshift): equal words 1, others near 0. */
function wordVector(word: string): Float32Array {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619) >>> 0;
  const v = new Float32Array(DIMENSIONS);
  for (let d = 0; d < DIMENSIONS; d++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    v[d] = ((h >>> 0) / 4294967296) * 2 - 1;
  }
  return l2normalize(v);
}

/**
 * A deterministic stand-in for the transformer: each token's vector is its lower-cased word's, the sentence
 * vector their normalised mean. Same words, same vectors; so near-verbatim sentences align and detectors can be
 * tested on hand-written sentences in milliseconds, as textlint's rule tester does. Semantics (synonyms) are out
 * of its reach: tests of those keep the real model.
 */
export class StubEmbedder implements Embedder {
  readonly id = 'stub@0';
  readonly dimensions = DIMENSIONS;

  encode(texts: readonly string[]): Promise<EncodedText[]> {
    return Promise.resolve(
      texts.map((text) => {
        const tokens = tokenize(text, 0);
        const tokenVectors = tokens.map((t) => wordVector(t.norm));
        const sum = new Float32Array(DIMENSIONS);
        for (const v of tokenVectors) for (let d = 0; d < DIMENSIONS; d++) sum[d]! += v[d]!;
        return { vector: l2normalize(sum), tokens, tokenVectors, pieces: tokens.length + 2 };
      }),
    );
  }
}

/** An analyzer on the stand-in embedder running only the given detectors. */
export function stubAnalyzer(...detectors: Detector[]): Analyzer {
  return new Analyzer(new StubEmbedder(), detectors, NO_CALIBRATION);
}
