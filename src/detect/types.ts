import type { AlignedSentence, AlignMode, Category, Flag, Sentence, Token } from '../core/types.js';
import type { Settings } from '../core/settings.js';
import type { ReferenceIndex } from './ref-index.js';

/** A sentence with its tokens (offsets into the whole document) and the model's vectors. */
export interface EncodedSentence {
  sentence: Sentence;
  tokens: Token[];
  /** Contextual vector per token (null past the model's length limit). */
  vectors: (Float32Array | null)[];
  /** Sentence embedding. */
  vector: Float32Array;
}

export interface EncodedDoc {
  id: string;
  text: string;
  sentences: EncodedSentence[];
}

export interface GlossaryEntry {
  source: string;
  target: string;
  forbidden: string[];
}

export interface DetectOptions {
  /** BCP-47 primary tag of the language the MT was translated from (default de). */
  sourceLang: string;
  glossary: GlossaryEntry[];
  mode: AlignMode;
}

export interface DetectContext {
  mt: EncodedDoc;
  refs: EncodedDoc[];
  /** One entry per MT sentence, in order. */
  aligned: AlignedSentence[];
  index: ReferenceIndex;
  options: DetectOptions;
  /** Reference sentences left unaligned, per reference (parallel mode). */
  unmatched: number[][];
  /** Every threshold and prior a detector uses (defaults in config.ts). */
  settings: Readonly<Settings>;
}

/**
 * Evidence a detector reports for one flag, as numbers (how many references agree, the aligned sentence's
 * similarity, a token cosine, ...). The calibration step (calibrate.ts) turns them into confidence.
 */
export type Features = Record<string, number>;

/**
 * A flag before calibration and ranking: `confidence` is the detector's own prior (kept as the `prior`
 * feature), no `sentence` yet is fine, the ranking step fills it.
 */
export type RawFlag = Omit<Flag, 'sentence'> & { sentence?: number; features?: Features };

/** What a detector declares about itself: README's detector table is generated from this. */
export interface DetectorMeta {
  /** What it finds, one line, with an example. */
  finds: string;
  /** How, one line. */
  how: string;
  categories: readonly Category[];
  modes: readonly AlignMode[];
}

export interface Detector {
  readonly id: string;
  readonly meta: DetectorMeta;
  detect(ctx: DetectContext): RawFlag[] | Promise<RawFlag[]>;
}
