import type { Category, Severity } from '../core/types.js';
import { CATEGORIES } from '../core/types.js';
import { addedKey, type AddedError, type DecisionStatus, type Decision, type ReviewFile, type SentenceMark, type SentenceStatus } from '../review/file.js';
import { anchorAt, fitSpaces } from '../review/errors.js';
import { flagPasses, sentenceVisible, sentenceWords, shownCategory, shownSeverity, visibleFlags, visibleSentences, REVIEWER, type Filter, type ReviewModel } from './model.js';
import { editLine, type LineEdit } from './line.js';

export type Pane = 'sentences' | 'flags';
export type InputPurpose = 'search' | 'suggestion' | 'comment';
/** What a choice applies to: the selected flag, or a new error over a span of the selected sentence. */
export type PickTarget = { kind: 'flag'; flag: number } | { kind: 'new'; start: number; end: number; category?: Category };
export type Mode =
  | { kind: 'browse' }
  | { kind: 'help'; offset: number }
  | { kind: 'input'; purpose: InputPurpose; text: string; cursor: number }
  | { kind: 'select'; from: number; to: number }
  | { kind: 'pick'; purpose: 'category' | 'severity'; index: number; target: PickTarget }
  | { kind: 'confirm'; paths: string[] };
export interface Status {
  text: string;
  tone: 'info' | 'error';
}

/** The part of the state that is the review itself: what undo and redo step through. */
export interface ReviewDoc {
  decisions: Record<string, Decision>;
  added: AddedError[];
  marks: Record<string, SentenceMark>;
}

/** Everything the review screen remembers; the analysis itself lives in the ReviewModel and never changes. */
export interface ReviewState extends ReviewDoc {
  /** Selected MT sentence (index into analysis.sentences). */
  sentence: number;
  /** Selected flag (index into analysis.flags); always one of the selected sentence's visible flags. */
  flag: number | undefined;
  /** Which of the sentence's reference matches is shown (0 = best). */
  match: number;
  pane: Pane;
  filter: Filter;
  mode: Mode;
  /** Last search, repeated by an empty search. */
  query: string;
  status: Status | undefined;
  /** After a decision, move on to the next undecided flag. */
  autoAdvance: boolean;
  past: ReviewDoc[];
  future: ReviewDoc[];
}

export const SEVERITY_KEYS: Record<string, Severity> = { '1': 'minor', '2': 'major', '3': 'critical' };
const SEVERITY_ORDER: Severity[] = ['minor', 'major', 'critical'];
/** More lines than the help can ever have: the bound when the caller does not know the help's length. */
const HELP_LINES_MAX = 10_000;
/** Undo keeps this many steps. */
const HISTORY = 500;

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'flag'; delta: 1 | -1 }
  | { type: 'nextUndecided' }
  | { type: 'pane' }
  | { type: 'match' }
  | { type: 'filter' }
  | { type: 'help' }
  | { type: 'scrollHelp'; delta: number; max?: number }
  | { type: 'decide'; status: DecisionStatus; severity?: Severity; at: string }
  | { type: 'undecide' }
  | { type: 'mark'; status: SentenceStatus; at: string }
  | { type: 'autoAdvance' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'open'; purpose: InputPurpose }
  | { type: 'type'; text: string }
  | { type: 'edit'; edit: LineEdit }
  | { type: 'erase' }
  | { type: 'submit'; at: string }
  | { type: 'cancel' }
  | { type: 'select' }
  | { type: 'selectMove'; delta: number; extend: boolean }
  | { type: 'pickOpen' }
  | { type: 'pickMove'; delta: number }
  | { type: 'pickKey'; key: string; at: string }
  | { type: 'confirm'; paths: string[] }
  | { type: 'status'; status: Status | undefined };

const info = (text: string): Status => ({ text, tone: 'info' });
const error = (text: string): Status => ({ text, tone: 'error' });

export function initialState(model: ReviewModel, review: Pick<ReviewFile, 'position' | 'decisions' | 'added' | 'marks'>, autoAdvance = true): ReviewState {
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
    added: [...(review.added ?? [])],
    marks: { ...review.marks },
    mode: { kind: 'browse' },
    query: '',
    status: undefined,
    autoAdvance,
    past: [],
    future: [],
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
 * flags (else the next visible one after it).
 */
function normalize(model: ReviewModel, state: ReviewState): ReviewState {
  let sentence = Math.min(state.sentence, Math.max(0, model.analysis.sentences.length - 1));
  if (!sentenceVisible(model, state.filter, state.decisions, sentence)) {
    const visible = visibleSentences(model, state.filter, state.decisions);
    sentence = visible.find((i) => i > sentence) ?? visible.filter((i) => i < sentence).pop() ?? sentence;
  }
  const flags = visibleFlags(model, state.filter, state.decisions, sentence);
  let flag = state.flag !== undefined && state.flag < model.analysis.flags.length ? state.flag : undefined;
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
  const order = model.order.filter((i) => flagPasses(model, state.filter, i, state.decisions));
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

/** The next flag without a decision after the selected one, in document order, wrapping once. */
function nextUndecided(model: ReviewModel, state: ReviewState, status?: Status): ReviewState {
  const open = model.order.filter((i) => state.decisions[model.keys[i]!] === undefined);
  if (open.length === 0) return { ...state, status: status ?? info('every flag is decided') };
  const here = state.flag === undefined ? (model.analysis.sentences[state.sentence]?.start ?? 0) - 1 : model.analysis.flags[state.flag]!.start;
  const target = open.find((i) => model.analysis.flags[i]!.start > here || (i !== state.flag && model.analysis.flags[i]!.start === here && i > state.flag!)) ?? open[0]!;
  const filter = flagPasses(model, state.filter, target, state.decisions) ? state.filter : 'all';
  return { ...select(model, { ...state, filter }, model.analysis.flags[target]!.sentence, target), status };
}

function cycleFilter(model: ReviewModel, state: ReviewState): ReviewState {
  const at = model.filters.indexOf(state.filter);
  const filter = model.filters[(at + 1) % model.filters.length]!;
  const next = normalize(model, { ...state, filter });
  const shown = visibleSentences(model, filter, state.decisions).length;
  const label = filter === 'low' ? 'low scores' : filter.replace('category:', '');
  return { ...next, status: info(`filter: ${label} (${shown} sentence${shown === 1 ? '' : 's'})`) };
}

function quote(model: ReviewModel, flag: number): string {
  return `"${model.analysis.flags[flag]!.text}"`;
}

const isAdded = (model: ReviewModel, flag: number) => model.analysis.flags[flag]!.detector === REVIEWER;
const addedId = (model: ReviewModel, flag: number) => model.keys[flag]!.slice('added:'.length);

function anchorOf(model: ReviewModel, flag: number) {
  const f = model.analysis.flags[flag]!;
  const s = model.analysis.sentences[f.sentence]!;
  return anchorAt(s.text, f.start - s.start, f.end - s.start);
}

function afterDecision(model: ReviewModel, state: ReviewState, status: Status): ReviewState {
  const next = normalize(model, state);
  return state.autoAdvance ? nextUndecided(model, next, status) : { ...next, status };
}

function removeAdded(model: ReviewModel, state: ReviewState, flag: number): ReviewState {
  const id = addedId(model, flag);
  const decisions = { ...state.decisions };
  delete decisions[addedKey(id)];
  const added = state.added.filter((e) => e.id !== id);
  return { ...normalize(model.withAdded(added), { ...state, added, decisions, flag: undefined }), status: info(`added error removed: ${quote(model, flag)}`) };
}

function decide(model: ReviewModel, state: ReviewState, status: DecisionStatus, at: string, severity?: Severity): ReviewState {
  if (state.flag === undefined) return { ...state, status: error('no flag selected (n jumps to the next flag)') };
  if (status === 'dismissed' && isAdded(model, state.flag)) return removeAdded(model, state, state.flag);
  const key = model.keys[state.flag]!;
  const flag = model.analysis.flags[state.flag]!;
  const previous = state.decisions[key];
  const decision: Decision = { ...previous, status, at, anchor: anchorOf(model, state.flag) };
  if (severity && severity !== flag.severity) decision.severity = severity;
  else if (severity) delete decision.severity;
  const decisions = { ...state.decisions, [key]: decision };
  const label = status === 'accepted' ? `accepted${severity ? ` as ${severity}` : ''}` : 'dismissed as false alarm';
  return afterDecision(model, { ...state, decisions }, info(`${label}: ${quote(model, state.flag)}`));
}

function undecide(model: ReviewModel, state: ReviewState): ReviewState {
  if (state.flag === undefined) return { ...state, status: error('no flag selected') };
  const key = model.keys[state.flag]!;
  if (!state.decisions[key]) return { ...state, status: info('this flag has no decision yet') };
  const decisions = { ...state.decisions };
  delete decisions[key];
  return { ...normalize(model, { ...state, decisions }), status: info(`decision cleared: ${quote(model, state.flag)} (u undoes)`) };
}

function mark(model: ReviewModel, state: ReviewState, status: SentenceStatus, at: string): ReviewState {
  const key = String(state.sentence);
  const marks = { ...state.marks };
  const label = status === 'ok' ? 'OK' : 'needs rewrite';
  if (marks[key]?.status === status) {
    delete marks[key];
    return { ...state, marks, status: info(`sentence ${state.sentence + 1}: mark removed`) };
  }
  marks[key] = { status, text: model.analysis.sentences[state.sentence]!.text, at };
  return { ...state, marks, status: info(`sentence ${state.sentence + 1} marked ${label}`) };
}

function open(model: ReviewModel, state: ReviewState, purpose: InputPurpose): ReviewState {
  const input = (text: string): ReviewState => ({ ...state, mode: { kind: 'input', purpose, text, cursor: Array.from(text).length }, status: undefined });
  if (purpose === 'search') return input('');
  if (state.flag === undefined) return { ...state, status: error('no flag selected (n jumps to the next flag)') };
  const decision = state.decisions[model.keys[state.flag]!];
  if (purpose === 'comment') return input(decision?.comment ?? '');
  return input((decision?.suggestion ?? model.analysis.flags[state.flag]!.suggestion ?? '').trim());
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
  const flag = model.analysis.flags[state.flag]!;
  const previous = state.decisions[key];
  // A decision always has a status; editing a fix or commenting an undecided flag means the flag stands.
  const decision: Decision = { ...previous, status: previous?.status ?? 'accepted', at, anchor: anchorOf(model, state.flag) };
  const value = purpose === 'suggestion' ? text : text.trim();
  const field = purpose === 'suggestion' ? 'suggestion' : 'comment';
  const unchanged = purpose === 'suggestion' && value.trim() === (flag.suggestion ?? (isAdded(model, state.flag) ? flag.text : undefined))?.trim();
  if (value.trim() && !unchanged) decision[field] = purpose === 'suggestion' ? fitSpaces(flag.text, value) : value;
  else delete decision[field];
  const decisions = { ...state.decisions, [key]: decision };
  const what = purpose === 'suggestion' ? (decision.suggestion !== undefined ? 'suggestion saved' : 'own suggestion removed') : decision.comment ? 'comment saved' : 'comment removed';
  const implied = previous === undefined && !isAdded(model, state.flag) ? ' (flag accepted; d dismisses it instead)' : '';
  return { ...normalize(model, { ...browse, decisions }), status: info(`${what}: ${quote(model, state.flag)}${implied}`) };
}

/** Keyboard selection of a new error: starts on the selected flag's first word, or the sentence's first. */
function startSelect(model: ReviewModel, state: ReviewState): ReviewState {
  const words = sentenceWords(model, state.sentence);
  if (words.length === 0) return { ...state, status: error('this sentence has no words to mark') };
  const flag = state.flag === undefined ? undefined : model.analysis.flags[state.flag];
  const at = Math.max(0, flag ? words.findIndex((w) => w.end > flag.start) : 0);
  return { ...state, mode: { kind: 'select', from: at, to: at }, status: info('select the words: ← → move, shift+← → (or H L) shrink/extend, enter chooses, esc cancels') };
}

function selectMove(model: ReviewModel, state: ReviewState, delta: number, extend: boolean): ReviewState {
  if (state.mode.kind !== 'select') return state;
  const last = sentenceWords(model, state.sentence).length - 1;
  const { from, to } = state.mode;
  if (extend) return { ...state, mode: { kind: 'select', from, to: Math.min(last, Math.max(from, to + delta)) } };
  const start = Math.min(last, Math.max(0, (delta > 0 ? to : from) + delta));
  return { ...state, mode: { kind: 'select', from: start, to: start } };
}

export function selectedSpan(model: ReviewModel, state: ReviewState): { start: number; end: number } | undefined {
  if (state.mode.kind !== 'select') return undefined;
  const words = sentenceWords(model, state.sentence);
  const a = words[state.mode.from];
  const b = words[state.mode.to];
  return a && b ? { start: a.start, end: b.end } : undefined;
}

export function pickOptions(purpose: 'category' | 'severity'): readonly string[] {
  return purpose === 'category' ? CATEGORIES : SEVERITY_ORDER;
}

/** Shortcut of an option: a category's first letter (they are all different), a severity's 1/2/3. */
export function pickShortcut(purpose: 'category' | 'severity', option: string): string {
  return purpose === 'category' ? option[0]! : String(SEVERITY_ORDER.indexOf(option as Severity) + 1);
}

function openPick(model: ReviewModel, state: ReviewState): ReviewState {
  if (state.mode.kind === 'select') {
    const span = selectedSpan(model, state);
    if (!span) return { ...state, mode: { kind: 'browse' } };
    return { ...state, mode: { kind: 'pick', purpose: 'category', index: 1, target: { kind: 'new', ...span } }, status: undefined };
  }
  if (state.flag === undefined) return { ...state, status: error('no flag selected (n jumps to the next flag)') };
  const f = model.analysis.flags[state.flag]!;
  const index = CATEGORIES.indexOf(shownCategory(f, state.decisions[model.keys[state.flag]!]));
  return { ...state, mode: { kind: 'pick', purpose: 'category', index, target: { kind: 'flag', flag: state.flag } }, status: undefined };
}

function addError(model: ReviewModel, state: ReviewState, start: number, end: number, category: Category, severity: Severity, at: string): ReviewState {
  const s = model.analysis.sentences[state.sentence]!;
  const used = new Set(state.added.map((e) => e.id));
  let n = state.added.length + 1;
  while (used.has(String(n))) n++;
  const error: AddedError = { id: String(n), start, end, category, severity, anchor: anchorAt(s.text, start - s.start, end - s.start), at };
  const added = [...state.added, error];
  const next = model.withAdded(added);
  const flag = next.keys.indexOf(addedKey(error.id));
  const moved = normalize(next, { ...state, added, filter: 'all', flag, mode: { kind: 'browse' } });
  const text = Array.from(next.analysis.flags[flag]!.text.trim());
  const input: ReviewState = { ...moved, mode: { kind: 'input', purpose: 'suggestion', text: text.join(''), cursor: text.length } };
  return { ...input, status: info(`added ${severity} ${category} "${text.join('')}": type the fix (enter saves, esc leaves none)`) };
}

function choose(model: ReviewModel, state: ReviewState, option: string, at: string): ReviewState {
  if (state.mode.kind !== 'pick') return state;
  const { purpose, target } = state.mode;
  if (target.kind === 'new') {
    if (purpose === 'category') {
      const index = SEVERITY_ORDER.indexOf('major');
      return { ...state, mode: { kind: 'pick', purpose: 'severity', index, target: { ...target, category: option as Category } } };
    }
    return addError(model, state, target.start, target.end, target.category!, option as Severity, at);
  }
  const key = model.keys[target.flag]!;
  const flag = model.analysis.flags[target.flag]!;
  const previous = state.decisions[key];
  const decision: Decision = { ...previous, status: previous?.status === 'dismissed' ? 'accepted' : (previous?.status ?? 'accepted'), at, anchor: anchorOf(model, target.flag) };
  if (option === flag.category) delete decision.category;
  else decision.category = option as Category;
  const decisions = { ...state.decisions, [key]: decision };
  const browse = { ...state, mode: { kind: 'browse' } as const, decisions };
  return { ...normalize(model, browse), status: info(`category: ${option} for ${quote(model, target.flag)}${previous ? '' : ' (flag accepted)'}`) };
}

function pickKey(model: ReviewModel, state: ReviewState, key: string, at: string): ReviewState {
  if (state.mode.kind !== 'pick') return state;
  const options = pickOptions(state.mode.purpose);
  if (key === '\r') return choose(model, state, options[state.mode.index]!, at);
  const purpose = state.mode.purpose;
  const hit = options.find((o) => pickShortcut(purpose, o) === key);
  return hit ? choose(model, state, hit, at) : state;
}

const docOf = (s: ReviewState): ReviewDoc => ({ decisions: s.decisions, added: s.added, marks: s.marks });
const docChanged = (a: ReviewState, b: ReviewState) => a.decisions !== b.decisions || a.added !== b.added || a.marks !== b.marks;

function restore(model: ReviewModel, state: ReviewState, doc: ReviewDoc, past: ReviewDoc[], future: ReviewDoc[], what: string): ReviewState {
  const next = model.withAdded(doc.added);
  return { ...normalize(next, { ...state, ...doc, past, future, mode: { kind: 'browse' } }), status: info(what) };
}

function history(model: ReviewModel, state: ReviewState, action: 'undo' | 'redo'): ReviewState {
  if (action === 'undo') {
    const doc = state.past[state.past.length - 1];
    if (!doc) return { ...state, status: info('nothing to undo') };
    return restore(model, state, doc, state.past.slice(0, -1), [...state.future, docOf(state)], 'undone (U redoes)');
  }
  const doc = state.future[state.future.length - 1];
  if (!doc) return { ...state, status: info('nothing to redo') };
  return restore(model, state, doc, [...state.past, docOf(state)], state.future.slice(0, -1), 'redone');
}

function step(model: ReviewModel, state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'move':
      return state.pane === 'flags' ? moveFlagInSentence(model, state, action.delta) : moveSentence(model, state, action.delta);
    case 'jump':
      return moveSentence(model, state, action.to === 'first' ? -Infinity : Infinity);
    case 'flag':
      return jumpFlag(model, state, action.delta);
    case 'nextUndecided':
      return nextUndecided(model, { ...state, status: undefined });
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
      return { ...state, mode: state.mode.kind === 'help' ? { kind: 'browse' } : { kind: 'help', offset: 0 } };
    case 'scrollHelp':
      return state.mode.kind === 'help' ? { ...state, mode: { kind: 'help', offset: Math.min(action.max ?? HELP_LINES_MAX, Math.max(0, state.mode.offset + action.delta)) } } : state;
    case 'decide':
      return decide(model, state, action.status, action.at, action.severity);
    case 'undecide':
      return undecide(model, state);
    case 'mark':
      return mark(model, state, action.status, action.at);
    case 'autoAdvance':
      return { ...state, autoAdvance: !state.autoAdvance, status: info(`auto-advance ${state.autoAdvance ? 'off' : 'on'}`) };
    case 'undo':
    case 'redo':
      return history(model, state, action.type);
    case 'open':
      return open(model, state, action.purpose);
    case 'type':
      return state.mode.kind === 'input' ? { ...state, mode: { ...state.mode, ...editLine(state.mode, { op: 'insert', text: action.text }) } } : state;
    case 'edit':
      return state.mode.kind === 'input' ? { ...state, mode: { ...state.mode, ...editLine(state.mode, action.edit) } } : state;
    case 'erase':
      return step(model, state, { type: 'edit', edit: { op: 'backspace' } });
    case 'submit':
      return state.mode.kind === 'pick' ? pickKey(model, state, '\r', action.at) : submit(model, state, action.at);
    case 'cancel':
      return { ...state, mode: { kind: 'browse' }, status: undefined };
    case 'select':
      return startSelect(model, state);
    case 'selectMove':
      return selectMove(model, state, action.delta, action.extend);
    case 'pickOpen':
      return openPick(model, state);
    case 'pickMove': {
      if (state.mode.kind !== 'pick') return state;
      const n = pickOptions(state.mode.purpose).length;
      return { ...state, mode: { ...state.mode, index: (state.mode.index + action.delta + n) % n } };
    }
    case 'pickKey':
      return pickKey(model, state, action.key, action.at);
    case 'confirm':
      return { ...state, mode: { kind: 'confirm', paths: action.paths }, status: undefined };
    case 'status':
      return { ...state, status: action.status };
  }
}

/** The model that goes with a state: the reviewer's added errors are flags too. */
export const modelFor = (model: ReviewModel, state: ReviewState): ReviewModel => model.withAdded(state.added);

/**
 * One action. Every change to the review itself (decisions, added errors, marks) is recorded, so undo and
 * redo step through all of them, whatever changed.
 */
export function reduce(model: ReviewModel, state: ReviewState, action: Action): ReviewState {
  const m = modelFor(model, state);
  if (action.type === 'undo' || action.type === 'redo') return step(m, state, action);
  const next = step(m, state, action);
  if (!docChanged(state, next)) return next;
  return { ...next, past: [...state.past.slice(-(HISTORY - 1)), docOf(state)], future: [] };
}

export function severityOf(model: ReviewModel, state: ReviewState, flag: number): Severity {
  return shownSeverity(model.analysis.flags[flag]!, state.decisions[model.keys[flag]!]);
}
