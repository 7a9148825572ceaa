import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyReview, failedReviewSaves, loadReview, saveReview, type ReviewFile } from '../../src/review/file.js';

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MT = 'Hamas released 33 hostages on Saturday.';
const decide = (review: ReviewFile, key: string, status: 'accepted' | 'dismissed'): ReviewFile => ({
  ...review,
  decisions: { ...review.decisions, [key]: { status, at: '2026-01-01T00:00:00Z' } },
});

describe('review files cannot silently lose work', () => {
  it('our own saves follow each other; a second reviewer\'s edit is refused, not overwritten', () => {
    const path = join(dir, 'a.review.json');
    writeFileSync(path, JSON.stringify(emptyReview('mt.txt', MT)));
    const mine = loadReview(path, 'mt.txt', MT);
    saveReview(path, decide(mine, '0-5:entity', 'accepted'));
    saveReview(path, decide(mine, '6-9:entity', 'dismissed'));
    // Someone else, in another session, saves their decision.
    const theirs = JSON.stringify(decide(loadReviewCopy(path), '10-12:number', 'accepted'));
    writeFileSync(path, theirs);
    const failedBefore = failedReviewSaves();
    expect(() => saveReview(path, decide(mine, '13-14:entity', 'accepted'))).toThrow(
      expect.objectContaining({ code: 'output', message: expect.stringMatching(/changed by someone else/) }),
    );
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(failedReviewSaves()).toBe(failedBefore + 1);
  });

  it('a review file that appears after we started with none is not overwritten either', () => {
    const path = join(dir, 'b.review.json');
    const mine = loadReview(path, 'mt.txt', MT);
    writeFileSync(path, JSON.stringify(decide(emptyReview('mt.txt', MT), '0-5:entity', 'dismissed')));
    const before = readFileSync(path, 'utf8');
    expect(() => saveReview(path, decide(mine, '0-5:entity', 'accepted'))).toThrow(/changed by someone else/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('a save that cannot be written is counted and thrown (the app exits 5)', () => {
    const path = join(dir, 'missing-dir', 'x', 'c.review.json');
    writeFileSync(join(dir, 'missing-dir'), 'a file where a directory should be');
    const failedBefore = failedReviewSaves();
    expect(() => saveReview(path, emptyReview('mt.txt', MT))).toThrow(expect.objectContaining({ exitCode: 5 }));
    expect(failedReviewSaves()).toBe(failedBefore + 1);
  });
});

function loadReviewCopy(path: string): ReviewFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ReviewFile;
}
