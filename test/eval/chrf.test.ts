import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charNgrams, chrf } from '../../src/score/chrf.js';

interface Fixture {
  source: string;
  pairs: { hyp: string; ref: string; chrf: number }[];
}

// Recorded from sacreBLEU by `python scripts/validate_chrf.py --record test/fixtures/eval/chrf-sacrebleu.json`.
const fixture = JSON.parse(readFileSync(new URL('../fixtures/eval/chrf-sacrebleu.json', import.meta.url), 'utf8')) as Fixture;

describe('chrF', () => {
  it('was recorded from sacreBLEU CHRF with its default signature', () => {
    expect(fixture.source).toMatch(/nc:6\|nw:0\|space:no/);
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(50);
  });

  it.each(fixture.pairs.map((p, i) => [i, p] as const))('pair %i matches sacreBLEU', (_, p) => {
    expect(Math.abs(chrf(p.hyp, p.ref) - p.chrf)).toBeLessThan(1e-9);
  });

  it('is 100 for identical text and 0 with nothing in common', () => {
    expect(chrf('The cat sat.', 'The cat sat.')).toBe(100);
    expect(chrf('xyz', 'abc')).toBe(0);
  });

  it('ignores whitespace and counts code points, not UTF-16 units', () => {
    expect(chrf('thecat', 'the  cat')).toBe(100);
    const grams = charNgrams('a\u{1F600}', 2);
    expect([...grams[0]!.keys()]).toEqual(['a', '\u{1F600}']);
    expect([...grams[1]!.keys()]).toEqual(['a\u{1F600}']);
  });
});
