import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from '../cli/run.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a process, kills it with SIGKILL after `ms` (unless it has finished by then), waits for it to end. */
async function killAfter(args: string[], ms: number): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  // Listen from the start: a fast run may exit before the kill, and a late listener would wait forever.
  const exited = new Promise((r) => child.once('exit', r));
  await sleep(ms);
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9 never leaves a half-written file', () => {
  it('writeFileAtomic (the review file and report writer) under repeated SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-kill-'));
    const target = join(dir, 'review.json');
    const versions = ['A', 'B'].map((c) => JSON.stringify({ version: 1, payload: c.repeat(2_000_000) }));
    writeFileSync(target, versions[0]!);
    const script = join(dir, 'writer.mjs');
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(`${ROOT}dist/io/write.js`)};\n` +
        `const v = ${JSON.stringify(versions)};\nfor (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(target)}, v[i % 2]);\n`,
    );
    for (let trial = 0; trial < 8; trial++) {
      await killAfter([script], 150 + trial * 37);
      const now = readFileSync(target, 'utf8');
      expect(versions).toContain(now);
    }
    // Temp files of killed writers may remain, but never under the target's name.
    expect(readdirSync(dir).filter((f) => f === 'review.json')).toHaveLength(1);
  });

  it('mtdiff report killed mid-run leaves the previous report intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-kill-report-'));
    const out = join(dir, 'report.md');
    writeFileSync(out, '# previous report\n');
    for (const ms of [300, 900, 1800, 2600]) {
      await killAfter([`${ROOT}dist/cli/main.js`, 'report', ...SEEDS, '--out', out, '--date', '2026-01-01'], ms);
      const text = readFileSync(out, 'utf8');
      expect(text === '# previous report\n' || (text.startsWith('#') && text.endsWith('\n') && text.length > 1000)).toBe(true);
    }
    expect(existsSync(out)).toBe(true);
  });
});
