import { describe, expect, it } from 'vitest';
import { flagKey } from '../../src/review/file.js';
import { CORRECTION_CONFIDENCE, correctedArticle } from '../../src/report/corrected.js';
import { buildAnalysis, reviewOf } from '../fixtures/report/analysis.js';

const SENTENCES = ['They published the hostages.', 'The the talks went on.', 'A nice day.'];
const text = SENTENCES.join(' ');

function analysis(confidences: number[]) {
  const a = buildAnalysis(SENTENCES, [
    { sentence: 0, text: 'published', suggestion: 'released' },
    { sentence: 1, text: 'The the', suggestion: 'The' },
    { sentence: 2, text: 'nice', suggestion: 'beautiful' },
  ]);
  a.flags.forEach((f, i) => (f.confidence = confidences[i]!));
  return a;
}

describe('correctedArticle', () => {
  it('applies the confident fixes and leaves the uncertain ones', () => {
    const a = analysis([0.95, CORRECTION_CONFIDENCE, CORRECTION_CONFIDENCE - 0.01]);
    const out = correctedArticle(text, a.flags);
    expect(out.text).toBe('They released the hostages. The talks went on. A nice day.');
    expect(out.applied.map((c) => c.why)).toEqual(['confident', 'confident']);
  });

  it("follows the reviewer: accepted fixes (their wording) applied, dismissed ones not", () => {
    const a = analysis([0.95, 0.1, 0.95]);
    const review = reviewOf(a, {
      [flagKey(a.flags[0]!)]: { status: 'dismissed', at: '2026-01-01' },
      [flagKey(a.flags[1]!)]: { status: 'accepted', at: '2026-01-01' },
      [flagKey(a.flags[2]!)]: { status: 'accepted', suggestion: 'fine', at: '2026-01-01' },
    });
    expect(correctedArticle(text, a.flags, review).text).toBe('They published the hostages. The talks went on. A fine day.');
  });

  it('applies only the first of two overlapping fixes and never one without a fix', () => {
    const a = buildAnalysis(['Alpha beta gamma.'], [
      { sentence: 0, text: 'beta gamma', suggestion: 'delta' },
      { sentence: 0, text: 'gamma', suggestion: 'x' },
      { sentence: 0, text: 'Alpha' },
    ]);
    expect(correctedArticle('Alpha beta gamma.', a.flags).text).toBe('Alpha delta.');
  });
});
