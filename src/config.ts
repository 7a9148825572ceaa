/**
 * Every tunable number of mtdiff, each with how it was chosen. Nothing here was fitted to a seed article;
 * numbers marked "prior" are reasoned defaults awaiting calibration on annotated data (see BENCHMARKS.md).
 */

export const EMBED = {
  /**
   * Texts per model call. The model quantises every token's activations on its own (per-row scales,
   * scripts/quantize_per_token.py), so a sentence gets bit-identical vectors alone or in any batch: check, score,
   * review and the cache agree. 16: as fast as 32 on `npm run bench` (592 against 564 sentences/s, session 8) with
   * a cold `check` peak of about 295 MB instead of 335 (smaller activations; BENCHMARKS.md). The session-1 model
   * (one scale per tensor) varied with its batch companions and ran one text per call.
   */
  batchSize: 16,
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

// The sentence score's parameters live in models/score.json (src/score/model.ts), refitted by `npm run fit:score`.

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
   * Contextual-vector cosine between the MT word and the reference content word it aligns to greedily. MiniLM's
   * last-layer token vectors of unrelated words in a sentence pair sit at 0.0-0.15. On `npm run bench:detect`
   * (content-word alignment), chosen for F1: 0.2 gave mistranslation F1 14.9% at 3.3 false flags per 1,000 clean
   * words, 0.25 gave 13.5% at 2.9; aligning over all tokens instead gave 12.9% at 2.5.
   */
  minTokenSimilarity: 0.2,
  /**
   * How many best-aligned reference tokens are tried as the substitute. Chosen on `npm run bench:detect`
   * (synthetic errors in the reference seeds): 1 gave mistranslation F1 8.8% at 2.1 false flags per 1,000 clean
   * words; 2 gave 6.2% at 4.6; 3 gave 6.2% at 5.4.
   */
  alignmentCandidates: 1,
  /**
   * A reference sentence this close to the MT sentence says the same thing nearly word for word (quotes, stock
   * phrases), so a single swapped word between identical neighbours is a substitution. Chosen on
   * `npm run bench:detect`: 0.9 raised mistranslation F1 from 8.8% to 10.9% at an unchanged 2.1 false flags per
   * 1,000 clean words; 0.8 reached 9.4% but 5.0 false flags.
   */
  verbatimSimilarity: 0.9,
  /** Token alignment at or above this cosine counts as certain for confidence. Prior. */
  confidentTokenSimilarity: 0.5,
  /** Consensus: this many references (or all, when fewer) must use the substitute next to the anchor. */
  minReferences: 2,
  /**
   * From this sentence similarity on, one reference suffices for the consensus rule. Chosen on
   * `npm run bench:detect`: 0.85 raised mistranslation F1 from 10.9% to 14.0% at an unchanged 2.1 false flags per
   * 1,000 clean words; 0.8 gave 13.9% at 2.5.
   */
  singleReferenceSimilarity: 0.85,
  /** With this many agreeing references the wrong sense is major rather than minor. Prior. */
  majorReferences: 3,
} as const;

export const QUOTES = {
  /** Quotations shorter than this match too many others by chance. Prior. */
  minWords: 4,
  /** Share of the MT quotation's words a reference quotation repeats in order to be the same quotation. Prior. */
  minOverlap: 0.6,
  /** Longest replaced phrase, either side: longer differences are paraphrase or another quotation. Prior. */
  maxRun: 3,
  /** Per agreeing reference. Prior. */
  confidence: 0.5,
} as const;

export const TITLES = {
  /** Words before a name searched for its title ("special envoy for hostage affairs Adam Boehler"). Prior. */
  window: 5,
  /** A title is often paraphrased ("envoy", "negotiator"): less sure than a wrong sense. Prior. */
  confidence: 0.8,
} as const;

export const POLARITY = {
  /** A negation on one side of a near-verbatim pair is rarely a paraphrase ("not all" for "fewer than all" is). Prior. */
  confidence: 0.6,
} as const;

export const UNMATCHED = {
  /**
   * Parallel mode: an MT content word whose best contextual-cosine match in the aligned reference sentence is
   * below this (and whose stem the reference lacks) is flagged. Chosen by cross-validation over the three MQM
   * dev talks (`node bench/eval-flags.mjs`, fit on two, measure on the third). Session-1 model: the folds chose
   * 0.7, 0.5, 0.5, held-out Accuracy token F1 0.117 vs 0.086 without the detector. Per-token model: the folds
   * chose 0.7, 0.8, 0.8, held-out 0.122 vs 0.088. On all talks F1 is flat from 0.5 to 0.9 (0.111-0.115) while
   * precision falls (0.096 -> 0.079): 0.5 keeps the most precise end of the plateau, fewer noisy flags.
   */
  maxSimilarity: 0.5,
  /** Below this the closest reference word is no credible replacement, so no suggestion. Prior. */
  suggestSimilarity: 0.45,
  /** Two flagged words with at most this many function words between them form one span (MQM marks phrases). Prior. */
  maxGapWords: 2,
  /**
   * Measured on the MQM dev talks: about one in five of these flags overlaps some expert span (token precision
   * against Accuracy spans about 0.10, 2.5x the base rate): weak evidence, said so.
   */
  confidence: 0.2,
} as const;

export const NUMBERS = {
  /** "over 48,000" for 48,440 is rounding, not an error, when within this relative distance. Prior. */
  roundingTolerance: 0.1,
  /** Only a reference sentence this close states the same fact, so its figure can contradict ours. Prior. */
  sameFactSimilarity: 0.75,
  /** Without a close reference sentence, this many references giving one figure in the slot (and none another). Prior. */
  consensusReferences: 2,
  /** A differing figure in the same slot is rarely a paraphrase. Prior. */
  confidence: 0.7,
  /**
   * A count or a date that a close reference sentence, or two references agreeing, contradict is a key fact
   * wrong: critical in the MQM scheme mtdiff reports (minor 1, major 5, critical 10). Prior, from that definition.
   */
  contradictionSeverity: 'critical',
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
  /** "the Hamas": a name the references use at least this often, never after "the". Prior. */
  nameMinOccurrences: 3,
  /** Agreement rules on a statistical tagger's output are right most of the time, not always. Prior. */
  grammarConfidence: 0.6,
  /** A phrase cut before its head ("the of"): closed classes of English rule it out, the tagger barely matters. Prior. */
  holeConfidence: 0.6,
} as const;
