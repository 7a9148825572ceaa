import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, mtdiff } from '../cli/run.js';
import { makeBatch, writeManifest, type Batch } from './fixture.js';

const ITEMS = 12;
let batch: Batch;
let expected: string;

const lines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

/** Starts `score --output`, and SIGKILLs it as soon as the first record is in the file. */
function runAndKill(output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}dist/cli/main.js`, 'score', '--input', 'batch.jsonl', '--output', output, '--no-cache'], {
      cwd: batch.dir,
      stdio: 'ignore',
    });
    const timer = setInterval(() => {
      if (lines(join(batch.dir, output)).length > 0) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(lines(join(batch.dir, output)).length);
    });
    child.on('error', reject);
  });
}

beforeAll(() => {
  batch = makeBatch(ITEMS);
  writeManifest(batch, 'batch.jsonl', [{ id: 'broken', mt: 'mt/none.txt', refs: batch.refPaths }]);
  const r = mtdiff(['score', '--input', 'batch.jsonl', '--output', 'whole.jsonl', '--no-cache'], { cwd: batch.dir });
  expect(r.code, r.stderr).toBe(2);
  expected = readFileSync(join(batch.dir, 'whole.jsonl'), 'utf8');
});
afterAll(() => rmSync(batch.dir, { recursive: true, force: true }));

describe('score --output survives SIGKILL and --resume finishes the job', () => {
  it('keeps whole records, drops a torn line, and resumes to exactly the uninterrupted output', async () => {
    const written = await runAndKill('partial.jsonl');
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(ITEMS + 1); // killed mid-run, or the test proves nothing
    const path = join(batch.dir, 'partial.jsonl');
    for (const line of lines(path)) expect(() => JSON.parse(line)).not.toThrow();
    appendFileSync(path, '{"id":"s9","score":0.5,"fl'); // what a crash mid-write leaves behind
    const r = mtdiff(['score', '--input', 'batch.jsonl', '--output', 'partial.jsonl', '--resume', '--no-cache'], { cwd: batch.dir });
    expect(r.code, r.stderr).toBe(2);
    const resumed = readFileSync(path, 'utf8');
    expect(resumed).toBe(expected);
    const ids = resumed.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.stderr).toMatch(new RegExp(`${ITEMS + 1} items, ${ITEMS} ok, 1 errors`));
  });

  it('a resume of a finished run adds nothing', () => {
    const r = mtdiff(['score', '--input', 'batch.jsonl', '--output', 'whole.jsonl', '--resume', '--no-cache'], { cwd: batch.dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(batch.dir, 'whole.jsonl'), 'utf8')).toBe(expected);
  });
});
