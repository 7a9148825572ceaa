import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, cleanup } from 'ink-testing-library';
import { ReviewSession, type LoadStep, type Loaded } from '../../src/ui/components/ReviewSession.js';
import { emptyReview } from '../../src/review/file.js';
import { makeAnalysis, MT_TEXT } from './fixture.js';
import { frameWhere } from './frames.js';

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-session-'));
afterEach(() => cleanup());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading screen', () => {
  it('shows each step of the analysis, loads once, then the review screen', async () => {
    const analysis = makeAnalysis();
    let report: (s: LoadStep) => void = () => {};
    let finish: (a: Loaded) => void = () => {};
    let calls = 0;
    const load = (step: (s: LoadStep) => void) => {
      calls++;
      report = step;
      step({ stage: 'model' });
      return new Promise<Loaded>((resolve) => (finish = resolve));
    };
    const app = render(
      <ReviewSession load={load} mtLabel={'mt\x1b[31m.txt'} mtText={MT_TEXT} reviewPath={join(dir, 'r.json')} size={{ columns: 100, rows: 30 }} />,
    );
    let frame = await frameWhere(app, (f) => f.includes('Loading the embedding model'), 'the model step');
    expect(frame).toContain('mt\\x1b[31m.txt');
    // The article is on screen before any analysis result.
    expect(frame).toContain('The United States held secret talks');
    report({ stage: 'embedding', done: 32, total: 120 });
    await frameWhere(app, (f) => f.includes('Embedding sentences 32/120'), 'the embedding progress');
    report({ stage: 'detecting' });
    await frameWhere(app, (f) => f.includes('Detecting translation errors'), 'the detection step');
    finish({ analysis, review: emptyReview(analysis.mt, MT_TEXT), unplaced: [] });
    frame = await frameWhere(app, (f) => f.includes('Sentences 1/8'), 'the review screen');
    expect(frame).toContain('score 0.612');
    app.rerender(
      <ReviewSession load={load} mtLabel="mt.txt" mtText={MT_TEXT} reviewPath={join(dir, 'r.json')} size={{ columns: 100, rows: 30 }} />,
    );
    expect(calls).toBe(1);
  });
});
