import { describe, expect, it } from 'vitest';
import { buildModel, visibleSentences } from '../../src/ui/model.js';
import { initialState, positionOf, reduce, type Action, type ReviewState } from '../../src/ui/state.js';
import { flagKey } from '../../src/review/file.js';
import { makeAnalysis } from './fixture.js';

const analysis = makeAnalysis();
const model = buildModel(analysis);
const AT = '2026-01-01T00:00:00.000Z';
const flagIndex = (text: string) => analysis.flags.findIndex((f) => f.text === text);
const keyOf = (text: string) => flagKey(analysis.flags[flagIndex(text)]!);
const start = (position: { sentence: number; flag?: string } = { sentence: 0 }) => initialState(model, { position, decisions: {} }, false);
const run = (state: ReviewState, ...actions: Action[]) => actions.reduce((s, a) => reduce(model, s, a), state);
const selectedText = (s: ReviewState) => (s.flag === undefined ? undefined : analysis.flags[s.flag]!.text);

describe('initial state', () => {
  it('starts at the first sentence with its first flag selected', () => {
    const s = start();
    expect(s.sentence).toBe(0);
    expect(selectedText(s)).toBe('geiseln');
    expect(s.filter).toBe('all');
  });

  it('resumes at the saved sentence and flag', () => {
    const s = start({ sentence: 1, flag: keyOf('Geisel') });
    expect(s.sentence).toBe(1);
    expect(selectedText(s)).toBe('Geisel');
    expect(positionOf(model, s)).toEqual({ sentence: 1, flag: keyOf('Geisel') });
  });

  it('clamps a saved position beyond the document and ignores an unknown flag key', () => {
    expect(start({ sentence: 999 }).sentence).toBe(analysis.sentences.length - 1);
    expect(selectedText(start({ sentence: 1, flag: '0-1:spelling' }))).toBe('Messenger');
  });
});

describe('navigation', () => {
  it('moves between sentences, clamped at both ends, and selects the first flag of the new sentence', () => {
    const s = run(start(), { type: 'move', delta: 1 });
    expect(s.sentence).toBe(1);
    expect(selectedText(s)).toBe('Messenger');
    expect(run(start(), { type: 'move', delta: -1 }).sentence).toBe(0);
    expect(run(start(), { type: 'jump', to: 'last' }).sentence).toBe(analysis.sentences.length - 1);
    expect(run(start(), { type: 'move', delta: 100 }).sentence).toBe(analysis.sentences.length - 1);
  });

  it('moves between the flags of one sentence in the flags pane', () => {
    const s = run(start({ sentence: 1 }), { type: 'pane' }, { type: 'move', delta: 1 });
    expect(s.pane).toBe('flags');
    expect(s.sentence).toBe(1);
    expect(selectedText(s)).toBe('Geisel');
    expect(selectedText(run(s, { type: 'move', delta: 1 }))).toBe('Geisel');
  });

  it('n and N walk the flags in document order, moving the sentence selection, and wrap around', () => {
    const seen: string[] = [];
    let s = start();
    for (let i = 0; i < analysis.flags.length; i++) {
      s = run(s, { type: 'flag', delta: 1 });
      seen.push(`${s.sentence}:${selectedText(s)}`);
    }
    expect(seen).toEqual(['1:Messenger', '1:Geisel', '3:published', '5:215', '7:publish', '0:geiseln']);
    expect(s.status?.text).toMatch(/wrapped/);
    const back = run(start(), { type: 'flag', delta: -1 });
    expect(selectedText(back)).toBe('publish');
  });

  it('n from a sentence without flags goes to the next flagged sentence', () => {
    const s = run(start({ sentence: 2 }), { type: 'flag', delta: 1 });
    expect(s.sentence).toBe(3);
    expect(selectedText(s)).toBe('published');
    expect(selectedText(run(start({ sentence: 2 }), { type: 'flag', delta: -1 }))).toBe('Geisel');
  });

  it('r cycles through the alternative matches and resets on a new sentence', () => {
    const s = run(start(), { type: 'match' });
    expect(s.match).toBe(1);
    expect(run(s, { type: 'match' }).match).toBe(0);
    expect(run(s, { type: 'move', delta: 1 }).match).toBe(0);
    expect(run(start({ sentence: 2 }), { type: 'match' }).status?.text).toMatch(/no reference/);
  });
});

describe('filters', () => {
  it('cycles through fixed filters, then the categories that have flags, then back to all', () => {
    const order: string[] = [];
    let s = start();
    for (let i = 0; i < model.filters.length; i++) {
      s = run(s, { type: 'filter' });
      order.push(s.filter);
    }
    expect(order).toEqual(['flagged', 'undecided', 'unsupported', 'low', 'critical', 'major', 'minor', 'category:untranslated', 'category:mistranslation', 'category:number', 'all']);
  });

  it('keeps the selection on a sentence the filter shows', () => {
    let s = run(start(), { type: 'filter' }, { type: 'filter' }, { type: 'filter' }, { type: 'filter' }, { type: 'filter' });
    expect(s.filter).toBe('critical');
    expect(visibleSentences(model, s.filter, s.decisions)).toEqual([3, 5]);
    expect(s.sentence).toBe(3);
    expect(selectedText(s)).toBe('published');
    s = run(s, { type: 'move', delta: 1 });
    expect(s.sentence).toBe(5);
    expect(run(s, { type: 'flag', delta: 1 }).sentence).toBe(3);
  });

  it('a filter that hides some flags of a sentence selects only the visible ones', () => {
    const s = run(start({ sentence: 1 }), ...Array.from({ length: 7 }, () => ({ type: 'filter' }) as Action));
    expect(s.filter).toBe('minor');
    expect(selectedText(s)).toBe('Messenger');
    expect(selectedText(run(s, { type: 'pane' }, { type: 'move', delta: 1 }))).toBe('Messenger');
  });
});

describe('decisions', () => {
  it('accept and dismiss record the decision with its time, u clears it', () => {
    let s = run(start(), { type: 'decide', status: 'accepted', at: AT });
    expect(s.decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', at: AT });
    s = run(s, { type: 'decide', status: 'dismissed', at: AT });
    expect(s.decisions[keyOf('geiseln')]?.status).toBe('dismissed');
    s = run(s, { type: 'undecide' });
    expect(s.decisions[keyOf('geiseln')]).toBeUndefined();
  });

  it('refuses to decide when no flag is selected', () => {
    const s = run(start({ sentence: 2 }), { type: 'decide', status: 'accepted', at: AT });
    expect(s.decisions).toEqual({});
    expect(s.status?.tone).toBe('error');
  });

  it('under the undecided filter, deciding walks on to the next open flag', () => {
    let s = run(start({ sentence: 1 }), { type: 'filter' }, { type: 'filter' });
    expect(s.filter).toBe('undecided');
    expect(selectedText(s)).toBe('Messenger');
    s = run(s, { type: 'decide', status: 'dismissed', at: AT });
    expect(selectedText(s)).toBe('Geisel');
    s = run(s, { type: 'decide', status: 'accepted', at: AT });
    expect(s.sentence).toBe(3);
    expect(selectedText(s)).toBe('published');
  });

  it('a comment on an open flag saves it as accepted and says so; an empty comment removes it', () => {
    let s = run(start(), { type: 'open', purpose: 'comment' }, { type: 'type', text: 'ask the editor' });
    expect(s.mode).toMatchObject({ kind: 'input', purpose: 'comment', text: 'ask the editor' });
    s = run(s, { type: 'submit', at: AT });
    expect(s.mode.kind).toBe('browse');
    expect(s.decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', comment: 'ask the editor', at: AT });
    expect(s.status?.text).toMatch(/accepted/);
    s = run(s, { type: 'open', purpose: 'comment' });
    expect(s.mode).toMatchObject({ text: 'ask the editor' });
    s = run(s, ...Array.from({ length: 20 }, () => ({ type: 'erase' }) as Action), { type: 'submit', at: AT });
    expect(s.decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', at: AT });
  });

  it('editing starts from the tool suggestion and keeps an earlier dismissal', () => {
    let s = run(start(), { type: 'decide', status: 'dismissed', at: AT }, { type: 'open', purpose: 'suggestion' });
    expect(s.mode).toMatchObject({ kind: 'input', text: 'hostages' });
    s = run(s, { type: 'erase' }, { type: 'submit', at: AT });
    expect(s.decisions[keyOf('geiseln')]).toMatchObject({ status: 'dismissed', suggestion: 'hostage', at: AT });
  });

  it('cancel leaves the decisions untouched', () => {
    const s = run(start(), { type: 'open', purpose: 'comment' }, { type: 'type', text: 'x' }, { type: 'cancel' });
    expect(s.decisions).toEqual({});
    expect(s.mode.kind).toBe('browse');
  });

  it('typed text loses control characters (a paste cannot smuggle escapes into the review file)', () => {
    const s = run(start(), { type: 'open', purpose: 'comment' }, { type: 'type', text: 'a\x1b[2Jb\x07c\nd' });
    expect(s.mode).toMatchObject({ text: 'a[2Jbcd' });
  });

  it('backspaces inside a burst of typed keys erase', () => {
    const s = run(start(), { type: 'open', purpose: 'suggestion' }, { type: 'type', text: '\x7f\x7fges!\x7f' });
    expect(s.mode).toMatchObject({ text: 'hostagges' });
  });
});

describe('search', () => {
  it('jumps to the next sentence containing the text, case-insensitively, and wraps', () => {
    let s = run(start(), { type: 'open', purpose: 'search' }, { type: 'type', text: 'HAMAS' }, { type: 'submit', at: AT });
    expect(s.sentence).toBe(1);
    s = run(s, { type: 'open', purpose: 'search' }, { type: 'submit', at: AT });
    expect(s.sentence).toBe(2);
    s = run(s, { type: 'open', purpose: 'search' }, { type: 'submit', at: AT });
    expect(s.sentence).toBe(0);
  });

  it('resets a filter that hides the hit, and reports a miss', () => {
    let s = run(start(), { type: 'filter' });
    s = run(s, { type: 'open', purpose: 'search' }, { type: 'type', text: 'not clear' }, { type: 'submit', at: AT });
    expect(s.sentence).toBe(2);
    expect(s.filter).toBe('all');
    const miss = run(start(), { type: 'open', purpose: 'search' }, { type: 'type', text: 'zebra' }, { type: 'submit', at: AT });
    expect(miss.sentence).toBe(0);
    expect(miss.status).toMatchObject({ tone: 'error' });
  });
});
