import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDetectors } from '../../src/detect/index.js';
import { withDetectorTable } from '../../src/detect/table.js';
import { CATEGORIES } from '../../src/core/types.js';

describe('detector metadata', () => {
  const detectors = defaultDetectors();

  it('is complete and unique for every registered detector', () => {
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of detectors) {
      expect(d.meta.finds.length).toBeGreaterThan(10);
      expect(d.meta.how.length).toBeGreaterThan(10);
      expect(d.meta.modes.length).toBeGreaterThan(0);
      for (const c of d.meta.categories) expect(CATEGORIES).toContain(c);
    }
  });

  it("README's detector table is the generated one (npm run docs)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withDetectorTable(readme, detectors)).toBe(readme);
  });
});
