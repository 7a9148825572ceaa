import type { Flag } from '../../src/core/types.js';
import type { EvalItem } from '../../src/eval/collect.js';
import type { MqmError } from '../../src/eval/mqm-tsv.js';
import type { SentenceFeatures } from '../../src/score/features.js';
import { DEVIATIONS, type Deviations } from '../../src/score/deviations.js';

/** A perfect match: every deviation 0. */
export const NO_DEVIATION = Object.fromEntries(DEVIATIONS.map((d) => [d, 0])) as Deviations;

/** A flag on the first occurrence of `word` in `text`. */
export function flagOn(text: string, word: string, category: Flag['category'], severity: Flag['severity'] = 'minor'): Flag {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in ${text}`);
  return { start, end: start + word.length, text: word, category, severity, confidence: 0.5, message: '', evidence: [], detector: category, sentence: 0 };
}

export function errorOn(text: string, word: string | null, category: string, severity = 'Major'): MqmError {
  if (word === null) return { rater: 'r', category, severity, spans: [] };
  const start = text.indexOf(word);
  return { rater: 'r', category, severity, spans: [{ start, end: start + word.length }] };
}

export function features(over: Partial<SentenceFeatures> = {}): SentenceFeatures {
  return { similarity: 1, bert: { precision: 1, recall: 1, f1: 1 }, chrf: 1, deviations: { ...NO_DEVIATION }, mqm: 0, flagExpected: 0, words: 10, refWords: 10, ...over };
}

/** An analysed system segment without running the model. */
export function item(over: { system?: string; doc?: string; segId?: string; target?: string; mqm?: number; errors?: MqmError[]; flags?: Flag[]; sentences?: SentenceFeatures[] } = {}): EvalItem {
  const target = over.target ?? 'The cat sat on the mat.';
  return {
    segment: {
      system: over.system ?? 'sys',
      doc: over.doc ?? 'talk.1',
      docId: '1',
      segId: over.segId ?? '1',
      source: '',
      target,
      raters: ['r'],
      errors: over.errors ?? [],
    },
    reference: target,
    mqm: over.mqm ?? 0,
    chrf: 1,
    sentences: over.sentences ?? [features()],
    unmatchedWords: 0,
    checkScore: 1,
    flags: over.flags ?? [],
  };
}
