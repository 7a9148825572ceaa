import { describe, expect, it } from 'vitest';
import { changedSettings, DEFAULT_SETTINGS, resolveSettings, settingsDigest, settingsProblem } from '../../src/core/settings.js';
import { ALIGN, MISTRANSLATION, NUMBERS } from '../../src/config.js';
import { QuoteDetector } from '../../src/detect/quotes.js';
import { stubAnalyzer } from '../detect/stub.js';

describe('settings', () => {
  it('defaults are config.ts, frozen', () => {
    expect(DEFAULT_SETTINGS.align).toEqual(ALIGN);
    expect(DEFAULT_SETTINGS.mistranslation).toEqual(MISTRANSLATION);
    expect(DEFAULT_SETTINGS.numbers.contradictionSeverity).toBe(NUMBERS.contradictionSeverity);
    expect(Object.isFrozen(DEFAULT_SETTINGS.quotes)).toBe(true);
    expect(changedSettings(DEFAULT_SETTINGS)).toEqual([]);
    expect(settingsDigest(DEFAULT_SETTINGS)).toBeUndefined();
  });

  it('applies overrides without touching the defaults, and digests what changed', () => {
    const s = resolveSettings({ quotes: { minWords: 6 }, numbers: { contradictionSeverity: 'major' } });
    expect(s.quotes.minWords).toBe(6);
    expect(s.quotes.minOverlap).toBe(DEFAULT_SETTINGS.quotes.minOverlap);
    expect(DEFAULT_SETTINGS.quotes.minWords).toBe(4);
    expect(changedSettings(s)).toEqual(['numbers.contradictionSeverity=major', 'quotes.minWords=6']);
    expect(settingsDigest(s)).toMatch(/^2@[0-9a-f]{8}$/);
    expect(settingsDigest(resolveSettings({ quotes: { minWords: 6 } }))).not.toBe(settingsDigest(s));
    // Setting a value to its default changes nothing, so the signature stays the default one.
    expect(settingsDigest(resolveSettings({ quotes: { minWords: 4 } }))).toBeUndefined();
  });

  it.each([
    [[], /an object of setting groups/],
    [{ colour: {} }, /not 'colour'/],
    [{ quotes: 3 }, /an object of settings for 'quotes'/],
    [{ quotes: { minword: 3 } }, /not 'minword'/],
    [{ quotes: { minWords: 2.5 } }, /whole number of at least 1 for 'quotes.minWords'/],
    [{ quotes: { minWords: 0 } }, /whole number/],
    [{ quotes: { minOverlap: 1.5 } }, /from 0 to 1 for 'quotes.minOverlap'/],
    [{ quotes: { minOverlap: '0.5' } }, /a number for/],
    [{ numbers: { contradictionSeverity: 'fatal' } }, /one of critical, major, minor/],
  ])('refuses %j with what is wrong', (overrides, message) => {
    expect(settingsProblem(overrides)).toMatch(message);
    expect(() => resolveSettings(overrides as never)).toThrow(message);
  });

  it('reach the detectors through the analyzer (stand-in embedder)', async () => {
    const analyzer = stubAnalyzer(new QuoteDetector());
    const mt = { id: 'mt.txt', text: 'The mayor said: “We will make every good luck effort to rebuild the homes.”' };
    const refs = [{ id: 'ref.txt', text: 'The mayor said: “We will make every good faith effort to rebuild the homes.”' }];
    const byDefault = await analyzer.analyze(mt, refs, { minConfidence: 0 });
    expect(byDefault.flags.map((f) => f.suggestion)).toEqual(['faith']);
    expect(byDefault.signatureFields?.set).toBeUndefined();
    const strict = await analyzer.analyze(mt, refs, { minConfidence: 0, settings: resolveSettings({ quotes: { minWords: 20 } }) });
    expect(strict.flags).toEqual([]);
    expect(strict.signatureFields?.set).toMatch(/^1@/);
    expect(strict.signature).toContain(`|set:${strict.signatureFields?.set}|`);
  });
});
