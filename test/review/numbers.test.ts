import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewNumbers } from '../../src/review/numbers.js';
import { attachReview, locate } from '../../src/review/attach.js';
import { anchorAt, fitSpaces } from '../../src/review/errors.js';
import { correctedText, mqmTable } from '../../src/review/exports.js';
import { emptyReview, flagKey, loadReview, type ReviewFile } from '../../src/review/file.js';
import { parseMqmTsv } from '../../src/eval/mqm-tsv.js';
import { renderReport } from '../../src/report/markdown.js';
import { makeAnalysis, MT_TEXT } from '../ui/fixture.js';

const analysis = makeAnalysis();
const AT = '2026-01-01T00:00:00.000Z';
const flag = (text: string) => analysis.flags.find((f) => f.text === text)!;
const anchor = (text: string) => anchorAt(MT_TEXT, flag(text).start, flag(text).end);

function reviewed(): ReviewFile {
  const r = emptyReview(analysis.mt, MT_TEXT);
  r.decisions[flagKey(flag('geiseln'))] = { status: 'accepted', severity: 'critical', at: AT, anchor: anchor('geiseln') };
  r.decisions[flagKey(flag('published'))] = { status: 'dismissed', at: AT, anchor: anchor('published') };
  r.decisions[flagKey(flag('215'))] = { status: 'accepted', suggestion: '251', at: AT, anchor: anchor('215') };
  const start = MT_TEXT.indexOf('smart');
  r.added = [{ id: '1', start, end: start + 5, category: 'mistranslation', severity: 'minor', anchor: anchorAt(MT_TEXT, start, start + 5), at: AT }];
  r.decisions['added:1'] = { status: 'accepted', suggestion: 'wise', at: AT };
  r.marks = { '2': { status: 'rewrite', text: analysis.sentences[2]!.text, at: AT } };
  return r;
}

describe('post-review numbers', () => {
  it('accepted flags and added errors count with the reviewer severity, dismissed ones not, open ones as found', () => {
    const n = reviewNumbers(analysis, reviewed());
    expect(n.mtdiff.mqm).toBe(36);
    expect(n.mtdiff.counts).toEqual({ critical: 2, major: 3, minor: 1 });
    // geiseln 5 -> 10, published (critical 10) dismissed, 215 critical 10 stays, Geisel 5 + Messenger 1 + publish 5 open,
    // smart minor 1, rewrite of sentence 3 one major 5: 10 + 10 + 5 + 1 + 5 + 1 + 5 = 37.
    expect(n.afterReview.mqm).toBe(37);
    expect(n.afterReview.counts).toEqual({ critical: 2, major: 3, minor: 2 });
    expect(n.afterReview.verdict).toBe('Needs revision: 2 critical, 3 major, 2 minor');
    expect(n).toMatchObject({ accepted: 2, dismissed: 1, open: 3, added: 1, rewrite: 1 });
    // Sentences 1 (all flags decided), 3 (marked), 4 (decided), 6 (decided), 7 (added): 5 of 8.
    expect(n.reviewedSentences).toBe(5);
    expect(n.reviewedShare).toBeCloseTo(5 / 8);
  });

  it('dismissing everything leaves no errors and says so', () => {
    const r = emptyReview(analysis.mt, MT_TEXT);
    for (const f of analysis.flags) r.decisions[flagKey(f)] = { status: 'dismissed', at: AT };
    const n = reviewNumbers(analysis, r);
    expect(n.afterReview).toMatchObject({ mqm: 0, verdict: 'No issues found: 0 critical, 0 major, 0 minor' });
  });

  it('the report shows mtdiff and after review side by side, the share reviewed and the added errors', () => {
    const md = renderReport(analysis, { review: reviewed(), date: '2026-01-01' });
    expect(md).toContain('### mtdiff vs after review');
    expect(md).toMatch(/\| MQM penalty \| \*\*36\*\* \| \*\*37\*\* \|/);
    expect(md).toContain('Reviewed: 5 of 8 sentences (63%)');
    expect(md).toContain('### Errors added by the reviewer');
    expect(md).toMatch(/\| 7 \| smart \| mistranslation \| minor \| wise \|/);
    expect(md).toContain('#### Flags the reviewer re-rated');
    expect(md).toMatch(/\| 1 \| geiseln \| major untranslated \| critical untranslated \|/);
  });
});

describe('exports', () => {
  it('the corrected article applies accepted fixes only, keeping the spans\' outer spaces', () => {
    const text = correctedText(analysis, reviewed(), MT_TEXT);
    expect(text).toContain('took 251 hostages');
    expect(text).toContain('Make a wise decision.');
    // geiseln was accepted without a fix of its own: mtdiff's suggestion applies. "published" was dismissed.
    expect(text).toContain('US hostages in Gaza');
    expect(text).toContain('recently been published');
    expect(fitSpaces(' and prisoners', 'and detainees')).toBe(' and detainees');
    expect(fitSpaces('prisoners ', ' detainees')).toBe('detainees ');
  });

  it('the MQM table has one row per error and reads back with the MQM TSV reader', () => {
    const tsv = mqmTable(analysis, reviewed(), MT_TEXT);
    const lines = tsv.trim().split('\n');
    // geiseln, 215, smart, and the rewrite of sentence 3.
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toBe('system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity');
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-tsv-'));
    try {
      writeFileSync(join(dir, 'a.tsv'), tsv);
      const segments = parseMqmTsv(readFileSync(join(dir, 'a.tsv'), 'utf8'));
      const errors = segments.flatMap((s) => s.errors.map((e) => ({ seg: s.segId, text: s.target.slice(e.spans[0]!.start, e.spans[0]!.end), category: e.category, severity: e.severity })));
      expect(errors).toContainEqual({ seg: '1', text: 'geiseln', category: 'Non-translation', severity: 'Critical' });
      expect(errors).toContainEqual({ seg: '7', text: 'smart', category: 'Accuracy/Mistranslation', severity: 'Minor' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('review files that survive edits', () => {
  const edited = MT_TEXT.replace('It was not clear who represented Hamas.', 'It was unclear who spoke for Hamas, officials said.');
  const shift = edited.length - MT_TEXT.length;
  const editedAnalysis = (() => {
    const a = makeAnalysis();
    const cut = MT_TEXT.indexOf('Trump met');
    a.sentences = a.sentences.map((s) => (s.index === 2 ? { ...s, text: 'It was unclear who spoke for Hamas, officials said.', end: s.end + shift } : s.start >= cut ? { ...s, start: s.start + shift, end: s.end + shift } : s));
    a.flags = a.flags.map((f) => (f.start >= cut ? { ...f, start: f.start + shift, end: f.end + shift } : f));
    return a;
  })();

  it('decisions, added errors and marks follow their text; what has no place is kept, not dropped', () => {
    const { review, unplaced, moved } = attachReview(reviewed(), editedAnalysis, edited);
    const moved215 = editedAnalysis.flags.find((f) => f.text === '215')!;
    expect(review.decisions[flagKey(moved215)]).toMatchObject({ status: 'accepted', suggestion: '251' });
    expect(review.decisions[flagKey(flag('geiseln'))]).toMatchObject({ severity: 'critical' });
    expect(review.added![0]!.start).toBe(edited.indexOf('smart'));
    // The sentence marked "needs rewrite" was rewritten: its mark cannot be placed and is kept as unplaced.
    expect(unplaced).toEqual([expect.objectContaining({ kind: 'mark', key: '2' })]);
    expect(review.unplaced).toHaveLength(1);
    expect(moved).toBeGreaterThan(0);
    expect(reviewNumbers(editedAnalysis, review).accepted).toBe(2);
  });

  it('a span found more than once needs agreeing context; found once it is taken', () => {
    const a = anchorAt('the cat and the dog', 12, 15);
    expect(locate(a, 'one more: the cat and the dog', 12)).toEqual({ start: 22, end: 25 });
    expect(locate({ text: 'the', before: 'xyz', after: 'qqq' }, 'the a the', 0)).toBeUndefined();
    expect(locate({ text: 'cat', before: '', after: '' }, 'a cat', 9)).toEqual({ start: 2, end: 5 });
  });

  it('loads a file made for an edited version and refuses one made for another article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-attach-'));
    try {
      const path = join(dir, 'r.json');
      writeFileSync(path, JSON.stringify(reviewed()));
      expect(loadReview(path, 'mt.txt', edited).decisions).toBeDefined();
      const other = readFileSync(new URL('../../seeds/000_ca9d7fcf8c42fc70.txt', import.meta.url), 'utf8');
      expect(() => loadReview(path, 'other.txt', other)).toThrow(/made for another article/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
