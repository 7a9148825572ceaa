import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/embed/cache.js';
import { mtdiff } from '../cli/run.js';
import { makeBatch, writeManifest, type Batch } from './fixture.js';

let batch: Batch;
beforeAll(() => {
  batch = makeBatch(6);
  writeManifest(batch, 'batch.jsonl', [{ id: 'broken', mt: 'mt/none.txt', refs: batch.refPaths }]);
});
afterAll(() => rmSync(batch.dir, { recursive: true, force: true }));

describe('score --jobs', () => {
  it('gives the bytes of a single-threaded run, and a corrupt cache costs one warning line in total', () => {
    const one = mtdiff(['score', '--input', 'batch.jsonl', '--no-cache'], { cwd: batch.dir });
    expect(one.code, one.stderr).toBe(2);
    mkdirSync(join(batch.dir, 'corrupt'));
    writeFileSync(join(batch.dir, 'corrupt', CACHE_FILE), 'not a database '.repeat(500));
    const two = mtdiff(['score', '--input', 'batch.jsonl', '--jobs', '2', '--cache-dir', 'corrupt', '--output', 'two.jsonl'], { cwd: batch.dir });
    expect(two.code, two.stderr).toBe(2);
    expect(readFileSync(join(batch.dir, 'two.jsonl'), 'utf8')).toBe(one.stdout);
    expect(two.stderr.split('\n').filter((l) => /embedding cache/.test(l))).toHaveLength(1);
  });
});
