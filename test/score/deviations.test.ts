import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deviations, DEVIATIONS, type ScoredSide } from '../../src/score/deviations.js';
import { tokenize } from '../../src/segment/tokens.js';

/** A stand-in for the uncased model: each token's vector depends on its case-folded form only. */
function vectorOf(norm: string): Float32Array {
  const h = createHash('sha256').update(norm).digest();
  const v = new Float32Array(16).map((_, i) => h[i]! - 128);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

const side = (text: string): ScoredSide => {
  const tokens = tokenize(text);
  return { text, tokens, vectors: tokens.map((t) => vectorOf(t.norm)) };
};

const REF = 'The minister said the Internet tax would not be raised next year.';
const of = (mt: string, ref = REF) => deviations(side(mt), side(ref), 1);

describe('deviations', () => {
  it('are all 0 for the reference itself and stay in [0, 1]', () => {
    const same = of(REF);
    for (const d of DEVIATIONS) expect(same[d]).toBeCloseTo(0, 6);
    const far = of('Completely unrelated words here, nothing shared!');
    for (const d of DEVIATIONS) {
      expect(far[d]).toBeGreaterThanOrEqual(0);
      expect(far[d]).toBeLessThanOrEqual(1);
    }
  });

  it('do not move with casing that leaves the MT well-formed', () => {
    const mt = 'The minister said the Internet tax would not be raised next year.';
    const recased = 'The Minister said the internet tax would not be raised next year.';
    expect(of(recased)).toEqual(of(mt));
    // nor with the reference's casing
    expect(of(mt, REF.replace('Internet', 'internet').replace('minister', 'Minister'))).toEqual(of(mt));
  });

  it('see casing that is wrong in the MT by itself, and only in the casing views', () => {
    const first = of('the minister said the Internet tax would not be raised next year.');
    expect(first.firstLower).toBe(1);
    expect(first.allLower).toBe(0);
    const lower = of(REF.toLowerCase());
    expect(lower.allLower).toBe(1);
    expect(lower.firstLower).toBe(1);
    for (const d of DEVIATIONS.filter((x) => x !== 'firstLower' && x !== 'allLower')) expect(lower[d]).toBeCloseTo(0, 6);
  });

  it('see a removed content word in the reference-side coverage and a shorter MT', () => {
    const removed = of('The minister said the Internet tax would not be next year.');
    expect(removed.contentR).toBeGreaterThan(0);
    expect(removed.stemR).toBeGreaterThan(0);
    expect(removed.short).toBeGreaterThan(0);
    expect(removed.stemP).toBe(0);
  });

  it('see a phrase cut before its head, whatever the casing, and not one the reference has too', () => {
    const cut = of('The minister said the of tax would not be raised next year.');
    expect(cut.holes).toBeGreaterThan(0);
    expect(of('THE MINISTER SAID THE OF TAX WOULD NOT BE RAISED NEXT YEAR.').holes).toBe(cut.holes);
    expect(of('The minister said the of tax would not be raised.', 'The minister said the of tax would not be raised.').holes).toBe(0);
    expect(of(REF).holes).toBe(0);
  });

  it('see an added content word on the MT side, and a dropped negation', () => {
    const added = of('The angry minister said the Internet tax would not be raised next year.');
    expect(added.stemP).toBeGreaterThan(0);
    expect(added.long).toBeGreaterThan(0);
    expect(of('The minister said the Internet tax would be raised next year.').stemR).toBeGreaterThan(0);
  });

  it('see spaces before punctuation only in the spaced view, and punctuation in the punctuation view', () => {
    const tokenized = of('The minister said the Internet tax would not be raised next year .');
    expect(tokenized.chrf).toBe(0);
    expect(tokenized.spaced).toBeGreaterThan(0);
    expect(tokenized.punct).toBe(0);
    const noStop = of('The minister said the Internet tax would not be raised next year');
    expect(noStop.punct).toBe(1);
  });

  it('count a repeated word and tokenised spacing per MT word, beyond what the reference has', () => {
    const repeated = of('The minister said the Internet tax would not be raised next year year.');
    expect(repeated.repeat).toBeCloseTo(1 / 13, 9);
    expect(of('He said that that was all.', 'He said that that was all.').repeat).toBe(0);
    const split = of("The minister 's Internet tax would not be raised next year .", "The minister's Internet tax would not be raised next year.");
    expect(split.spacing).toBeCloseTo(2 / 11, 9);
    expect(of(REF).spacing).toBe(0);
  });

  it('see a content word with neither its stem nor a close vector in the other side as missing', () => {
    const removed = of('The minister said the Internet tax would not be next year.');
    // minister, said, Internet, tax, not, raised, next, year: 'raised' is gone
    expect(removed.missR).toBeCloseTo(1 / 8, 9);
    expect(removed.missP).toBe(0);
  });
});

describe('lazy deviations', () => {
  it('computes a deviation when it is read, and the mix reads only the ones it weighs', async () => {
    const { mixDeviations } = await import('../../src/score/sentence.js');
    const d = of('The minister said the tax would be raised.');
    let reads = 0;
    const counted = new Proxy(d, {
      get(target, key) {
        if (key !== 'bertR' && key !== 'similarity') reads++;
        return Reflect.get(target, key);
      },
    });
    const mixed = mixDeviations(counted, { bertR: 0.5, similarity: 0.5 });
    expect(mixed).toBeCloseTo(0.5 * d.bertR + 0.5 * d.similarity, 12);
    expect(reads).toBe(0);
    // Spreading reads every getter: the values a fit sees equal the lazy ones.
    expect({ ...d }).toEqual(Object.fromEntries(DEVIATIONS.map((k) => [k, d[k]])));
  });
});
