import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { UnmatchedDetector } from '../../src/detect/unmatched.js';
import { analyze, loadAnalyzer, ofCategory, only } from './helpers.js';

// Invented sentences with a parallel reference (a translation of the same source), as MQM evaluation uses.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new UnmatchedDetector());
});

describe('unmatched words (parallel mode)', () => {
  it('flags a content word the reference renders nowhere and leaves shared words alone', async () => {
    const mt = 'The farmers harvested the purple elephants before the storm.';
    const ref = 'The farmers harvested the wheat before the storm.';
    const a = await analyze(analyzer, mt, [ref], { mode: 'parallel' });
    const texts = ofCategory(a, 'mistranslation').map((f) => f.text);
    expect(texts.join(' ')).toContain('elephants');
    expect(texts.join(' ')).not.toMatch(/farmers|harvested|storm/);
    const flag = a.flags.find((f) => f.text.includes('elephants'))!;
    // Content the reference renders nowhere changes the meaning (MQM major).
    expect(flag.severity).toBe('major');
    expect(flag.evidence[0]!.text).toBe(ref);
  });

  it('joins neighbouring unmatched words into one phrase across function words', async () => {
    const mt = 'She applied for an office in front of the council.';
    const ref = 'She asked the council for a meeting.';
    const a = await analyze(analyzer, mt, [ref], { mode: 'parallel' });
    const spans = a.flags.map((f) => f.text);
    expect(spans.some((t) => t.split(/\s+/).length >= 3), spans.join(' | ')).toBe(true);
  });

  it('reads a pronoun with a contracted auxiliary ("that\'s") as a function word', async () => {
    const a = await analyze(analyzer, "Honestly, that's what the talks are about.", ['Honestly, this is what the talks concern.'], { mode: 'parallel' });
    expect(a.flags.map((f) => f.text).join(' ')).not.toContain("that's");
  });

  it('raises nothing for an identical translation', async () => {
    const text = 'The central bank raised interest rates by half a point on Tuesday.';
    const a = await analyze(analyzer, text, [text], { mode: 'parallel' });
    expect(a.flags).toEqual([]);
  });

  it('reads a translation that joins two reference sentences against both', async () => {
    // The short first sentence adds little to the merged sentence vector, so the alignment alone skips it.
    const mt = 'In the end the weather changed and a strong wind from the north brought snow to the mountain villages, and the roads were closed for two days.';
    const ref = 'In the end, the weather changed. A strong wind from the north brought snow to the mountain villages, and the roads were closed for two days.';
    const a = await analyze(analyzer, mt, [ref], { mode: 'parallel' });
    expect(a.flags.map((f) => f.text)).toEqual([]);
    expect(a.refs[0]!.unmatched).toEqual([]);
    expect(a.sentences[0]!.matches[0]).toMatchObject({ index: 0, merged: 1, text: ref });
  });

  it('stays silent with comparable references, where unmatched content is expected', async () => {
    const mt = 'The farmers harvested the purple elephants before the storm.';
    const a = await analyze(analyzer, mt, ['The farmers harvested the wheat before the storm.'], { mode: 'comparable' });
    expect(a.flags).toEqual([]);
  });
});
