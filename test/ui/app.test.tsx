import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, cleanup } from 'ink-testing-library';
import { ReviewApp } from '../../src/ui/components/ReviewApp.js';
import { emptyReview, flagKey, loadReview, type ReviewFile } from '../../src/review/file.js';
import { makeAnalysis, MT_TEXT } from './fixture.js';
import { frameWhere, press } from './frames.js';

const analysis = makeAnalysis();
const NOW = new Date('2026-02-03T04:05:06.000Z');
const keyOf = (text: string) => flagKey(analysis.flags.find((f) => f.text === text)!);
const KEYS = { down: '\x1b[B', up: '\x1b[A', tab: '\t', enter: '\r', escape: '\x1b', backspace: '\x7f' };

let dir: string;
let reviewPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-ui-'));
  reviewPath = join(dir, 'r.json');
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const saved = (): ReviewFile => JSON.parse(readFileSync(reviewPath, 'utf8')) as ReviewFile;
const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▶')) ?? '';
const selectedFlagLine = (frame: string) => frame.split('\n').filter((l) => l.startsWith('▶')).pop() ?? '';

function start(review: ReviewFile = emptyReview(analysis.mt, MT_TEXT), extra: Partial<Parameters<typeof ReviewApp>[0]> = {}) {
  return render(<ReviewApp analysis={analysis} review={review} reviewPath={reviewPath} size={{ columns: 100, rows: 30 }} now={() => NOW} autoAdvance={false} {...extra} />);
}

describe('review screen', () => {
  it('shows the header, the sentence list, the reference, the diff and the flags', async () => {
    const app = start();
    const frame = await frameWhere(app, (f) => f.includes('Sentences'), 'the sentence list');
    expect(frame).toContain('score 0.612');
    expect(frame).toContain('MQM 36');
    expect(frame).toMatch(/critical 2\s+major 3\s+minor 1/);
    expect(frame).toContain('model:fixture');
    expect(selectedLine(frame)).toMatch(/▶ 1 M\s+The United States/);
    expect(frame).toContain('Reference 1/2 · sim 0.800 · ref-a.txt #1');
    expect(frame).toContain('[-The United States held secret talks with Hamas-]{+Reference A sentence 1+} about');
    expect(frame).toContain('major untranslated "geiseln" → "hostages" · open');
    expect(frame).toContain('evidence ref-a.txt #5');
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('escapes control sequences in article text', async () => {
    const app = start({ ...emptyReview(analysis.mt, MT_TEXT), position: { sentence: 4 } });
    const frame = await frameWhere(app, (f) => f.includes('Injected'), 'sentence 5');
    expect(frame).toContain('\\x1b[2J\\x1b]52;c;cGF3bmVk\\x07');
    expect(frame).not.toContain('\x1b[2J');
    expect(frame).not.toContain('\x1b]52');
    expect(frame).not.toContain('\x07');
  });

  it('navigates, jumps to flags, filters, decides, comments and saves every change', async () => {
    const app = start();
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'j');
    let frame = await frameWhere(app, (f) => selectedLine(f).includes('Messenger'), 'sentence 2 selected');
    expect(selectedLine(frame)).toMatch(/▶ 2/);
    await press(app, KEYS.down, 'k');
    frame = await frameWhere(app, (f) => selectedLine(f).includes('Messenger'), 'back on sentence 2');

    await press(app, 'n');
    frame = await frameWhere(app, (f) => selectedFlagLine(f).includes('"Geisel"'), 'the Geisel flag');
    expect(frame).toContain('Flags 2/2 in sentence 2');
    await press(app, 'a');
    frame = await frameWhere(app, (f) => selectedFlagLine(f).includes('✓ accepted'), 'the decision');
    expect(saved().decisions[keyOf('Geisel')]).toMatchObject({ status: 'accepted', at: NOW.toISOString(), anchor: { text: 'Geisel' } });
    expect(saved().position).toEqual({ sentence: 1, flag: keyOf('Geisel') });
    expect(frame).toContain('decided 1/6');

    await press(app, 'n');
    await frameWhere(app, (f) => selectedFlagLine(f).includes('"published"'), 'the published flag');
    await press(app, 'd');
    await frameWhere(app, (f) => selectedFlagLine(f).includes('✗ dismissed'), 'the dismissal');
    expect(saved().decisions[keyOf('published')]?.status).toBe('dismissed');

    await press(app, 'c', ...'ask the desk', KEYS.enter);
    frame = await frameWhere(app, (f) => f.includes('comment: ask the desk'), 'the comment');
    expect(saved().decisions[keyOf('published')]).toMatchObject({ status: 'dismissed', comment: 'ask the desk', at: NOW.toISOString() });

    // Under "undecided" the selection leaves sentence 4 (all its flags are decided) for the next open flag.
    await press(app, 'f', 'f', 'f', 'f', 'f');
    frame = await frameWhere(app, (f) => f.includes('filter critical'), 'the critical filter');
    expect(frame).not.toContain('It was not clear');
    expect(frame).toMatch(/ 4 ✗ +Trump met a group/);
    expect(selectedLine(frame)).toMatch(/▶ 4 ✗ +Trump met a group/);
    expect(frame).toContain('Sentences 1/2');

    await press(app, 'q');
    expect(saved().position).toEqual({ sentence: 3, flag: keyOf('published') });
  });

  it('edits the suggestion inline and shows the own fix', async () => {
    const app = start();
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'e');
    await frameWhere(app, (f) => f.includes('your fix: hostages█'), 'the prefilled input');
    await press(app, KEYS.backspace, ...' held', KEYS.enter);
    const frame = await frameWhere(app, (f) => f.includes('your fix: "hostage held"'), 'the own fix');
    expect(frame).toContain('→ "hostage held"');
    expect(saved().decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', suggestion: 'hostage held', at: NOW.toISOString() });
  });

  it('cycles reference matches, searches, and opens the help overlay', async () => {
    const app = start();
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'r');
    await frameWhere(app, (f) => f.includes('Reference 2/2 · sim 0.600 · ref-b.txt #11'), 'the alternative match');
    await press(app, '/', ...'smart', KEYS.enter);
    let frame = await frameWhere(app, (f) => selectedLine(f).includes('Make a smart decision'), 'the search hit');
    expect(frame).toContain('"smart" in sentence 7');
    await press(app, '?');
    frame = await frameWhere(app, (f) => f.includes('Keys'), 'the help');
    expect(frame).toContain('dismiss the selected flag as a false alarm');
    await press(app, KEYS.escape);
    await frameWhere(app, (f) => !f.includes('dismiss the selected flag as a false alarm') && f.includes('Sentences'), 'help closed');
  });

  it('counts every key of a burst typed faster than the redraw, and a field opened on the way gets the rest', async () => {
    const app = start();
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'jjj');
    await frameWhere(app, (f) => selectedLine(f).includes('Trump met a group'), 'sentence 4 after three j');
    await press(app, 'cdouble-check');
    await frameWhere(app, (f) => f.includes('comment: double-check█'), 'the comment field with the rest of the burst');
  });

  it('reopening resumes at the saved position and shows the decisions', async () => {
    const first = start();
    await frameWhere(first, (f) => f.includes('Sentences'), 'the screen');
    await press(first, 'n', 'n', 'n');
    await frameWhere(first, (f) => selectedFlagLine(f).includes('"published"'), 'the published flag');
    await press(first, 'a', 'q');
    first.unmount();

    const review = loadReview(reviewPath, analysis.mt, MT_TEXT);
    const again = start(review);
    const frame = await frameWhere(again, (f) => f.includes('Sentences'), 'the screen');
    expect(selectedLine(frame)).toMatch(/▶ 4 ✓/);
    expect(selectedFlagLine(frame)).toContain('"published" → "released" · ✓ accepted');
    expect(frame).toContain('decided 1/6');
  });

  it('exports next to the MT file, asks before overwriting, and shows where the files went', async () => {
    const mtPath = join(dir, 'mt-fixture.txt');
    writeFileSync(mtPath, MT_TEXT);
    const app = start(undefined, { exports: { mtText: MT_TEXT, mtPath, date: () => '2026-02-03' } });
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'a', 'x');
    const report = join(dir, 'mt-fixture.report.md');
    await frameWhere(app, (f) => f.includes('written:'), 'the export status');
    expect(readFileSync(report, 'utf8')).toContain('2026-02-03');
    expect(readFileSync(join(dir, 'mt-fixture.corrected.txt'), 'utf8')).toContain('US hostages in Gaza');
    expect(readFileSync(join(dir, 'mt-fixture.corrected.diff'), 'utf8')).toContain('+The United States held secret talks with Hamas about US hostages');
    expect(readFileSync(join(dir, 'mt-fixture.mqm.tsv'), 'utf8')).toContain('<v>geiseln</v>');
    writeFileSync(report, 'my notes');
    await press(app, 'x');
    await frameWhere(app, (f) => f.includes('overwrite') && f.includes('mt-fixture.report.md'), 'the question');
    await press(app, 'n');
    await frameWhere(app, (f) => !f.includes('overwrite'), 'the question answered');
    expect(readFileSync(report, 'utf8')).toBe('my notes');
    await press(app, 'x', 'y');
    await frameWhere(app, (f) => f.includes('written:'), 'the second export');
    expect(readFileSync(report, 'utf8')).toContain('mtdiff vs after review');
  });

  it('shows an export failure on the status line instead of crashing', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the export directory should be');
    const app = start(undefined, { exports: { mtText: MT_TEXT, mtPath: join(dir, 'mt.txt'), reportDir: join(dir, 'blocker', 'x') } });
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'x');
    await frameWhere(app, (f) => /cannot|ENOTDIR|not a directory|failed/i.test(f), 'the error');
  });

  it('follows the terminal size: at 80x24 everything fits and the selection stays visible', async () => {
    const app = render(<ReviewApp analysis={analysis} review={emptyReview(analysis.mt, MT_TEXT)} reviewPath={reviewPath} now={() => NOW} />);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    await press(app, 'G');
    const frame = await frameWhere(app, (f) => selectedLine(f).includes('Now publish the hostages'), 'the last sentence');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame).not.toContain('The United States held');
    expect(frame).toContain('q quit');
  });
});
