import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corrupt, restore, type Corrupted, type InjectedError } from '../../bench/lib/generate.mjs';
import { changeNumber, INJECTED_CATEGORIES, misspell } from '../../bench/lib/inject.mjs';
import { loadLexicons, type Lexicons } from '../../bench/lib/lexicons.mjs';
import { createRng } from '../../bench/lib/prng.mjs';
import { splitSentences } from '../../src/segment/sentences.js';
import { FIXTURE_FREEDICT } from '../fixtures/freedict/env.js';

const seeds = join(import.meta.dirname, '../../seeds');
const articles = readdirSync(seeds)
  .filter((f) => /^00[0-3]_/.test(f))
  .sort()
  .map((f) => readFileSync(join(seeds, f), 'utf8'));

// The generator's English->German dictionary is the hand-written fixture, not the apt package.
process.env.MTDIFF_FREEDICT_EN_DE = FIXTURE_FREEDICT.enDe;

let lex: Lexicons;
/** Five copies of each article, each against the other three. */
let copies: { clean: string; refs: string[]; copy: Corrupted }[];

beforeAll(async () => {
  lex = await loadLexicons();
  copies = articles.flatMap((clean, i) => {
    const refs = articles.filter((_, j) => j !== i);
    return [0, 1, 2, 3, 4].map((c) => ({ clean, refs, copy: corrupt(clean, refs, lex, { seed: `test:${i}:${c}` }) }));
  });
});

const all = (): (InjectedError & { clean: string; corrupted: string; refs: string[] })[] =>
  copies.flatMap(({ clean, refs, copy }) => copy.errors.map((e) => ({ ...e, clean, corrupted: copy.text, refs })));

describe('corrupt', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const [a, b] = [articles[0]!, articles.slice(1)];
    expect(corrupt(a, b, lex, { seed: 'same' })).toEqual(corrupt(a, b, lex, { seed: 'same' }));
    expect(corrupt(a, b, lex, { seed: 'same' }).text).not.toBe(corrupt(a, b, lex, { seed: 'other' }).text);
  });

  it('records spans that slice back to the injected text, and edits that undo to the original', () => {
    for (const { clean, copy } of copies) {
      for (const e of copy.errors) {
        expect(copy.text.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(e.edit.start);
        expect(e.end).toBeLessThanOrEqual(e.edit.end);
      }
      expect(restore(copy.text, copy.errors)).toBe(clean);
    }
  });

  it('corrupts about 30% of sentences, at most one error each', () => {
    for (const { clean, copy } of copies) {
      const target = Math.round(0.3 * splitSentences(clean).length);
      expect(copy.errors.length).toBeGreaterThan(0);
      expect(copy.errors.length).toBeLessThanOrEqual(target);
      const sentences = copy.errors.map((e) => e.sentence);
      expect(sentences.every((s) => s >= 0)).toBe(true);
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });

  it('injects every category', () => {
    expect(new Set(all().map((e) => e.category))).toEqual(new Set(INJECTED_CATEGORIES));
  });

  it('injects what each category says', () => {
    for (const e of all()) {
      const original = e.edit.original;
      const region = e.corrupted.slice(e.edit.start, e.edit.end);
      switch (e.category) {
        case 'untranslated': {
          const german = String(e.detail.german);
          expect(e.text).toBe(german);
          expect(lex.knows(german) || lex.knows(german.toLowerCase())).toBe(false);
          const lemma = String(e.detail.lemma);
          expect(String(e.detail.english).toLowerCase().startsWith(lemma.slice(0, 3))).toBe(true);
          const translations = lex.german.translate(lemma, e.detail.pos as 'n' | 'v').map((w) => w.toLowerCase());
          expect(translations).toContain(e.detail.mode === 'plural' ? german.toLowerCase().slice(0, -1) : german.toLowerCase());
          break;
        }
        case 'mistranslation': {
          // A synonym from one of the lemma's other senses, never from its most frequent one.
          const [first = [], ...others] = lex.wordnet.synsets(String(e.detail.lemma), e.detail.pos as 'n' | 'v');
          const substitute = String(e.detail.substitute);
          expect(first).not.toContain(substitute);
          expect(others[Number(e.detail.sense) - 2]).toContain(substitute);
          expect(e.text).not.toBe(original);
          expect(e.text.startsWith(substitute.slice(0, 3))).toBe(true);
          break;
        }
        case 'number':
          expect(e.text).toMatch(/^[\d,.]+$/);
          expect(e.text).not.toBe(original);
          expect(e.text.replace(/\d/g, '0')).toBe(original.replace(/\d/g, '0'));
          break;
        case 'entity':
          expect(e.text).not.toBe(e.detail.original);
          expect(e.text.length).toBe(String(e.detail.original).length);
          expect(e.text[0]).toBe(String(e.detail.original)[0]);
          expect(e.refs.some((r) => r.includes(String(e.detail.original)))).toBe(true);
          break;
        case 'spelling':
          expect(e.text).toBe(String(e.detail.original).toLowerCase());
          expect(e.text).not.toBe(e.detail.original);
          break;
        case 'duplication':
          expect(region).toBe(`${original} ${original}`);
          expect(e.text).toBe(original);
          break;
        case 'punctuation':
          expect(e.text).toMatch(/\S( -|- )\S/);
          expect(e.text.replace(' ', '')).toBe(original);
          break;
        case 'omission':
          expect(e.start).toBe(e.end);
          expect(region).toBe('');
          expect(original).toMatch(/^, \S/);
          expect(original).toBe(e.detail.removed);
          break;
        default:
          throw new Error(`unexpected category ${e.category}`);
      }
    }
  });
});

describe('changeNumber and misspell', () => {
  it('keep the shape of what they change', () => {
    const rng = createRng('shape');
    for (const n of ['1,200', '251', '2023', '7', '2.3']) {
      for (let i = 0; i < 20; i++) {
        const changed = changeNumber(n, rng);
        expect(changed).not.toBe(n);
        expect(changed.replace(/\d/g, '0')).toBe(n.replace(/\d/g, '0'));
        expect(changed).not.toMatch(/^0\d/);
      }
    }
    for (let i = 0; i < 20; i++) {
      const wrong = misspell('Boehler', rng);
      expect(wrong).not.toBe('Boehler');
      expect(wrong[0]).toBe('B');
      expect(wrong.length).toBe(7);
    }
  });
});
