/**
 * Every tunable number of mtdiff, each with how it was chosen. Nothing here was fitted to a seed article;
 * numbers marked "prior" are reasoned defaults awaiting calibration on annotated data (see BENCHMARKS.md).
 */

export const EMBED = {
  /** Throughput on 2 cores flattens between 16 and 64 (BENCHMARKS.md); 32 keeps memory low. */
  batchSize: 32,
} as const;

export const ALIGN = {
  /** How many matches per MT sentence are kept (best + alternatives the reviewer can cycle through). */
  alternatives: 3,
  /**
   * Below this cosine the best reference sentence is not support, only topical overlap.
   * Prior: all-MiniLM-L6-v2 cosines between unrelated sentences on one news story sit around 0.3-0.45,
   * paraphrases of the same fact above 0.6; 0.5 separates the two.
   */
  supportThreshold: 0.5,
  /** A merged match (two consecutive reference sentences) must beat the single best by this much. Prior. */
  mergeGain: 0.03,
  /** Parallel mode: cost of leaving a sentence unaligned, in cosine units (Vecalign-style skip penalty). Prior. */
  skipPenalty: 0.35,
} as const;

export const SCORE = {
  /**
   * Cosine mapped linearly to [0, 1] between these two points. Prior: below 0.2 the pair shares nothing,
   * above 0.95 it is a near-verbatim paraphrase.
   */
  simFloor: 0.2,
  simCeil: 0.95,
  /** Sentence score = similarity part * exp(-mqmPerWord * penaltyScale). Prior. */
  penaltyScale: 2,
} as const;

/** MQM weights as in WMT21 (Freitag et al. 2021): minor 1, major 5, critical 10, minor punctuation 0.1. */
export const MQM_WEIGHTS = {
  minor: 1,
  major: 5,
  critical: 10,
  minorPunctuation: 0.1,
} as const;

/** Input limits: larger inputs are refused with a clear message (override with --max-bytes). */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
} as const;

export const UNTRANSLATED = {
  /** Shorter tokens collide with abbreviations and English fragments in every language. Prior. */
  minLength: 3,
  /** Confidence for "in the source dictionary, not in the English one, not in any reference". Prior. */
  baseConfidence: 0.6,
  /** The bilingual dictionary knows it as a word. Prior. */
  dictionaryBonus: 0.1,
  /** Its translation is what the aligned references say. Prior. */
  confirmedBonus: 0.25,
} as const;

export const MISTRANSLATION = {
  /** Neighbourhood (in words) for "same slot": verb + object, adjective + noun fit in 3. Prior. */
  window: 3,
  /**
   * Contextual-vector cosine between the MT word and the reference word it aligns to greedily. MiniLM's
   * last-layer token vectors of unrelated words in a sentence pair sit at 0.0-0.15. Prior.
   */
  minTokenSimilarity: 0.25,
  /** Token alignment at or above this cosine counts as certain for confidence. Prior. */
  confidentTokenSimilarity: 0.5,
  /** Consensus: this many references (or all, when fewer) must use the substitute next to the anchor. */
  minReferences: 2,
  /** With this many agreeing references the wrong sense is major rather than minor. Prior. */
  majorReferences: 3,
} as const;

export const NUMBERS = {
  /** "over 48,000" for 48,440 is rounding, not an error, when within this relative distance. Prior. */
  roundingTolerance: 0.1,
  /** Only a reference sentence this close states the same fact, so its figure can contradict ours. Prior. */
  sameFactSimilarity: 0.75,
  /** A differing figure in the same slot is rarely a paraphrase. Prior. */
  confidence: 0.7,
} as const;

export const ENTITIES = {
  /** Edit distance allowed per character of the name (Katari/Qatari: 1 of 6). Prior. */
  maxEditsPerChar: 0.25,
  confidence: 0.65,
} as const;

export const FLUENCY = {
  /** Capitalised in at least this many references and never lower-cased: a proper noun. Prior. */
  properNounMinRefs: 2,
  confidence: 0.7,
} as const;
