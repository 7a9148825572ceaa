import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, cleanup } from 'ink-testing-library';
import { ReviewApp } from '../../src/ui/components/ReviewApp.js';
import { emptyReview, flagKey, type ReviewFile } from '../../src/review/file.js';
import { makeAnalysis, MT_TEXT } from './fixture.js';
import { frameWhere, press } from './frames.js';

const analysis = makeAnalysis();
const NOW = new Date('2026-02-03T04:05:06.000Z');
const keyOf = (text: string) => flagKey(analysis.flags.find((f) => f.text === text)!);
const K = { enter: '\r', escape: '\x1b', backspace: '\x7f', left: '\x1b[D', right: '\x1b[C', shiftRight: '\x1b[1;2C', ctrlA: '\x01', ctrlE: '\x05', ctrlU: '\x15', ctrlW: '\x17', ctrlK: '\x0b', ctrlR: '\x12', ctrlZ: '\x1a', down: '\x1b[B' };

let dir: string;
let reviewPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-lqa-'));
  reviewPath = join(dir, 'r.json');
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const saved = (): ReviewFile => JSON.parse(readFileSync(reviewPath, 'utf8')) as ReviewFile;
const flagRow = (frame: string) => frame.split('\n').filter((l) => l.startsWith('▶')).pop() ?? '';

function start(autoAdvance = true, size = { columns: 120, rows: 32 }) {
  return render(<ReviewApp analysis={analysis} review={emptyReview(analysis.mt, MT_TEXT)} reviewPath={reviewPath} size={size} now={() => NOW} autoAdvance={autoAdvance} />);
}

describe('LQA editing', () => {
  it('1/2/3 accept with a severity, auto-advance moves on, and the header shows the numbers after review', async () => {
    const app = start();
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, '3');
    let frame = await frameWhere(app, (f) => flagRow(f).includes('"Messenger"'), 'auto-advance to the next flag');
    expect(saved().decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', severity: 'critical' });
    // geiseln major (5) -> critical (10): 36 -> 41.
    expect(frame).toContain('MQM 36 → 41 after review');
    await press(app, 'd');
    frame = await frameWhere(app, (f) => flagRow(f).includes('"Geisel"'), 'the next flag after a dismissal');
    expect(frame).toContain('MQM 36 → 40 after review');
    await press(app, 'A', 'a');
    frame = await frameWhere(app, (f) => flagRow(f).includes('✓ accepted'), 'the decision, staying on the flag');
    expect(flagRow(frame)).toContain('"Geisel"');
  });

  it('t changes the category by its first letter; the row shows what mtdiff said', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 't');
    await frameWhere(app, (f) => f.includes('category:') && f.includes('untranslated'), 'the category choice');
    await press(app, 'm');
    const frame = await frameWhere(app, (f) => flagRow(f).includes('major mistranslation (mtdiff: major untranslated)'), 'the changed category');
    expect(frame).toContain('category: mistranslation');
    expect(saved().decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted', category: 'mistranslation' });
    // ← → and enter choose too.
    await press(app, 't', K.right, K.enter);
    await frameWhere(app, (f) => flagRow(f).includes('major omission'), 'the next category');
  });

  it('i adds an error over words chosen with the keyboard, with category, severity and fix; d removes it', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    // Starts on the selected flag's word ("geiseln"), moves one word right ("in") and extends to "Gaza".
    await press(app, 'i', 'l', 'L', K.enter);
    await frameWhere(app, (f) => f.includes('category:'), 'the category choice');
    await press(app, 'o', '1');
    await frameWhere(app, (f) => f.includes('your fix: in Gaza█'), 'the fix field with the span');
    await press(app, K.ctrlW, ...'to Gaza', K.enter);
    let frame = await frameWhere(app, (f) => flagRow(f).includes('minor omission "in Gaza" → "in to Gaza" · + added by you'), 'the added error');
    const file = saved();
    expect(file.added).toHaveLength(1);
    expect(file.added![0]).toMatchObject({ category: 'omission', severity: 'minor', anchor: { text: 'in Gaza' } });
    expect(file.decisions['added:1']).toMatchObject({ suggestion: 'in to Gaza' });
    expect(frame).toContain('MQM 36 → 37 after review');
    expect(frame).toMatch(/▶ 1 M\+/);
    await press(app, 'd');
    frame = await frameWhere(app, (f) => f.includes('added error removed'), 'the removal');
    expect(saved().added).toEqual([]);
    expect(frame).toContain('MQM 36 (');
    // Shift+→ extends like L; esc leaves without adding.
    await press(app, 'i', K.shiftRight, K.escape);
    await frameWhere(app, (f) => !f.includes('select the words'), 'select cancelled');
    expect(saved().added).toEqual([]);
  });

  it('o and w mark the sentence; the same key again removes the mark; a rewrite counts as a major error', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'j', 'j', 'w');
    let frame = await frameWhere(app, (f) => f.includes('sentence 3 marked needs rewrite'), 'the rewrite mark');
    expect(frame).toMatch(/▶ 3 R/);
    expect(frame).toContain('MQM 36 → 41 after review');
    expect(saved().marks).toMatchObject({ '2': { status: 'rewrite', text: 'It was not clear who represented Hamas.' } });
    await press(app, 'o');
    frame = await frameWhere(app, (f) => /▶ 3 o/.test(f), 'the OK mark');
    expect(frame).toContain('reviewed 1/8 sentences');
    await press(app, 'o');
    frame = await frameWhere(app, (f) => /▶ 3 \?/.test(f), 'the mark removed (unsupported again)');
  });

  it('u undoes and U redoes every kind of change; Ctrl-Z and Ctrl-R too; backspace clears a decision', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'a', 'c', ...'check', K.enter, '2', 'w');
    await frameWhere(app, (f) => f.includes('marked needs rewrite'), 'four changes');
    await press(app, 'u');
    await frameWhere(app, (f) => f.includes('undone'), 'undo');
    expect(saved().marks).toEqual({});
    await press(app, 'u', 'u');
    await frameWhere(app, (f) => !f.includes('comment: check'), 'the comment undone');
    expect(saved().decisions[keyOf('geiseln')]).toMatchObject({ status: 'accepted' });
    expect(saved().decisions[keyOf('geiseln')]?.comment).toBeUndefined();
    await press(app, 'U');
    await frameWhere(app, (f) => f.includes('comment: check'), 'the comment redone');
    await press(app, K.ctrlZ, K.ctrlZ);
    await frameWhere(app, (f) => flagRow(f).includes('· open'), 'back to no decision');
    expect(saved().decisions).toEqual({});
    await press(app, K.ctrlR);
    await frameWhere(app, (f) => flagRow(f).includes('✓ accepted'), 'redone with Ctrl-R');
    await press(app, K.backspace);
    await frameWhere(app, (f) => f.includes('decision cleared'), 'the cleared decision');
    expect(saved().decisions).toEqual({});
    await press(app, 'u');
    await frameWhere(app, (f) => flagRow(f).includes('✓ accepted'), 'the clearing undone');
  });

  it('space jumps to the next undecided flag, skipping decided ones', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'a', 'n', 'a', 'g', ' ');
    await frameWhere(app, (f) => flagRow(f).includes('"Geisel"'), 'the first open flag after geiseln');
    await press(app, ' ');
    await frameWhere(app, (f) => flagRow(f).includes('"published"'), 'the next open flag');
  });

  it('the line editor moves the cursor and knows Ctrl-A/E/U/K/W; leading spaces stay where typed', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'c', ...'world', K.ctrlA, ...'hello ', K.ctrlE, ...' again');
    await frameWhere(app, (f) => f.includes('comment: hello world again█'), 'typed at both ends');
    await press(app, K.ctrlW);
    await frameWhere(app, (f) => f.includes('comment: hello world █'), 'Ctrl-W');
    await press(app, K.left, K.left, K.left, K.ctrlK);
    await frameWhere(app, (f) => f.includes('comment: hello wor█'), 'Ctrl-K');
    await press(app, K.ctrlU, ...'  x');
    await frameWhere(app, (f) => f.includes('comment:   x█'), 'Ctrl-U and leading spaces kept');
    await press(app, K.escape);
    await frameWhere(app, (f) => !f.includes('comment:'), 'cancelled');
  });

  it('a fix keeps the span\'s outer spaces', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'j', 'i', 'h', 'L', K.enter, 'm', '2');
    await frameWhere(app, (f) => f.includes('your fix:'), 'the fix field');
    expect(saved().added![0]!.anchor.text).toBe('The Messenger');
    await press(app, K.ctrlU, ...'The envoy', K.enter);
    await frameWhere(app, (f) => f.includes('"The envoy"'), 'the fix');
    expect(saved().decisions['added:1']?.suggestion).toBe('The envoy');
  });

  it('filters unsupported sentences and low scores, and marks unsupported sentences in the list', async () => {
    const app = start(false);
    let frame = await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    expect(frame).toMatch(/ 3 \? +It was not clear/);
    await press(app, 'f', 'f', 'f');
    frame = await frameWhere(app, (f) => f.includes('filter unsupported'), 'the unsupported filter');
    expect(frame).toContain('Sentences 1/1');
    await press(app, 'f');
    frame = await frameWhere(app, (f) => f.includes('filter low scores'), 'the low-score filter');
    // The fixture scores sentence i at 0.5 + i/20: the lowest quarter is sentences 1 and 2.
    expect(frame).toContain('Sentences 2/2');
    expect(frame).not.toContain('It was not clear');
  });

  it('help scrolls on a small terminal and lists what the review file could not place', async () => {
    const app = render(
      <ReviewApp
        analysis={analysis}
        review={emptyReview(analysis.mt, MT_TEXT)}
        reviewPath={reviewPath}
        size={{ columns: 60, rows: 16 }}
        unplaced={[{ kind: 'decision', key: '3-9:spelling', decision: { status: 'accepted', at: 'x', anchor: { text: 'Hamaz', before: '', after: '' } } }]}
      />,
    );
    let frame = await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    expect(frame).toContain('1 not placed in this text');
    await press(app, '?');
    frame = await frameWhere(app, (f) => f.includes('Keys'), 'the help');
    expect(frame).toMatch(/lines 1-\d+ of \d+/);
    for (let i = 0; i < 10; i++) await press(app, K.down, K.down, K.down, K.down, K.down, K.down);
    frame = await frameWhere(app, (f) => f.includes('accepted "Hamaz" (spelling)'), 'the unplaced item at the end of the help');
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(frame.split('\n').length).toBeLessThanOrEqual(15);
    // G goes to the end, one k moves up at once, g back to the top.
    await press(app, 'g');
    await frameWhere(app, (f) => /lines 1-/.test(f), 'the top');
    await press(app, 'G');
    const end = await frameWhere(app, (f) => f.includes('accepted "Hamaz"'), 'the end');
    const last = Number(/lines \d+-(\d+) of/.exec(end)![1]);
    await press(app, 'k');
    await frameWhere(app, (f) => f.includes(`-${last - 1} of`), 'one line up');
  });

  it('draws every accepted size without a line longer or a frame taller than the terminal', async () => {
    for (const [columns, rows] of [
      [40, 12],
      [50, 12],
      [80, 24],
      [160, 48],
    ] as const) {
      const app = start(false, { columns, rows });
      const frame = await frameWhere(app, (f) => f.includes('Sentences'), `the screen at ${columns}x${rows}`);
      const lines = frame.split('\n');
      expect(lines.length, `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      for (const line of lines) expect([...line].length, `${columns}x${rows}: ${line}`).toBeLessThanOrEqual(columns);
      expect(lines[0], frame).toContain('score 0.612');
      app.unmount();
    }
  });
});

describe('keys typed faster than the redraw', () => {
  it('a burst with Enter in it selects, chooses and adds like separate keys', async () => {
    const app = start(false);
    await frameWhere(app, (f) => f.includes('Sentences'), 'the screen');
    await press(app, 'ilL\r');
    await frameWhere(app, (f) => f.includes('category:'), 'the category choice after the burst');
    await press(app, 'g3');
    await frameWhere(app, (f) => f.includes('your fix: in Gaza█'), 'the fix field');
    await press(app, K.enter);
    await frameWhere(app, (f) => flagRow(f).includes('critical grammar "in Gaza"'), 'the added error');
  });
});
