/** Small batches built from the seeds in a temp dir, so the CLI tests run the real model on little text. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/run.js';

export const REFS = ['000_ca9d7fcf8c42fc70.txt', '003_085184b4ea32ed6c.txt'];
const MT_LINES = readFileSync(join(ROOT, 'seeds', '004_105117b8f2f418e5.txt'), 'utf8').split('\n').filter((l) => l.trim());

export interface Batch {
  dir: string;
  /** Ids of the items that can be analysed, in manifest order. */
  good: string[];
  refPaths: string[];
}

/** `count` MT files (three lines of the garbled seed each, windows sliding by two) and the references. */
export function makeBatch(count: number): Batch {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-batch-'));
  mkdirSync(join(dir, 'mt'));
  mkdirSync(join(dir, 'refs'));
  for (const r of REFS) copyFileSync(join(ROOT, 'seeds', r), join(dir, 'refs', r));
  const good: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 2) % (MT_LINES.length - 3);
    writeFileSync(join(dir, 'mt', `s${i}.txt`), `${MT_LINES.slice(start, start + 3).join('\n')}\n`);
    good.push(`s${i}`);
  }
  return { dir, good, refPaths: REFS.map((r) => `refs/${r}`) };
}

export const jsonl = (rows: unknown[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

export function writeManifest(batch: Batch, name: string, extra: unknown[] = []): string {
  const rows = batch.good.map((id) => ({ id, mt: `mt/${id}.txt`, refs: batch.refPaths }));
  writeFileSync(join(batch.dir, name), jsonl([...rows, ...extra]));
  return join(batch.dir, name);
}
