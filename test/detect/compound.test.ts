import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { CompoundDetector } from '../../src/detect/compound.js';
import { analyze, flagsOn, loadAnalyzer, only, refId } from './helpers.js';

// Invented story: a peace accord signed in Oslo.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new CompoundDetector());
});

const MT = 'Both sides signed the peace contract in Oslo on Friday.';
const AGREEMENT = ['The peace agreement was signed in Oslo on Friday.', 'Diplomats said the peace agreement could hold.', 'Nobody expected the rebels to sign anything.'];

describe('compound term', () => {
  it('flags a compound head the references replace after the same modifier, with their head as the term', async () => {
    const a = await analyze(analyzer, MT, AGREEMENT);
    const [flag] = flagsOn(a, 'contract', 'terminology');
    expect(flag).toMatchObject({ suggestion: 'agreement', start: MT.indexOf('contract'), severity: 'minor' });
    expect(flag!.message).toContain("'peace agreement'");
    expect(flag!.evidence.map((e) => e.ref).sort()).toEqual([refId(0), refId(1)]);
  });

  it('needs the references to agree on one head after the modifier', async () => {
    const split = ['The peace agreement was signed in Oslo on Friday.', 'Diplomats said the peace deal could hold.', 'The peace plan was drafted in Oslo.', 'The peace talks ended in Oslo.'];
    expect(flagsOn(await analyze(analyzer, MT, split), 'contract')).toEqual([]);
  });

  it('leaves a head alone that some reference uses, and a head that a modifier does not pin', async () => {
    const used = [...AGREEMENT, 'Lawyers read the contract twice.'];
    expect(flagsOn(await analyze(analyzer, MT, used), 'contract')).toEqual([]);
    const lone = await analyze(analyzer, 'Both sides signed the contract in Oslo on Friday.', AGREEMENT);
    expect(lone.flags).toEqual([]);
  });
});
