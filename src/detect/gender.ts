import type { Token } from '../core/types.js';
import { evidenceOf, perAlignedSentence, type RefSentence } from './context.js';
import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

/** English words that carry a referent's gender, with their counterpart: a closed class of the language. */
const PAIRS: readonly [string, string][] = [
  ['he', 'she'],
  ['him', 'her'],
  ['his', 'her'],
  ['himself', 'herself'],
  ['man', 'woman'],
  ['men', 'women'],
  ['boy', 'girl'],
  ['boys', 'girls'],
  ['father', 'mother'],
  ['son', 'daughter'],
  ['sons', 'daughters'],
  ['brother', 'sister'],
  ['husband', 'wife'],
  ['king', 'queen'],
  ['mr', 'mrs'],
];
const MASCULINE = new Map(PAIRS.map(([m, f]) => [m, f]));
const FEMININE = new Map<string, string>();
for (const [m, f] of PAIRS) if (!FEMININE.has(f)) FEMININE.set(f, m);
FEMININE.set('hers', 'his');
FEMININE.set('ms', 'mr');

type Gender = 'm' | 'f';
const genderOf = (norm: string): Gender | undefined => (MASCULINE.has(norm) ? 'm' : FEMININE.has(norm) ? 'f' : undefined);

function genders(tokens: readonly Token[]): Set<Gender> {
  const out = new Set<Gender>();
  for (const t of tokens) {
    const g = t.word ? genderOf(t.norm) : undefined;
    if (g) out.add(g);
  }
  return out;
}

function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * Gender swapped: the MT refers to someone as "he" where the parallel reference says "she" (or "his" for
 * "her", "man" for "woman"). Only where every aligned reference sentence uses one gender and the MT only the
 * other, so sentences about a man and a woman are left alone.
 */
export class GenderDetector implements Detector {
  readonly id = 'gender';
  readonly meta: DetectorMeta = {
    finds: 'a pronoun or gendered noun of the other gender than the reference ("he" for "she", "his" for "her"; parallel references only)',
    how: 'the gendered words (a closed class of English) of the sentence against every aligned reference sentence: one gender on each side, and not the same',
    categories: ['mistranslation'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(
      ctx,
      (s, refs) => {
        const mine = genders(s.tokens);
        const [g] = [...mine];
        if (mine.size !== 1 || !refs.map((r) => genders(r.tokens)).every((t) => t.size === 1 && !t.has(g!))) return [];
        return s.tokens.filter((t) => t.word && genderOf(t.norm) === g).map((t) => this.flag(t, refs, g!));
      },
      { parallelOnly: true },
    );
  }

  private flag(t: Token, refs: RefSentence[], g: Gender): RawFlag {
    const other = (g === 'm' ? MASCULINE : FEMININE).get(t.norm)!;
    const suggestion = matchCase(other === 'mrs' ? 'Mrs' : other === 'mr' ? 'Mr' : other, t.text);
    return {
      start: t.start,
      end: t.end,
      text: t.text,
      category: 'mistranslation',
      severity: 'major',
      confidence: 0.7,
      message: `'${t.text}' has the wrong gender: the reference speaks of ${g === 'm' ? 'a woman' : 'a man'}.`,
      suggestion,
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { refSim: Math.max(...refs.map((r) => r.similarity)), pronoun: /^(he|she|him|her|his|hers|himself|herself)$/.test(t.norm) ? 1 : 0 },
    };
  }
}
