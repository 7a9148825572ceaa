import type { Settings } from '../core/settings.js';
import type { Analyzer, Progress } from '../analyze.js';
import type { Flag } from '../core/types.js';
import { usageError } from '../core/errors.js';
import { segmentDocument } from '../segment/index.js';
import { chrf } from '../score/chrf.js';
import { sentenceFeatures, settled, type SentenceFeatures } from '../score/features.js';
import { expectedPenalty } from '../score/mqm.js';
import { segmentMqm } from './mqm-score.js';
import type { MqmSegment } from './mqm-tsv.js';

/** One system's segment, analysed the way `check --mode parallel` analyses an article. */
export interface EvalItem {
  segment: MqmSegment;
  /** The reference system's translation of the same source segment. */
  reference: string;
  /** Expert MQM score (lower is better). */
  mqm: number;
  /** Segment-level sacreBLEU chrF against the reference, in [0, 1]: the lexical baseline. */
  chrf: number;
  /** Per MT sentence (a segment may hold several). */
  sentences: SentenceFeatures[];
  /** Words of reference sentences the alignment left unmatched (content the MT may have dropped). */
  unmatchedWords: number;
  /** The analysis' own sentence-score aggregate, as `check` reports it today. */
  checkScore: number;
  flags: Flag[];
}

export interface CollectOptions {
  referenceSystem: string;
  /** Systems to leave out besides the reference (human translations, usually). */
  exclude: readonly string[];
  sourceLang: string;
  /** Alignment and detector settings (benches sweep them); the defaults when absent. */
  settings?: Readonly<Settings>;
}

function docKey(s: Pick<MqmSegment, 'doc' | 'segId'>): string {
  return `${s.doc}\t${s.segId}`;
}

/** Fails early (before the model loads) when the reference system has no segments in the file. */
export function requireReference(segments: readonly MqmSegment[], referenceSystem: string): void {
  if (segments.some((s) => s.system === referenceSystem)) return;
  const systems = [...new Set(segments.map((s) => s.system))].sort().join(', ');
  throw usageError(`reference system "${referenceSystem}" is not in the file (systems: ${systems})`);
}

/**
 * Runs the analysis on every system segment against the reference system's segment, all in one batched
 * analyzeMany (one model load), then reads the features the score combines from the encoded sentences
 * (the embedder caches by text, so encoding again costs nothing).
 */
export async function collectItems(
  analyzer: Analyzer,
  segments: readonly MqmSegment[],
  options: CollectOptions,
  progress?: Progress,
): Promise<EvalItem[]> {
  requireReference(segments, options.referenceSystem);
  const refs = new Map(segments.filter((s) => s.system === options.referenceSystem).map((s) => [docKey(s), s]));
  const evaluated = segments.filter(
    (s) => s.system !== options.referenceSystem && !options.exclude.includes(s.system) && refs.has(docKey(s)),
  );
  const inputs = evaluated.map((s) => {
    const ref = refs.get(docKey(s))!;
    return {
      mt: { id: `${s.system}/${s.doc}/${s.segId}`, text: s.target },
      refs: [{ id: `${ref.system}/${ref.doc}/${ref.segId}`, text: ref.target }],
    };
  });
  const analyses = await analyzer.analyzeMany(inputs, { mode: 'parallel', sourceLang: options.sourceLang, ...(options.settings ? { settings: options.settings } : {}) }, progress);
  const docs = inputs.flatMap((item) => [item.mt, item.refs[0]!].map((t) => segmentDocument(t.id, t.text)));
  const encoded = await analyzer.encodeDocs(docs);
  return evaluated.map((segment, i) => {
    const analysis = analyses[i]!;
    const mt = encoded[2 * i]!;
    const ref = encoded[2 * i + 1]!;
    const unmatched = analysis.refs[0]?.unmatched ?? [];
    return {
      segment,
      reference: inputs[i]!.refs[0]!.text,
      mqm: segmentMqm(segment),
      chrf: chrf(segment.target, inputs[i]!.refs[0]!.text) / 100,
      sentences: analysis.sentences.map((s, k) => settled(sentenceFeatures(mt.sentences[k]!, [ref], s, expectedPenalty(analysis.flags.filter((f) => f.sentence === k))))),
      unmatchedWords: unmatched.reduce((n, k) => n + (ref.sentences[k]?.tokens.filter((t) => t.word).length ?? 0), 0),
      checkScore: analysis.score,
      flags: analysis.flags,
    };
  });
}
