import type { DecisionStatus, Decision, ReviewFile } from '../review/file.js';
import { flagPasses, sentenceVisible, visibleFlags, visibleSentences, type Filter, type ReviewModel } from './model.js';

export type Pane = 'sentences' | 'flags';
export type InputPurpose = 'search' | 'suggestion' | 'comment';
export type Mode = { kind: 'browse' } | { kind: 'help' } | { kind: 'input'; purpose: InputPurpose; text: string };
export interface Status {
  text: string;
  tone: 'info' | 'error';
}

/** Everything the review screen remembers; the analysis itself lives in the ReviewModel and never changes. */
export interface ReviewState {
  /** Selected MT sentence (index into analysis.sentences). */
  sentence: number;
  /** Selected flag (index into analysis.flags); always one of the selected sentence's visible flags. */
  flag: number | undefined;
  /** Which of the sentence's reference matches is shown (0 = best). */
  match: number;
  pane: Pane;
  filter: Filter;
  decisions: Record<string, Decision>;
  mode: Mode;
  /** Last search, repeated by an empty search. */
  query: string;
  status: Status | undefined;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'flag'; delta: 1 | -1 }
  | { type: 'pane' }
  | { type: 'match' }
  | { type: 'filter' }
  | { type: 'help' }
  | { type: 'decide'; status: DecisionStatus; at: string }
  | { type: 'undecide' }
  | { type: 'open'; purpose: InputPurpose }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'submit'; at: string }
  | { type: 'cancel' }
  | { type: 'status'; status: Status | undefined };

const info = (text: string): Status => ({ text, tone: 'info' });
const error = (text: string): Status => ({ text, tone: 'error' });

/** Typed or pasted text never carries control characters into the review file. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Adds typed text to a field. A burst of keys arrives as one string, so backspaces inside it still erase;
 * every other control character is dropped (a paste cannot smuggle escapes into the review file).
 */
function typeInto(text: string, typed: string): string {
  const chars = Array.from(text);
  for (const ch of typed) {
    if (ch === '\x7f' || ch === '\b') chars.pop();
    else if (!CONTROL.test(ch)) chars.push(ch);
  }
  return chars.join('');
}

export function initialState(model: ReviewModel, review: Pick<ReviewFile, 'position' | 'decisions'>): ReviewState {
  const count = model.analysis.sentences.length;
  const sentence = Math.min(Math.max(0, Math.trunc(review.position?.sentence ?? 0) || 0), Math.max(0, count - 1));
  const saved = review.position?.flag;
  const flags = model.bySentence[sentence] ?? [];
  const flag = flags.find((i) => model.keys[i] === saved) ?? flags[0];
  return {
    sentence,
    flag,
    match: 0,
    pane: 'sentences',
    filter: 'all',
    decisions: { ...review.decisions },
    mode: { kind: 'browse' },
    query: '',
    status: undefined,
  };
}

/** The part of the state the review file keeps, so that reopening resumes where the reviewer stopped. */
export function positionOf(model: ReviewModel, state: ReviewState): ReviewFile['position'] {
  const flag = state.flag === undefined ? undefined : model.keys[state.flag];
  return flag === undefined ? { sentence: state.sentence } : { sentence: state.sentence, flag };
}

function select(model: ReviewModel, state: ReviewState, sentence: number, flag?: number): ReviewState {
  const flags = visibleFlags(model, state.filter, state.decisions, sentence);
  return { ...state, sentence, match: sentence === state.sentence ? state.match : 0, flag: flag ?? flags[0] };
}

/**
 * Restores the invariants after anything that changes what is visible: the selected sentence passes the
 * filter (else the next one that does, else the previous one), and the selected flag is one of its visible
 * flags (else the next visible one after it, so deciding under `undecided` walks on to the next flag).
 */
function normalize(model: ReviewModel, state: ReviewState): ReviewState {
  let sentence = state.sentence;
  if (!sentenceVisible(model, state.filter, state.decisions, sentence)) {
    const visible = visibleSentences(model, state.filter, state.decisions);
    sentence = visible.find((i) => i > sentence) ?? visible.filter((i) => i < sentence).pop() ?? sentence;
  }
  const flags = visibleFlags(model, state.filter, state.decisions, sentence);
  let flag = state.flag;
  if (sentence !== state.sentence) flag = flags[0];
  else if (flag === undefined || !flags.includes(flag)) {
    const from = flag === undefined ? -1 : model.analysis.flags[flag]!.start;
    flag = flags.find((i) => model.analysis.flags[i]!.start >= from) ?? flags[flags.length - 1];
  }
  const matches = model.analysis.sentences[sentence]?.matches.length ?? 0;
  return { ...state, sentence, flag, match: sentence === state.sentence ? Math.min(state.match, Math.max(0, matches - 1)) : 0 };
}

function moveSentence(model: ReviewModel, state: ReviewState, delta: number): ReviewState {
  const visible = visibleSentences(model, state.filter, state.decisions);
  if (visible.length === 0) return { ...state, status: info('no sentences match this filter (f changes it)') };
  const at = visible.indexOf(state.sentence);
  const from = at >= 0 ? at : delta > 0 ? -1 : visible.length;
  const target = visible[Math.min(visible.length - 1, Math.max(0, from + delta))]!;
  return { ...select(model, state, target), status: undefined };
}

function moveFlagInSentence(model: ReviewModel, state: ReviewState, delta: number): ReviewState {
  const flags = visibleFlags(model, state.filter, state.decisions, state.sentence);
  if (flags.length === 0) return { ...state, status: info('no flags in this sentence (n jumps to the next flag)') };
  const at = state.flag === undefined ? -1 : flags.indexOf(state.flag);
  return { ...state, flag: flags[Math.min(flags.length - 1, Math.max(0, at + delta))], status: undefined };
}

function jumpFlag(model: ReviewModel, state: ReviewState, delta: 1 | -1): ReviewState {
  const order = model.order.filter((i) => flagPasses(state.filter, model.analysis.flags[i]!, state.decisions[model.keys[i]!]));
  if (order.length === 0) return { ...state, status: info('no flags under this filter') };
  const sentenceOf = (i: number) => model.analysis.flags[i]!.sentence;
  let target: number | undefined;
  const at = state.flag === undefined ? -1 : order.indexOf(state.flag);
  if (at >= 0) target = order[at + delta];
  else if (delta > 0) target = order.find((i) => sentenceOf(i) > state.sentence);
  else target = order.filter((i) => sentenceOf(i) < state.sentence).pop();
  let status: Status | undefined;
  if (target === undefined) {
    target = delta > 0 ? order[0]! : order[order.length - 1]!;
    status = info(delta > 0 ? 'wrapped to the first flag' : 'wrapped to the last flag');
  }
  return { ...select(model, state, sentenceOf(target), target), status };
}

function cycleFilter(model: ReviewModel, state: ReviewState): ReviewState {
  const at = model.filters.indexOf(state.filter);
  const filter = model.filters[(at + 1) % model.filters.length]!;
  const next = normalize(model, { ...state, filter });
  const shown = visibleSentences(model, filter, state.decisions).length;
  return { ...next, status: info(`filter: ${filter.replace('category:', '')} (${shown} sentence${shown === 1 ? '' : 's'})`) };
}

function quote(model: ReviewModel, flag: number): string {
  return `"${model.analysis.flags[flag]!.text}"`;
}

function decide(model: ReviewModel, state: ReviewState, status: DecisionStatus, at: string): ReviewState {
  if (state.flag === undefined) return { ...state, status: error('no flag selected (n jumps to the next flag)') };
  const key = model.keys[state.flag]!;
  const decisions = { ...state.decisions, [key]: { ...state.decisions[key], status, at } };
  const label = status === 'accepted' ? 'accepted' : 'dismissed as false alarm';
  return { ...normalize(model, { ...state, decisions }), status: info(`${label}: ${quote(model, state.flag)}`) };
}

function undecide(model: ReviewModel, state: ReviewState): ReviewState {
  if (state.flag === undefined) return { ...state, status: error('no flag selected') };
  const key = model.keys[state.flag]!;
  if (!state.decisions[key]) return { ...state, status: info('this flag has no decision yet') };
  const decisions = { ...state.decisions };
  delete decisions[key];
  return { ...normalize(model, { ...state, decisions }), status: info(`decision cleared: ${quote(model, state.flag)}`) };
}

function open(model: ReviewModel, state: ReviewState, purpose: 'search' | 'suggestion' | 'comment'): ReviewState {
  if (purpose === 'search') return { ...state, mode: { kind: 'input', purpose, text: '' }, status: undefined };
  if (state.flag === undefined) return { ...state, status: error('no flag selected (n jumps to the next flag)') };
  const decision = state.decisions[model.keys[state.flag]!];
  const text = purpose === 'comment' ? (decision?.comment ?? '') : (decision?.suggestion ?? model.analysis.flags[state.flag]!.suggestion ?? '');
  return { ...state, mode: { kind: 'input', purpose, text }, status: undefined };
}

function search(model: ReviewModel, state: ReviewState, text: string): ReviewState {
  const query = text.trim() || state.query;
  const browse: ReviewState = { ...state, mode: { kind: 'browse' }, query };
  if (!query) return browse;
  const needle = query.toLocaleLowerCase();
  const sentences = model.analysis.sentences;
  const n = sentences.length;
  const hits: number[] = [];
  for (let k = 1; k <= n; k++) {
    const i = (state.sentence + k) % n;
    if (sentences[i]!.text.toLocaleLowerCase().includes(needle)) hits.push(i);
  }
  if (hits.length === 0) return { ...browse, status: error(`not found: "${query}"`) };
  const shown = hits.find((i) => sentenceVisible(model, state.filter, state.decisions, i));
  // A hit hidden by the filter is still the one the reviewer asked for: show everything rather than miss it.
  const filter = shown === undefined ? 'all' : state.filter;
  const target = shown ?? hits[0]!;
  const moved = select(model, { ...browse, filter }, target);
  const note = filter !== state.filter ? ' (filter reset to all)' : '';
  return { ...moved, status: info(`"${query}" in sentence ${target + 1}${note}`) };
}

function submit(model: ReviewModel, state: ReviewState, at: string): ReviewState {
  if (state.mode.kind !== 'input') return state;
  const { purpose, text } = state.mode;
  if (purpose === 'search') return search(model, state, text);
  const browse: ReviewState = { ...state, mode: { kind: 'browse' } };
  if (state.flag === undefined) return browse;
  const key = model.keys[state.flag]!;
  const previous = state.decisions[key];
  // A decision always has a status; editing a fix or commenting an undecided flag means the flag stands.
  const decision: Decision = { ...previous, status: previous?.status ?? 'accepted', at };
  const value = text.trim();
  const field = purpose === 'suggestion' ? 'suggestion' : 'comment';
  if (value) decision[field] = value;
  else delete decision[field];
  const decisions = { ...state.decisions, [key]: decision };
  const what = purpose === 'suggestion' ? (value ? 'suggestion saved' : 'own suggestion removed') : value ? 'comment saved' : 'comment removed';
  const implied = previous === undefined ? ' (flag accepted; d dismisses it instead)' : '';
  return { ...normalize(model, { ...browse, decisions }), status: info(`${what}: ${quote(model, state.flag)}${implied}`) };
}

export function reduce(model: ReviewModel, state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'move':
      return state.pane === 'flags' ? moveFlagInSentence(model, state, action.delta) : moveSentence(model, state, action.delta);
    case 'jump':
      return moveSentence(model, state, action.to === 'first' ? -Infinity : Infinity);
    case 'flag':
      return jumpFlag(model, state, action.delta);
    case 'pane':
      return { ...state, pane: state.pane === 'sentences' ? 'flags' : 'sentences', status: undefined };
    case 'match': {
      const count = model.analysis.sentences[state.sentence]?.matches.length ?? 0;
      if (count < 2) return { ...state, status: info(count ? 'no alternative reference match' : 'no reference match') };
      return { ...state, match: (state.match + 1) % count, status: undefined };
    }
    case 'filter':
      return cycleFilter(model, state);
    case 'help':
      return { ...state, mode: state.mode.kind === 'help' ? { kind: 'browse' } : { kind: 'help' } };
    case 'decide':
      return decide(model, state, action.status, action.at);
    case 'undecide':
      return undecide(model, state);
    case 'open':
      return open(model, state, action.purpose);
    case 'type':
      return state.mode.kind === 'input' ? { ...state, mode: { ...state.mode, text: typeInto(state.mode.text, action.text) } } : state;
    case 'erase': {
      if (state.mode.kind !== 'input') return state;
      return { ...state, mode: { ...state.mode, text: Array.from(state.mode.text).slice(0, -1).join('') } };
    }
    case 'submit':
      return submit(model, state, action.at);
    case 'cancel':
      return { ...state, mode: { kind: 'browse' }, status: undefined };
    case 'status':
      return { ...state, status: action.status };
  }
}
