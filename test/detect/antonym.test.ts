import { describe, expect, it } from 'vitest';
import { AntonymDetector } from '../../src/detect/antonym.js';
import { analyze } from './helpers.js';
import { stubAnalyzer } from './stub.js';

const analyzer = stubAnalyzer(new AntonymDetector());
const parallel = { mode: 'parallel' as const };

describe('antonym', () => {
  it('flags a word whose antonym the reference has, as critical, inflected like the reference', async () => {
    const a = await analyze(analyzer, 'Exports increased sharply last year.', ['Exports decreased sharply last year.'], parallel);
    expect(a.flags.map((f) => [f.text, f.suggestion, f.severity])).toEqual([['increased', 'decreased', 'critical']]);
  });

  it('leaves a sentence that has both words alone', async () => {
    expect((await analyze(analyzer, 'Imports increased while exports decreased.', ['Exports decreased while imports increased.'], parallel)).flags).toEqual([]);
  });
});
