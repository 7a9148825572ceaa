import { describe, expect, it } from 'vitest';
import { emptyReview } from '../../src/review/file.js';
import { buildModel } from '../../src/ui/model.js';
import { initialState } from '../../src/ui/state.js';
import { flagLines } from '../../src/ui/views/flags.js';
import { makeAnalysis, MT_TEXT } from './fixture.js';

const text = (lines: { text: string }[][]) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('flags pane: recurring errors (the grouping the reports use)', () => {
  it('says where else the same wrong word with the same fix occurs', () => {
    const analysis = makeAnalysis();
    // 'published' -> 'released' in sentence 4 and 'publish' -> 'release' in sentence 8: one problem, two places.
    const publish = analysis.flags.find((f) => f.text === 'publish')!;
    publish.suggestion = 'release';
    const model = buildModel(analysis);
    const state = { ...initialState(model, emptyReview(analysis.mt, MT_TEXT), false), sentence: 3, flag: analysis.flags.findIndex((f) => f.text === 'published') };
    expect(text(flagLines(model, state, 100, 30))).toContain('recurring: 2 times, sentences 4, 8');
  });

  it('says nothing for a problem that occurs once', () => {
    const analysis = makeAnalysis();
    const model = buildModel(analysis);
    const state = { ...initialState(model, emptyReview(analysis.mt, MT_TEXT), false), sentence: 3, flag: analysis.flags.findIndex((f) => f.text === 'published') };
    expect(text(flagLines(model, state, 100, 30))).not.toContain('recurring');
  });
});
