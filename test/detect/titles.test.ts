import { beforeAll, describe, expect, it } from 'vitest';
import { stubAnalyzer } from './stub.js';
import type { Analyzer } from '../../src/analyze.js';
import { TitleDetector } from '../../src/detect/titles.js';
import { analyze, refId } from './helpers.js';

// Invented story: a mediator arrives for talks.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = stubAnalyzer(new TitleDetector());
});

const ENVOY = ['The UN special envoy for the region, Maria Lopez, arrived on Monday.', 'Talks began after UN envoy Maria Lopez met both sides.'];

describe('titles', () => {
  it("flags a person's title that no reference uses where the references agree on another", async () => {
    const mt = 'The talks began after the UN Messenger Maria Lopez met both sides.';
    const a = await analyze(analyzer, mt, ENVOY);
    expect(a.flags.map((f) => [f.text, f.suggestion])).toEqual([['Messenger', 'envoy']]);
    expect(a.flags[0]!.message).toBe("No reference calls Maria Lopez 'Messenger'; 2 references call Maria Lopez 'envoy'.");
    expect(a.flags[0]!.evidence.map((e) => e.ref).sort()).toEqual([refId(0), refId(1)]);
  });

  it('needs two references to agree, and leaves a title word the references use elsewhere alone', async () => {
    const mt = 'The talks began after the UN Messenger Maria Lopez met both sides.';
    const split = ['The UN special envoy for the region, Maria Lopez, arrived on Monday.', 'Talks began after UN mediator Maria Lopez met both sides.'];
    expect((await analyze(analyzer, mt, split)).flags).toEqual([]);
    const used = [...ENVOY, 'A messenger brought the letter.'];
    expect((await analyze(analyzer, mt, used)).flags).toEqual([]);
  });
});
