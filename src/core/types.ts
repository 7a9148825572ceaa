/** UTF-16 offsets into the original text, exactly as read (nothing normalised). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
  /** Paragraph number (0-based) in the source file; headlines count as paragraphs. */
  paragraph: number;
}

/** A word-like token; `norm` is the lower-cased form used for matching. */
export interface Token extends Span {
  text: string;
  norm: string;
  /** true for words (letters/digits), false for punctuation and symbols. */
  word: boolean;
}

export interface Document {
  /** Path or label the user gave for this text. */
  id: string;
  text: string;
  sentences: Sentence[];
}

export interface Match extends Span {
  /** Reference document id (the path the user gave). */
  ref: string;
  /** Sentence index in that reference. */
  index: number;
  text: string;
  similarity: number;
  /** When the match spans several consecutive reference sentences, the index of the last one. */
  merged?: number;
}

export type Severity = 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor'];

export type Category =
  | 'untranslated'
  | 'mistranslation'
  | 'omission'
  | 'addition'
  | 'terminology'
  | 'entity'
  | 'number'
  | 'grammar'
  | 'spelling'
  | 'punctuation'
  | 'duplication';

export const CATEGORIES: readonly Category[] = [
  'untranslated',
  'mistranslation',
  'omission',
  'addition',
  'terminology',
  'entity',
  'number',
  'grammar',
  'spelling',
  'punctuation',
  'duplication',
];

export interface Evidence {
  ref: string;
  index: number;
  text: string;
}

export interface Flag extends Span {
  text: string;
  category: Category;
  severity: Severity;
  /** 0..1, how sure the detector is. */
  confidence: number;
  message: string;
  suggestion?: string;
  evidence: Evidence[];
  /** Which detector produced it (several when the ranking step merged them). */
  detector: string;
  /** Index of the MT sentence the span lies in. */
  sentence: number;
}

export interface AlignedSentence extends Sentence {
  /** Sentence score in [0, 1]. */
  score: number;
  /** Raw cosine similarity of the best match (kept separately from the score). */
  similarity: number;
  /** MQM penalty of this sentence's flags. */
  mqm: number;
  /** sacreBLEU-style chrF (0..1) against the best match. */
  chrf?: number;
  /** BERTScore-style greedy matching of contextual token vectors against the best match. */
  bertscore?: { precision: number; recall: number; f1: number };
  /** Best match first, then alternatives. Empty when no reference sentence is close enough. */
  matches: Match[];
  /** true when the best match is too weak to count as support (comparable refs: unsupported content). */
  unsupported: boolean;
}

export interface RefSummary {
  id: string;
  sentences: number;
  /** Reference sentences no MT sentence matched (reported for parallel alignment). */
  unmatched: number[];
}

export type AlignMode = 'comparable' | 'parallel';

export interface Analysis {
  version: 1;
  signature: string;
  /** The signature's fields (nrefs, mode, src, model, seg, align, det, cal, conf, set when settings differ, version). */
  signatureFields?: Record<string, string>;
  mt: string;
  refs: RefSummary[];
  mode: AlignMode;
  /** Document score in [0, 1]. */
  score: number;
  /** Document MQM penalty (sum over flags; lower is better). */
  mqm: number;
  /** MQM penalty per 100 words, comparable across article lengths. */
  mqmPer100: number;
  words: number;
  sentences: AlignedSentence[];
  /** The flags shown: confidence at least `filter.minConfidence`. MQM, counts and verdict use these only. */
  flags: Flag[];
  /** Which confidence threshold was applied, and how many flags it hid (shown with --all-flags). */
  filter?: { minConfidence: number; belowThreshold: number };
  /** The source language used for untranslated words: given (--source-lang) or detected from the text. */
  source?: { lang: string; detected: boolean; warnings?: string[] };
}
