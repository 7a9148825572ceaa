import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, cleanup } from 'ink-testing-library';
import { ReviewApp } from '../../src/ui/components/ReviewApp.js';
import { emptyReview, type ReviewFile } from '../../src/review/file.js';
import type { Analysis } from '../../src/core/types.js';
import { mtdiff, SEEDS } from '../cli/run.js';

/** The budget the issue sets for a full review of seed 004's shown flags. */
const MAX_KEYS = 45;

let dir: string;
let analysis: Analysis;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-keys-'));
  const r = mtdiff(['check', ...SEEDS, '--format', 'json'], { env: { MTDIFF_FREEDICT_DE: '/nonexistent/x' } });
  expect(r.code, r.stderr).toBe(0);
  analysis = JSON.parse(r.stdout) as Analysis;
}, 120_000);
afterAll(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('a full review of seed 004 with auto-advance', () => {
  it(`decides every shown flag in at most ${MAX_KEYS} key presses`, async () => {
    const reviewPath = join(dir, 'r.json');
    const mtText = readFileSync(SEEDS[0]!, 'utf8');
    const app = render(<ReviewApp analysis={analysis} review={emptyReview(analysis.mt, mtText)} reviewPath={reviewPath} size={{ columns: 160, rows: 48 }} />);
    for (let i = 0; i < 300 && !(app.lastFrame() ?? '').includes('Sentences'); i++) await new Promise((r) => setTimeout(r, 10));
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      const before = app.frames.length;
      app.stdin.write(key);
      for (let i = 0; i < 40 && app.frames.length === before; i++) await new Promise((r) => setTimeout(r, 5));
    };
    // A reviewer's mix: dismiss, accept, accept as minor (one key each; auto-advance does the moving).
    const keys = ['d', 'a', '1'];
    for (let i = 0; i < analysis.flags.length && !(app.lastFrame() ?? '').includes('every flag is decided'); i++) await press(keys[i % keys.length]!);
    await press('q');
    const saved = JSON.parse(readFileSync(reviewPath, 'utf8')) as ReviewFile;
    expect(Object.keys(saved.decisions)).toHaveLength(analysis.flags.length);
    expect(presses).toBeLessThanOrEqual(MAX_KEYS);
    console.log(`seed 004: ${analysis.flags.length} flags reviewed in ${presses} key presses`);
  });
});
