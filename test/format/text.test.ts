import { describe, expect, it } from 'vitest';
import { ANSI_PAINT, colourWanted } from '../../src/format/colour.js';
import { formatText, TOP_PROBLEMS } from '../../src/format/text.js';
import { buildAnalysis, HOSTILE, hostileAnalysis } from '../fixtures/report/analysis.js';

const sentences = ['Clean first sentence.', 'They published the hostages.', 'A clean one.', 'Now publish the hostages!', 'The the end.'];
const analysis = buildAnalysis(sentences, [
  { sentence: 1, text: 'published', suggestion: 'released', severity: 'major' },
  { sentence: 3, text: 'publish', suggestion: 'release', severity: 'major' },
  { sentence: 4, text: 'The the', suggestion: 'The', severity: 'minor', category: 'duplication' },
]);

describe('formatText', () => {
  const out = formatText(analysis);
  const lines = out.split('\n');

  it('starts with the verdict and the counts, then the problems to fix first', () => {
    expect(lines[0]).toMatch(/Needs revision: 0 critical, 2 major, 1 minor/);
    const top = lines.indexOf('Fix these first:');
    expect(top).toBeGreaterThan(0);
    expect(lines[top + 1]).toMatch(/^ {2}1\. major mistranslation "published" → "released" \(2 times, sentences 2, 4\)/);
    expect(lines[top + 2]).toMatch(/^ {2}2\. minor duplication "The the" → "The" \(sentence 5\)/);
  });

  it('lists only the flagged sentences, numbered from 1', () => {
    expect(out).not.toContain('Clean first sentence');
    expect(out).not.toContain('A clean one');
    expect(out).toMatch(/^ {3}2 {2}They published the hostages\.$/m);
    expect(out).toMatch(/^ {3}4 {2}Now publish/m);
  });

  it('--verbose shows every sentence with its best match', () => {
    const v = formatText(analysis, { verbose: true });
    for (const s of sentences) expect(v).toContain(s);
    expect(v).toMatch(/ref reference\.txt #1: /);
  });

  it('has a legend and at most TOP_PROBLEMS problems on top', () => {
    expect(out).toMatch(/^Legend: critical/m);
    const many = buildAnalysis(
      Array.from({ length: 9 }, (_, i) => `Word${i} is wrong.`),
      Array.from({ length: 9 }, (_, i) => ({ sentence: i, text: `Word${i}`, suggestion: `w${i}` })),
    );
    const m = formatText(many).split('\n');
    const top = m.indexOf('Fix these first:');
    expect(m.slice(top + 1).filter((l) => /^ {2}\d+\. /.test(l))).toHaveLength(TOP_PROBLEMS);
  });

  it('no escape sequence from the article reaches the terminal, with or without colour', () => {
    const h = hostileAnalysis();
    for (const paint of [undefined, ANSI_PAINT]) {
      const text = formatText(h, { paint, verbose: true });
      const withoutOurs = text.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutOurs).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(formatText(h)).toContain(HOSTILE[0]);
  });

  it('colours severities only when asked', () => {
    expect(out).not.toContain('\u001b');
    expect(formatText(analysis, { paint: ANSI_PAINT })).toContain('\u001b[31mmajor\u001b[0m');
  });
});

describe('colourWanted', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
  ])('%j %j -> %s', (stream, env, want) => {
    expect(colourWanted(stream, env as NodeJS.ProcessEnv)).toBe(want);
  });
});
