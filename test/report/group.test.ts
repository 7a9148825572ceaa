import { describe, expect, it } from 'vitest';
import { groupFlags, groupKey, occurrences } from '../../src/report/group.js';
import { buildAnalysis } from '../fixtures/report/analysis.js';

const sentences = [
  'They published the hostages.',
  'Now publish the hostages!',
  'The ceasefire contract held.',
  'Hamas will publish all hostages.',
  'The the talks went on.',
];

describe('groupFlags', () => {
  const a = buildAnalysis(sentences, [
    { sentence: 0, text: 'published', suggestion: 'released', severity: 'major' },
    { sentence: 1, text: 'publish', suggestion: 'release', severity: 'major' },
    { sentence: 2, text: 'contract', suggestion: 'agreement', severity: 'minor', category: 'terminology' },
    { sentence: 3, text: 'publish', suggestion: 'release', severity: 'minor' },
    { sentence: 4, text: 'The the', suggestion: 'The', severity: 'minor', category: 'duplication' },
    // same text, another fix: another issue
    { sentence: 3, text: 'hostages', suggestion: 'captives', severity: 'minor' },
  ]);
  const groups = groupFlags(a.flags);

  it('makes inflections of the same wrong word with the same fix one issue', () => {
    const publish = groups.find((g) => g.text === 'published')!;
    expect(publish.flags.map((f) => f.sentence)).toEqual([0, 1, 3]);
    expect(publish.severity).toBe('major');
    expect(publish.sentences).toEqual([0, 1, 3]);
    expect(occurrences(publish)).toBe('3 times, sentences 1, 2, 4');
    expect(groups).toHaveLength(4);
  });

  it('keeps every flag exactly once', () => {
    expect(groups.flatMap((g) => g.flags).sort((x, y) => x.start - y.start)).toEqual([...a.flags].sort((x, y) => x.start - y.start));
  });

  it('puts the worst, then the most frequent issue first', () => {
    expect(groups[0]!.text).toBe('published');
    expect(groups.slice(1).every((g) => g.severity === 'minor')).toBe(true);
  });

  it('separates categories and fixes', () => {
    expect(groupKey({ category: 'mistranslation', text: 'Publish', suggestion: 'release' })).toBe(groupKey({ category: 'mistranslation', text: 'published', suggestion: 'Released' }));
    expect(groupKey({ category: 'terminology', text: 'publish', suggestion: 'release' })).not.toBe(groupKey({ category: 'mistranslation', text: 'publish', suggestion: 'release' }));
    expect(groupKey({ category: 'grammar', text: 'a decades' })).not.toBe(groupKey({ category: 'grammar', text: 'a decades', suggestion: 'decades' }));
  });

  it('says a single occurrence without a count', () => {
    expect(occurrences(groups.find((g) => g.text === 'contract')!)).toBe('sentence 3');
  });
});
