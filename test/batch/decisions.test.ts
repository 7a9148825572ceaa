import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { decisionsOf } from '../../src/batch/reports.js';
import { defaultReviewPath, textHash } from '../../src/review/file.js';

describe('decisionsOf (the decision column of score --format flags-csv|flags-tsv)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-decisions-'));
  const item = (id: string, text: string): ManifestEntry => {
    const mtPath = join(dir, `${id}.txt`);
    writeFileSync(mtPath, text);
    return { kind: 'item', line: 1, item: { id, mt: `${id}.txt`, refs: [], mtPath, refPaths: [] } };
  };
  const entries = [item('reviewed', 'Some text.'), item('plain', 'Other text.'), item('stale', 'Changed text.')];
  const review = (text: string) => ({ version: 1, mt: 'x', mtSha256: textHash(text), position: { sentence: 0 }, decisions: { '0-4:spelling': { status: 'accepted', at: 'now' } } });
  writeFileSync(defaultReviewPath(join(dir, 'reviewed.txt')), JSON.stringify(review('Some text.')));
  writeFileSync(defaultReviewPath(join(dir, 'stale.txt')), JSON.stringify(review('the text before it changed')));

  it('reads the review file next to each MT, skips items without one, and warns instead of failing on a stale one', () => {
    const warnings: string[] = [];
    const of = decisionsOf(entries, (w) => warnings.push(w));
    expect(of('reviewed')?.decisions['0-4:spelling']?.status).toBe('accepted');
    expect(of('plain')).toBeUndefined();
    expect(of('unknown')).toBeUndefined();
    expect(of('stale')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/stale\.txt: decisions left out/);
  });
});
