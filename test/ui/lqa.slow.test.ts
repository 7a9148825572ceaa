import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewFile } from '../../src/review/file.js';
import { ROOT, SEEDS } from '../cli/run.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const socket = `mtdiff-lqa-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'lqa').stdout;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keys = (...k: string[]) => tmux('send-keys', '-t', 'lqa', ...k);

async function waitFor(check: (s: string) => boolean, what: string, tries = 600): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const s = screen();
    if (check(s)) return s;
    await sleep(200);
  }
  throw new Error(`terminal never showed ${what}; screen:\n${screen()}`);
}

const mqmOf = (s: string) => Number(/MQM ([\d.]+)/.exec(s)![1]);
const afterOf = (s: string) => Number(/→ ([\d.]+) after review/.exec(s)?.[1] ?? NaN);

describe.skipIf(!hasTmux)('an LQA review of seed 004 in a real terminal (tmux 160x48)', () => {
  let dir: string;
  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'mtdiff-lqa-'));
    for (const s of SEEDS) copyFileSync(join(ROOT, s), join(dir, basename(s)));
  });
  afterAll(() => {
    tmux('kill-server');
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes a severity, adds an error, marks a sentence, undoes, exports, and the report has the new numbers', async () => {
    const files = SEEDS.map((s) => join(dir, basename(s)));
    const cmd = `MTDIFF_FREEDICT_DE=/nonexistent/x node ${ROOT}dist/cli/main.js review ${files.join(' ')}; echo "mtdiff exited $?"; sleep 600`;
    expect(tmux('new-session', '-d', '-s', 'lqa', '-x', '160', '-y', '48', '-c', dir, cmd).status).toBe(0);
    let s = await waitFor((x) => x.includes('Sentences') && x.includes('q quit'), 'the review screen');
    const before = mqmOf(s);
    // The first flag of seed 004 is the minor punctuation "long -term" (0.1): as critical it weighs 10.
    expect(s).toMatch(/▶ m minor punctuation "long -term"/);
    keys('3');
    s = await waitFor((x) => x.includes('accepted as critical'), 'the new severity');
    expect(afterOf(s)).toBeCloseTo(before + 9.9, 5);
    // Sentence 3 has no flag: add a major mistranslation on its first word, without a fix.
    keys('j');
    keys('j');
    await waitFor((x) => /▶ {2}3/.test(x), 'sentence 3');
    keys('i');
    await waitFor((x) => x.includes('select the words'), 'the word selection');
    keys('Enter');
    await waitFor((x) => x.includes('category:'), 'the category choice');
    keys('m');
    await waitFor((x) => x.includes('severity:'), 'the severity choice');
    keys('2');
    await waitFor((x) => x.includes('your fix:'), 'the fix field');
    keys('Escape');
    s = await waitFor((x) => x.includes('+ added by you'), 'the added error');
    expect(afterOf(s)).toBeCloseTo(before + 9.9 + 5, 5);
    // Mark it OK, undo that, mark it "needs rewrite" (it already has a major error: no extra penalty).
    keys('o');
    await waitFor((x) => x.includes('marked OK'), 'the OK mark');
    keys('u');
    await waitFor((x) => x.includes('undone'), 'the undo');
    keys('w');
    s = await waitFor((x) => x.includes('marked needs rewrite'), 'the rewrite mark');
    const after = afterOf(s);
    expect(after).toBeCloseTo(before + 9.9 + 5, 5);
    keys('x');
    await waitFor((x) => x.includes('written:'), 'the export');
    keys('q');
    s = await waitFor((x) => x.includes('mtdiff exited'), 'the exit');
    expect(s).toContain('mtdiff exited 0');

    const review = JSON.parse(readFileSync(join(dir, '004_105117b8f2f418e5.txt.review.json'), 'utf8')) as ReviewFile;
    expect(Object.values(review.marks ?? {}).map((m) => m.status)).toEqual(['rewrite']);
    expect(review.added).toHaveLength(1);
    const report = readFileSync(join(dir, '004_105117b8f2f418e5.report.md'), 'utf8');
    const row = /\| MQM penalty \| \*\*([\d.]+)\*\* \| \*\*([\d.]+)\*\* \|/.exec(report);
    expect(row, report.slice(0, 2000)).not.toBeNull();
    expect(Number(row![1])).toBeCloseTo(before, 1);
    expect(Number(row![2])).toBeCloseTo(after, 1);
    expect(report).toContain('### Errors added by the reviewer');
    expect(readFileSync(join(dir, '004_105117b8f2f418e5.mqm.tsv'), 'utf8').split('\n')[0]).toContain('system\tdoc');
    expect(readFileSync(join(dir, '004_105117b8f2f418e5.corrected.txt'), 'utf8')).toContain('long -term');
  }, 180_000);
});
