import { describe, expect, it } from 'vitest';
import { verbTags } from '../../src/segment/verb-tags.js';
import { tokenize } from '../../src/segment/tokens.js';
import { mtdiff, SEEDS } from '../cli/run.js';

const tagged = (text: string) => {
  const tokens = tokenize(text, 40);
  const tags = verbTags(tokens);
  return tokens.map((t, i) => `${t.text}/${tags[i] ?? '-'}`).join(' ');
};

describe('verb tags', () => {
  it("reads compromise's verb forms by character offset, wherever the sentence starts in its document", () => {
    expect(tagged('Allan made the score, and they will win.')).toBe('Allan/NN made/VBD the/- score/NN ,/- and/- they/NN will/MD win/VB ./-');
    expect(tagged('She says it is raining.')).toContain('says/VBZ');
    expect(tagged('She says it is raining.')).toContain('raining/VBG');
  });

  it('gives nothing for no tokens', () => {
    expect(verbTags([])).toEqual([]);
  });

  // A real process: module loading is per process. compromise costs about half a second to load, so only the
  // tense reading of parallel mode may load it.
  it('is loaded only where verb groups are read: not by a comparable check', () => {
    const debug = { NODE_DEBUG: 'module' };
    const comparable = mtdiff(['check', ...SEEDS.slice(0, 2), '--format', 'json'], { env: debug });
    expect(comparable.code).toBe(0);
    expect(comparable.stderr).not.toMatch(/compromise/);
    const parallel = mtdiff(['check', SEEDS[1]!, SEEDS[2]!, '--mode', 'parallel', '--format', 'json'], { env: debug });
    expect(parallel.code).toBe(0);
    expect(parallel.stderr).toMatch(/compromise/);
  }, 60_000);
});
