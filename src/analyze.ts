import { createHash } from 'node:crypto';
import type { AlignedSentence, AlignMode, Analysis, Document, Flag, Sentence } from './core/types.js';
import { VERSION } from './core/version.js';
import { usageError } from './core/errors.js';
import { DEFAULT_SETTINGS, settingsDigest, type Settings } from './core/settings.js';
import { segmentDocument } from './segment/index.js';
import { remapAnalysis, stripInvisible } from './segment/invisible.js';
import { loadEmbedder, type Embedder, type EmbedderOptions, type EncodedText } from './embed/embedder.js';
import { align, attachRendered, type AlignSide } from './align/index.js';
import { defaultDetectors } from './detect/index.js';
import { rankFlags } from './detect/rank.js';
import { calibrate, loadCalibration, splitByConfidence, type Calibration } from './detect/calibrate.js';
import { ReferenceIndex } from './detect/ref-index.js';
import { MERGED_SHARE, renderedNearby } from './detect/context.js';
import { resolveSourceLanguage } from './detect/source-language.js';
import type { Detector, DetectOptions, EncodedDoc, GlossaryEntry } from './detect/types.js';
import { documentScore, omittedMqm, penaltyScore, qualityScore, type ScoreWeights } from './score/sentence.js';
import { sentenceFeatures, settled, type SentenceFeatures } from './score/features.js';
import { loadScoreModel, weightsFor, type ScoreModel } from './score/model.js';
import { expectedPenalty, mqmPenalty, round } from './score/mqm.js';

export interface TextInput {
  /** Path or label; appears as `ref` in matches and evidence. */
  id: string;
  text: string;
}

export interface AnalyzeOptions {
  mode?: AlignMode;
  sourceLang?: string;
  glossary?: GlossaryEntry[];
  /** Flags below this confidence are hidden (counted in `filter.belowThreshold`); default from models/calibration.json. */
  minConfidence?: number;
  /** Benchmarks and calibration: also return the hidden flags, the calibrated raw flags with their features and the score's features per sentence. */
  keepHidden?: boolean;
  /** Detector ids switched off (the project config's `detectors`). */
  disabledDetectors?: readonly string[];
  /** Use references that are not English (refused otherwise: every sentence would come out unsupported). */
  allowNonEnglishRefs?: boolean;
  /** Alignment and detector settings (resolveSettings); the defaults of config.ts when absent. */
  settings?: Readonly<Settings>;
}

export type Progress = (stage: 'embedding' | 'aligning' | 'detecting', done: number, total: number) => void;

const SEGMENTER_ID = 'intl-sentence.1';

/** What besides the inputs decides which flags are shown: the detector set, the calibration and the threshold. */
export interface FlagSettings {
  detectors: readonly string[];
  calibration: number;
  minConfidence: number;
  /** Digest of the settings that differ from the defaults (settingsDigest); absent at the defaults. */
  settings?: string;
  /** Version of the score model (models/score.json). */
  score?: number;
}

/** The signature's fields in order, as the JSON's `signatureFields` carries them. */
export function signatureFields(
  embedderId: string,
  nrefs: number,
  mode: AlignMode,
  sourceLang: string,
  flags?: FlagSettings,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): Record<string, string> {
  const fields: Record<string, string> = {
    nrefs: String(nrefs),
    mode,
    src: sourceLang,
    model: embedderId,
    seg: SEGMENTER_ID,
    align: `${mode}-top${settings.align.alternatives}`,
  };
  if (flags) {
    const det = createHash('sha256').update([...flags.detectors].sort().join(',')).digest('hex').slice(0, 8);
    Object.assign(fields, { det: `${flags.detectors.length}@${det}`, cal: String(flags.calibration), conf: String(flags.minConfidence) });
    if (flags.settings) fields.set = flags.settings;
    if (flags.score !== undefined) fields.score = String(flags.score);
  }
  fields.version = VERSION;
  return fields;
}

/** sacreBLEU-style reproducibility signature: everything that changes a number appears in it. */
export function signature(...args: Parameters<typeof signatureFields>): string {
  return formatSignature(signatureFields(...args));
}

export function formatSignature(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}:${v}`)
    .join('|');
}

function wordCount(doc: EncodedDoc, s: Sentence): number {
  return doc.sentences[s.index]!.tokens.filter((t) => t.word).length;
}

/** Holds the loaded model (and its cache) so that check, review, score and eval share one load. */
export class Analyzer {
  constructor(
    readonly embedder: Embedder,
    readonly detectors: readonly Detector[] = defaultDetectors(),
    /** Detector tests pass NO_CALIBRATION to see each detector's own prior. */
    readonly calibration: Calibration = loadCalibration(),
    /** The sentence score's parameters (models/score.json). */
    readonly scoreModel: ScoreModel = loadScoreModel(),
  ) {}

  /** Embeds every sentence of every document in one batched pass (identical texts are embedded once). */
  async encodeDocs(docs: readonly Document[], progress?: Progress): Promise<EncodedDoc[]> {
    const texts = docs.flatMap((d) => d.sentences.map((s) => s.text));
    const encoded = await this.embedder.encode(texts, (done, total) => progress?.('embedding', done, total));
    let k = 0;
    return docs.map((d) => ({
      id: d.id,
      text: d.text,
      sentences: d.sentences.map((sentence) => toEncoded(sentence, encoded[k++]!)),
    }));
  }

  async analyze(mt: TextInput, refs: readonly TextInput[], options: AnalyzeOptions = {}, progress?: Progress): Promise<Analysis> {
    const [result] = await this.analyzeMany([{ mt, refs }], options, progress);
    return result!;
  }

  /** Many items at once: all sentences go through the model together, so batches stay full. */
  async analyzeMany(
    items: readonly { mt: TextInput; refs: readonly TextInput[] }[],
    options: AnalyzeOptions = {},
    progress?: Progress,
  ): Promise<Analysis[]> {
    for (const item of items) if (item.refs.length === 0) throw usageError('at least one reference text is needed');
    const stripped = items.map((item) => stripInvisible(item.mt.text));
    const docs = items.map((item, i) => [{ ...item.mt, text: stripped[i]?.text ?? item.mt.text }, ...item.refs].map((t) => segmentDocument(t.id, t.text)));
    const encoded = await this.encodeDocs(docs.flat(), progress);
    let k = 0;
    const results: Analysis[] = [];
    progress?.('aligning', 0, items.length);
    for (const [i, item] of items.entries()) {
      const group = encoded.slice(k, k + item.refs.length + 1);
      k += item.refs.length + 1;
      progress?.('detecting', i, items.length);
      const analysis = await this.finish(group[0]!, group.slice(1), options);
      const invisible = stripped[i];
      results.push(invisible ? remapAnalysis(analysis, item.mt.text, invisible) : analysis);
    }
    return results;
  }

  private async finish(mt: EncodedDoc, refs: EncodedDoc[], options: AnalyzeOptions): Promise<Analysis> {
    const mode = options.mode ?? 'comparable';
    const settings = options.settings ?? DEFAULT_SETTINGS;
    const index = new ReferenceIndex(refs);
    const source = await resolveSourceLanguage(mt, refs, index, options);
    const detectOptions: DetectOptions = { mode, sourceLang: source.lang, glossary: options.glossary ?? [] };
    const refSides = refs.map(toSide);
    const monotonic = align(mode, toSide(mt), refSides, settings.align);
    const alignment = mode === 'parallel' ? attachRendered(monotonic, refSides, (i, r, j) => renderedNearby(refs[r]!.sentences[j]!.tokens, [mt.sentences[i]!.tokens]), MERGED_SHARE) : monotonic;
    const aligned: AlignedSentence[] = mt.sentences.map(({ sentence }, i) => {
      const matches = alignment.matches[i]!;
      const similarity = matches[0]?.similarity ?? 0;
      return { ...sentence, score: 0, similarity: round(similarity), mqm: 0, matches, unsupported: similarity < settings.align.supportThreshold };
    });
    const ctx = { mt, refs, aligned, index, options: detectOptions, unmatched: alignment.unmatched, settings };
    const off = new Set(options.disabledDetectors ?? []);
    const detectors = this.detectors.filter((d) => !off.has(d.id));
    const raw = calibrate((await Promise.all(detectors.map((d) => d.detect(ctx)))).flat(), aligned, mode, this.calibration);
    const calibration = this.calibration;
    const minConfidence = options.minConfidence ?? calibration.minConfidence[mode] ?? 0;
    const { shown, hidden } = splitByConfidence(rankFlags(raw, aligned), minConfidence);
    const flagSettings: FlagSettings = { detectors: detectors.map((d) => d.id), calibration: calibration.version, minConfidence, score: this.scoreModel.version };
    const digest = settingsDigest(settings);
    if (digest) flagSettings.settings = digest;
    const fields = signatureFields(this.embedder.id, refs.length, mode, source.label, flagSettings, settings);
    const { analysis, features } = assemble(mt, refs, aligned, shown, alignment.unmatched, fields, mode, this.scoreModel);
    const result: Analysis = {
      ...analysis,
      filter: { minConfidence, belowThreshold: hidden.length },
      source: { lang: source.lang, detected: source.detected, ...(source.warnings.length ? { warnings: source.warnings } : {}) },
    };
    if (options.keepHidden) Object.assign(result, { hiddenFlags: hidden, rawFlags: raw, scoreFeatures: features.map(settled) });
    return result;
  }
}

function assemble(
  mt: EncodedDoc,
  refs: EncodedDoc[],
  aligned: AlignedSentence[],
  flags: Flag[],
  unmatched: number[][],
  fields: Record<string, string>,
  mode: AlignMode,
  model: ScoreModel,
): { analysis: Analysis; features: SentenceFeatures[] } {
  // Fitted on parallel references (minimal pairs and MQM talks); comparable references share few words by
  // nature, so there the deviation is semantic only (a prior: models/score.json).
  const weights = weightsFor(model, mode);
  // Grouped once: filtering all flags per sentence is quadratic on long articles.
  const bySentence = new Map<number, Flag[]>();
  for (const f of flags) {
    const list = bySentence.get(f.sentence);
    if (list) list.push(f);
    else bySentence.set(f.sentence, [f]);
  }
  // New sentence objects: the detectors saw `aligned`, and results are built once, not patched into what they saw.
  const features: SentenceFeatures[] = [];
  const sentences: AlignedSentence[] = aligned.map((s) => {
    const own = bySentence.get(s.index) ?? [];
    const mqm = mqmPenalty(own);
    const f = sentenceFeatures(mt.sentences[s.index]!, refs, { ...s, mqm }, expectedPenalty(own));
    features.push(f);
    return sentenceResult(s, f, mqm, weights);
  });
  const weighted = sentences.map((s) => ({ score: s.score, words: wordCount(mt, s) }));
  const words = weighted.reduce((n, s) => n + s.words, 0);
  // A reference sentence the translation left out (parallel mode) lowers the document score as a sentence
  // that conveys nothing would, shared across the references.
  if (mode === 'parallel') {
    refs.forEach((ref, r) => {
      for (const j of unmatched[r] ?? []) {
        const w = ref.sentences[j]!.tokens.filter((t) => t.word).length;
        weighted.push({ score: penaltyScore(omittedMqm(w, weights)), words: w / refs.length });
      }
    });
  }
  const mqm = mqmPenalty(flags);
  const analysis: Analysis = {
    version: 1,
    signature: formatSignature(fields),
    signatureFields: fields,
    mt: mt.id,
    refs: refs.map((r, i) => ({ id: r.id, sentences: r.sentences.length, unmatched: unmatched[i] ?? [] })),
    mode,
    score: round(documentScore(weighted)),
    mqm,
    mqmPer100: words ? round((100 * mqm) / words) : 0,
    words,
    sentences,
    flags,
  };
  return { analysis, features };
}

function sentenceResult(s: AlignedSentence, features: SentenceFeatures, mqm: number, weights: ScoreWeights): AlignedSentence {
  return {
    ...s,
    score: round(qualityScore(features, weights)),
    mqm,
    matches: s.matches.map((m) => ({ ...m, similarity: round(m.similarity) })),
    chrf: round(features.chrf),
    bertscore: { precision: round(features.bert.precision), recall: round(features.bert.recall), f1: round(features.bert.f1) },
  };
}

function toEncoded(sentence: Sentence, enc: EncodedText): EncodedDoc['sentences'][number] {
  // The embedder tokenised the sentence on its own; shift token offsets into the document's frame.
  const tokens = enc.tokens.map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }));
  return { sentence, tokens, vectors: enc.tokenVectors, vector: enc.vector };
}

function toSide(doc: EncodedDoc): AlignSide {
  return {
    id: doc.id,
    text: doc.text,
    sentences: doc.sentences.map((s) => s.sentence),
    vectors: doc.sentences.map((s) => s.vector),
    lengths: doc.sentences.map((s) => s.tokens.length + 2),
  };
}

export async function createAnalyzer(options: EmbedderOptions = {}): Promise<Analyzer> {
  return new Analyzer(await loadEmbedder(options));
}
