import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewFile } from '../../src/review/file.js';
import { ROOT, SEEDS } from '../cli/run.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.warn('review.slow.test: tmux is not installed, skipping the real-terminal test (apt-get install tmux)');

/** Its own tmux server (-L), so the test never touches a user's sessions. */
const socket = `mtdiff-test-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (target: string) => tmux('capture-pane', '-p', '-t', target).stdout;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForScreen(target: string, check: (s: string) => boolean, what: string, tries = 600): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const s = screen(target);
    if (check(s)) return s;
    await sleep(200);
  }
  throw new Error(`terminal never showed ${what}; screen:\n${screen(target)}`);
}

/** The flags pane is the lowest block with a ▶ row, so the last ▶ line on screen is the selected flag. */
const selectedFlag = (s: string) => s.split('\n').filter((l) => l.startsWith('▶')).pop() ?? '';

describe.skipIf(!hasTmux)('mtdiff review in a real terminal (tmux 100x30)', () => {
  let dir: string;
  let reviewPath: string;
  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'mtdiff-tmux-'));
    reviewPath = join(dir, 'r.json');
  });
  afterAll(() => {
    tmux('kill-server');
    rmSync(dir, { recursive: true, force: true });
  });

  function open(session: string): void {
    const cmd = `node dist/cli/main.js review ${SEEDS.join(' ')} --review-file ${reviewPath} --no-auto-advance; echo "mtdiff exited $?"; sleep 600`;
    const r = tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', ROOT, cmd);
    expect(r.status, r.stderr).toBe(0);
  }

  it('walks to the geiseln flag, accepts it, and finds the decision again after reopening', async () => {
    open('first');
    await waitForScreen('first', (s) => s.includes('Sentences') && s.includes('q quit'), 'the review screen');
    let s = screen('first');
    for (let i = 0; i < 60 && !selectedFlag(s).includes('"geiseln"'); i++) {
      tmux('send-keys', '-t', 'first', 'n');
      const before = s;
      s = await waitForScreen('first', (x) => x !== before, 'a new flag after n', 50).catch(() => screen('first'));
    }
    expect(selectedFlag(s)).toContain('"geiseln"');
    tmux('send-keys', '-t', 'first', 'a');
    s = await waitForScreen('first', (x) => selectedFlag(x).includes('✓ accepted'), 'the accepted flag');
    expect(selectedFlag(s)).toContain('"geiseln"');
    tmux('send-keys', '-t', 'first', 'q');
    s = await waitForScreen('first', (x) => x.includes('mtdiff exited'), 'the exit');
    expect(s).toContain('mtdiff exited 0');
    expect(s).toMatch(/review saved to .*r\.json/);

    const mt = readFileSync(join(ROOT, SEEDS[0]!), 'utf8');
    const start = mt.indexOf('geiseln');
    const review = JSON.parse(readFileSync(reviewPath, 'utf8')) as ReviewFile;
    const entries = Object.entries(review.decisions).filter(([k]) => k.startsWith(`${start}-${start + 'geiseln'.length}:`));
    expect(entries).toHaveLength(1);
    expect(entries[0]![1].status).toBe('accepted');
    expect(review.position.flag).toBe(entries[0]![0]);

    open('second');
    s = await waitForScreen('second', (x) => x.includes('Sentences') && x.includes('q quit'), 'the reopened review screen');
    expect(selectedFlag(s)).toContain('"geiseln"');
    expect(selectedFlag(s)).toContain('✓ accepted');
    expect(s).toMatch(/decided 1\//);
    tmux('send-keys', '-t', 'second', 'q');
    await waitForScreen('second', (x) => x.includes('mtdiff exited 0'), 'the second exit');
  });

  it('a second reviewer\'s edit since the load is not overwritten: the save is refused on screen and review exits 5', async () => {
    const path = join(dir, 'concurrent.json');
    const cmd = `node dist/cli/main.js review ${SEEDS.join(' ')} --review-file ${path}; echo "mtdiff exited $?"; sleep 600`;
    expect(tmux('new-session', '-d', '-s', 'third', '-x', '100', '-y', '30', '-c', ROOT, cmd).status).toBe(0);
    await waitForScreen('third', (x) => x.includes('Sentences') && x.includes('q quit'), 'the review screen');
    tmux('send-keys', '-t', 'third', 'n');
    await waitForScreen('third', () => {
      try {
        return readFileSync(path, 'utf8').includes('"position"');
      } catch {
        return false;
      }
    }, 'the first save');
    const theirs = JSON.parse(readFileSync(path, 'utf8')) as ReviewFile;
    theirs.decisions['0-1:entity'] = { status: 'dismissed', at: '2026-01-01T00:00:00Z', comment: 'second reviewer' };
    const written = `${JSON.stringify(theirs, null, 2)}\n`;
    writeFileSync(path, written);
    tmux('send-keys', '-t', 'third', 'a');
    await waitForScreen('third', (x) => x.includes('changed by someone else'), 'the refused save');
    tmux('send-keys', '-t', 'third', 'q');
    const s = await waitForScreen('third', (x) => x.includes('mtdiff exited'), 'the exit');
    expect(s).toContain('mtdiff exited 5');
    expect(s).not.toMatch(/review saved/);
    expect(readFileSync(path, 'utf8')).toBe(written);
  });
});
