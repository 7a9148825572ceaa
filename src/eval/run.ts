import type { Analyzer, Progress } from '../analyze.js';
import { signature } from '../analyze.js';
import { usageError } from '../core/errors.js';
import { expectedMqm, omittedMqm, type ScoreWeights } from '../score/sentence.js';
import { loadScoreModel } from '../score/model.js';
import { agreement, type Agreement } from './agreement.js';
import { collectItems, type EvalItem } from './collect.js';
import { fitWeights, scoredRows, segmentScore } from './fit.js';
import { WMT21_MQM } from './mqm-score.js';
import { wordTokens } from '../segment/index.js';
import type { MqmSegment } from './mqm-tsv.js';
import {
  confidenceSweep, omissionAgreement, precisionBy, recallByCategory, severityTable, tokenAgreement,
  type CategoryRecall, type ConfidenceStep, type Counts, type FlagPrecision, type OmissionAgreement, type TokenAgreement,
} from './spans.js';

export type FoldMode = 'talk' | 'none';

export interface EvalOptions {
  referenceSystem: string;
  /** Evaluate human translations too (systems named ref*), not only MT. */
  includeHuman: boolean;
  folds: FoldMode;
  sourceLang: string;
}

export interface Fold {
  heldOut: string;
  train: string[];
  /** Weights fitted on the training talks. */
  weights: ScoreWeights;
  /** Agreement on the held-out talk; `mtdiff` uses the fitted weights. */
  metrics: Record<string, Agreement>;
}

export interface CalibrationBin {
  /** Mean expected MQM (held-out predictions) in this bin. */
  predicted: number;
  /** Mean expert MQM of the same segments. */
  expert: number;
  segments: number;
}

export interface EvalReport {
  version: 1;
  file: string;
  signature: string;
  referenceSystem: string;
  systems: string[];
  talks: string[];
  segments: number;
  mqm: { weights: typeof WMT21_MQM; raters: string };
  /** What each metric is. */
  legend: Record<string, string>;
  /** The whole file; `mtdiff` uses the configured weights (in-sample if this file is the dev data). */
  all: Record<string, Agreement>;
  folds: Fold[];
  /** Held-out agreement averaged over folds (plain means of the fold values). */
  crossValidated: Record<string, Pick<Agreement, 'flatTau' | 'groupedTau' | 'systemPearson'>>;
  /** Weights fitted on every talk from the MQM pairs alone (models/score.json is fitted on these and DEMETR). */
  fit: ScoreWeights;
  /** Held-out expected MQM against expert MQM, by quintile of the prediction. */
  calibration: CalibrationBin[];
  flags: {
    tokens: TokenAgreement;
    byTalk: Record<string, { all: Counts; accuracy: Counts }>;
    byConfidence: ConfidenceStep[];
    recallByCategory: CategoryRecall[];
    omission: OmissionAgreement;
    byCategory: FlagPrecision[];
    byDetector: FlagPrecision[];
    severity: Record<string, Record<string, number>>;
  };
}

const LEGEND: Record<string, string> = {
  mtdiff: 'mtdiff sentence score (expected-MQM model; whole file: models/score.json; in folds: refitted on the other talks\' MQM pairs alone)',
  check: "the score `mtdiff check` reports today (analysis document score)",
  chrF: 'sacreBLEU sentence chrF (nc 6, nw 0, beta 2) against the reference system',
  'bertscore-R': 'BERTScore recall from the MiniLM token vectors, word-weighted over aligned sentences',
  similarity: 'raw cosine of the aligned sentence embeddings, word-weighted',
  length: 'minus the reference length in words: how far length alone gets (MQM sums errors); constant within a segment',
  'chrF-length': "chrF in mtdiff's expected-MQM form: -(reference words) * (1 - chrF); what the neural features add beyond it",
};

function wordMean(it: EvalItem, f: (s: EvalItem['sentences'][number]) => number): number {
  const total = it.sentences.reduce((n, s) => n + Math.max(s.words, 1), 0);
  return total ? it.sentences.reduce((n, s) => n + f(s) * Math.max(s.words, 1), 0) / total : 0;
}

const BASELINES: Record<string, (it: EvalItem) => number> = {
  check: (it) => it.checkScore,
  chrF: (it) => it.chrf,
  'bertscore-R': (it) => wordMean(it, (s) => s.bert.recall),
  similarity: (it) => wordMean(it, (s) => s.similarity),
  length: (it) => -wordTokens(it.reference).length,
  'chrF-length': (it) => -wordTokens(it.reference).length * (1 - it.chrf),
};

function metricsFor(items: readonly EvalItem[], weights: ScoreWeights): Record<string, Agreement> {
  const out: Record<string, Agreement> = { mtdiff: agreement(scoredRows(items, (it) => segmentScore(it, weights))) };
  for (const [name, f] of Object.entries(BASELINES)) out[name] = agreement(scoredRows(items, f));
  return out;
}

export function expectedSegmentMqm(it: EvalItem, w: ScoreWeights): number {
  return it.sentences.reduce((n, f) => n + expectedMqm(f, w), 0) + omittedMqm(it.unmatchedWords, w);
}

function calibration(pairs: { predicted: number; expert: number }[], bins = 5): CalibrationBin[] {
  const sorted = [...pairs].sort((a, b) => a.predicted - b.predicted);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const part = sorted.slice(Math.floor((b * sorted.length) / bins), Math.floor(((b + 1) * sorted.length) / bins));
    if (part.length === 0) continue;
    const mean = (f: (p: (typeof part)[number]) => number) => part.reduce((n, p) => n + f(p), 0) / part.length;
    out.push({ predicted: mean((p) => p.predicted), expert: mean((p) => p.expert), segments: part.length });
  }
  return out;
}

function mean(xs: number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : NaN;
}

/** One line of `--items`: a system segment with its features, scores, flags and the experts' errors. */
export function itemRecord(it: EvalItem): Record<string, unknown> {
  const s = it.segment;
  return {
    system: s.system,
    doc: s.doc,
    segId: s.segId,
    target: s.target,
    reference: it.reference,
    mqm: it.mqm,
    score: segmentScore(it, loadScoreModel().parallel),
    expectedMqm: expectedSegmentMqm(it, loadScoreModel().parallel),
    checkScore: it.checkScore,
    chrf: it.chrf,
    unmatchedWords: it.unmatchedWords,
    sentences: it.sentences,
    flags: it.flags.map((f) => ({ start: f.start, end: f.end, category: f.category, severity: f.severity, confidence: f.confidence, detector: f.detector })),
    errors: s.errors,
  };
}

/** Everything `mtdiff eval mqm` reports, from parsed MQM segments (and the analysed items behind it). */
export async function evaluateMqm(
  analyzer: Analyzer,
  file: string,
  segments: readonly MqmSegment[],
  options: EvalOptions,
  progress?: Progress,
): Promise<{ report: EvalReport; items: EvalItem[] }> {
  const exclude = options.includeHuman ? [] : [...new Set(segments.map((s) => s.system))].filter((s) => /^ref/i.test(s));
  const items = await collectItems(analyzer, segments, { referenceSystem: options.referenceSystem, exclude, sourceLang: options.sourceLang }, progress);
  if (items.length === 0) throw usageError('no system segments to evaluate (only the reference system has translations?)');
  const talks = [...new Set(items.map((it) => it.segment.doc))].sort();
  const folds: Fold[] = [];
  const heldOutPairs: { predicted: number; expert: number }[] = [];
  if (options.folds === 'talk' && talks.length >= 2) {
    for (const heldOut of talks) {
      const train = items.filter((it) => it.segment.doc !== heldOut);
      const test = items.filter((it) => it.segment.doc === heldOut);
      const { weights } = fitWeights(train);
      folds.push({ heldOut, train: talks.filter((t) => t !== heldOut), weights, metrics: metricsFor(test, weights) });
      for (const it of test) heldOutPairs.push({ predicted: expectedSegmentMqm(it, weights), expert: it.mqm });
    }
  }
  const names = ['mtdiff', ...Object.keys(BASELINES)];
  const crossValidated = Object.fromEntries(
    folds.length
      ? names.map((n) => [n, {
          flatTau: mean(folds.map((f) => f.metrics[n]!.flatTau)),
          groupedTau: mean(folds.map((f) => f.metrics[n]!.groupedTau)),
          systemPearson: mean(folds.map((f) => f.metrics[n]!.systemPearson)),
        }])
      : [],
  );
  const byTalk = Object.fromEntries(
    talks.map((t) => {
      const tok = tokenAgreement(items.filter((it) => it.segment.doc === t));
      return [t, { all: tok.all, accuracy: tok.accuracy }];
    }),
  );
  const report: EvalReport = {
    version: 1,
    file,
    signature: signature(analyzer.embedder.id, 1, 'parallel', options.sourceLang),
    referenceSystem: options.referenceSystem,
    systems: [...new Set(items.map((it) => it.segment.system))].sort(),
    talks,
    segments: items.length,
    mqm: { weights: WMT21_MQM, raters: 'errors summed per rater, then averaged over the raters of the segment' },
    legend: LEGEND,
    all: metricsFor(items, loadScoreModel().parallel),
    folds,
    crossValidated,
    fit: fitWeights(items).weights,
    calibration: calibration(heldOutPairs),
    flags: {
      tokens: tokenAgreement(items),
      byTalk,
      byConfidence: confidenceSweep(items),
      recallByCategory: recallByCategory(items),
      omission: omissionAgreement(items),
      byCategory: precisionBy(items, (f) => f.category),
      byDetector: precisionBy(items, (f) => f.detector),
      severity: severityTable(items),
    },
  };
  return { report, items };
}
