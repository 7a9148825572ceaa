import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Analysis } from '../../src/core/types.js';
import { emptyReview, flagKey } from '../../src/review/file.js';
import { mqmPenalty } from '../../src/score/mqm.js';
import { mtdiff, ROOT, SEEDS } from '../cli/run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-score-review-'));
  for (const s of SEEDS.slice(0, 2)) copyFileSync(join(ROOT, s), join(dir, basename(s)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score records after review', () => {
  it('carry the numbers after review when a review file lies next to the MT', () => {
    const [mt, ref] = SEEDS.slice(0, 2).map((s) => basename(s));
    const check = mtdiff(['check', join(dir, mt!), join(dir, ref!), '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    const analysis = JSON.parse(check.stdout) as Analysis;
    expect(analysis.flags.length).toBeGreaterThan(1);
    const text = readFileSync(join(dir, mt!), 'utf8');
    const review = emptyReview(join(dir, mt!), text);
    const [gone, ...kept] = analysis.flags;
    review.decisions[flagKey(gone!)] = { status: 'dismissed', at: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(dir, `${mt}.review.json`), JSON.stringify(review));
    writeFileSync(join(dir, 'm.jsonl'), `${JSON.stringify({ id: 'a', mt: mt, refs: [ref] })}\n${JSON.stringify({ id: 'b', mt: ref, refs: [mt] })}\n`);
    const r = mtdiff(['score', '--input', join(dir, 'm.jsonl')]);
    expect(r.code, r.stderr).toBe(0);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { mqm: number; review?: { mqm: number; decided: number } });
    expect(a!.mqm).toBe(analysis.mqm);
    expect(a!.review).toMatchObject({ mqm: mqmPenalty(kept), decided: 1 });
    // No review file next to the second MT: no field.
    expect(b!.review).toBeUndefined();
  }, 120_000);
});
