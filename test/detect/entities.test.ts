import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { EntityDetector } from '../../src/detect/entities.js';
import { analyze, ofCategory, refId } from './helpers.js';

// Invented story: a striker's transfer to a Spanish club.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new EntityDetector());
});

const REFS = [
  'Striker Robert Lewandowski signed for Barcelona on Friday. The Defense Ministry of Poland congratulated him.',
  'Lewandowski joined Barcelona on Friday, the club said.',
];

describe('entities', () => {
  it('flags a name misspelled by one letter and suggests the reference spelling', async () => {
    const mt = 'Striker Lewandowsky signed for Barcelona on Friday.';
    const a = await analyze(analyzer, mt, REFS);
    const flags = ofCategory(a, 'entity');
    expect(flags.map((f) => f.text)).toEqual(['Lewandowsky']);
    expect(flags[0]).toMatchObject({ start: mt.indexOf('Lewandowsky'), suggestion: 'Lewandowski', severity: 'major' });
    expect(flags[0]!.message).toContain('2 references');
    expect([refId(0), refId(1)]).toContain(flags[0]!.evidence[0]?.ref);
    expect(flags[0]!.evidence[0]?.text).toContain('Lewandowski');
  });

  it('flags a swapped pair of letters as one edit', async () => {
    const a = await analyze(analyzer, 'Lewandowski signed for Barcelnoa on Friday.', REFS);
    expect(ofCategory(a, 'entity').map((f) => [f.text, f.suggestion])).toEqual([['Barcelnoa', 'Barcelona']]);
  });

  it("flags a misspelled name in the possessive, spanning the name without 's", async () => {
    const mt = "Lewandowsky's first match for Barcelona is on Sunday.";
    const [flag, ...rest] = ofCategory(await analyze(analyzer, mt, REFS), 'entity');
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ text: 'Lewandowsky', start: 0, end: 'Lewandowsky'.length, suggestion: 'Lewandowski' });
  });

  it('does not flag an unknown name with no close reference name', async () => {
    const a = await analyze(analyzer, 'Coach Mbeki welcomed Lewandowski to Barcelona on Friday.', REFS);
    expect(a.flags).toEqual([]);
  });

  it('does not flag a British spelling of a reference name', async () => {
    const a = await analyze(analyzer, 'The Defence Ministry of Poland congratulated Lewandowski.', REFS);
    expect(a.flags).toEqual([]);
  });

  it('does not flag a name with an English ending glued on (Lewandowskis)', async () => {
    const a = await analyze(analyzer, 'Lewandowskis fans in Barcelona celebrated on Friday.', REFS);
    expect(a.flags).toEqual([]);
  });
});
