import { describe, expect, it } from 'vitest';
import { DictdDictionary, parseEntry } from '../../src/detect/lexicon/bilingual.js';
import { languageResources } from '../../src/detect/lexicon/languages.js';
import { FIXTURE_FREEDICT } from '../fixtures/freedict/env.js';

// Entries below are invented but follow FreeDict's dictd layout: headword line, translation lines, then
// indented examples, synonyms, cross-references and notes.
describe('parseEntry (FreeDict entry text)', () => {
  it('reads the translation lines and drops grammar tags, parentheses, examples and cross-references', () => {
    const entry = [
      'Deich /dˈaɪç/ <masc, n, sg>',
      'dyke <n> (flood barrier), dike <n>; levee',
      '      "den Deich erhöhen"  - raise the dyke',
      '   Synonyms: {Damm}, {Wall}',
      ' see: {Deiche}, {Flussdeich}',
      '         Note: am Fluss',
    ].join('\n');
    expect(parseEntry(entry)).toEqual(['dyke', 'dike', 'levee']);
  });

  it('drops numbering and "sb/sth" placeholders', () => {
    expect(parseEntry('retten <v>\n1. to rescue sb., to save sth.')).toEqual(['to rescue', 'to save']);
  });

  // BUG (src/detect/lexicon/bilingual.ts line 62): a translation line with a domain label starts with a space
  // (" [pol.] government <n>") and is skipped as if it were an indented example. In the real deu-eng
  // dictionary this loses 'bridge' for Brücke, 'commission' for Kommission, 'government' for Regierung and every
  // sense of Dorf. Expected ['government']; actual [].
  it('keeps translation lines that carry a domain label', () => {
    expect(parseEntry('Regierung /reːɡˈiːrʊŋ/ <fem, n, sg>\n [pol.] government <n>\n see: {Regierungen}\n')).toEqual(['government']);
  });

  // BUG (src/detect/lexicon/bilingual.ts line 64-65): a usage label after a translation ("city hall <n> [Am.]")
  // is not stripped, so the translation fails the letters-only test and is lost. Expected both; actual ['town hall'].
  it('keeps translations that carry a regional usage label', () => {
    expect(parseEntry('Rathaus <neut, n, sg>\ntown hall <n>, city hall <n> [Am.]\n')).toEqual(['town hall', 'city hall']);
  });
});

describe('DictdDictionary', () => {
  it('opens nothing when the dictionary is absent', () => {
    expect(DictdDictionary.open(undefined)).toBeUndefined();
    expect(DictdDictionary.open('/nonexistent/freedict-xxx-eng')).toBeUndefined();
  });

  // The fixtures are hand-written dictd files (test/fixtures/freedict), dictzip-compressed as FreeDict's are.
  it('translates headwords of dictd deu-eng and fra-eng dictionaries, case-insensitively', () => {
    const de = DictdDictionary.open(FIXTURE_FREEDICT.de);
    const fr = DictdDictionary.open(FIXTURE_FREEDICT.fr);
    expect(de?.translate('Häuser')).toEqual(['houses']);
    expect(de?.translate('Kommission')).toEqual(['panel', 'commission']);
    expect(de?.knows('Stadt')).toBe(true);
    expect(de?.translate('häuser')).toEqual(de?.translate('Häuser'));
    expect(fr?.translate('otage')).toContain('hostage');
    expect(de?.translate('xyzzyplugh')).toEqual([]);
  });

  it('knows which resources a configured language uses, and none for an unknown one', () => {
    expect(languageResources('FR')).toEqual({ hunspell: 'dictionary-fr', freedict: '/usr/share/dictd/freedict-fra-eng' });
    expect(languageResources('cs')).toEqual({ stems: 'dictionary-cs', freedict: '/usr/share/dictd/freedict-ces-eng' });
    expect(languageResources('xx')).toBeUndefined();
  });
});
