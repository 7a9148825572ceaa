import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { RegionDetector } from '../../src/detect/regions.js';
import { analyze, flagsOn } from './helpers.js';

// Invented story: shelling near a border.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new RegionDetector());
});

const REFS = ['Shelling continued in eastern Ukraine on Tuesday.', 'Officials in South Korea condemned the attack.'];

describe('regions', () => {
  it("flags a compass word written as part of a name where the references use the adjective ('East Ukraine')", async () => {
    const mt = 'Shelling continued in East Ukraine on Tuesday.';
    const [flag] = flagsOn(await analyze(analyzer, mt, REFS), 'East', 'mistranslation');
    expect(flag).toMatchObject({ suggestion: 'eastern', start: mt.indexOf('East') });
    expect(flag!.message).toContain("'eastern Ukraine'");
  });

  it('leaves real names, and regions the references never mention, alone', async () => {
    const a = await analyze(analyzer, 'Officials in South Korea and West Africa condemned the attack.', REFS);
    expect(a.flags).toEqual([]);
  });

  it('leaves the name alone when a reference writes it too', async () => {
    const a = await analyze(analyzer, 'Shelling continued in East Ukraine on Tuesday.', [...REFS, 'Fighting in East Ukraine went on.']);
    expect(a.flags).toEqual([]);
  });
});
