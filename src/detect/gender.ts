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

function counts(tokens: readonly Token[]): Record<Gender, number> {
  const out = { m: 0, f: 0 };
  for (const t of tokens) {
    const g = t.word ? genderOf(t.norm) : undefined;
    if (g) out[g]++;
  }
  return out;
}

const other = (g: Gender): Gender => (g === 'm' ? 'f' : 'm');

/** The one gender every reference sentence uses (none of the other), if they agree on one. */
function referenceGender(refs: readonly RefSentence[]): { gender: Gender; count: number } | undefined {
  const all = refs.map((r) => counts(r.tokens));
  for (const g of ['m', 'f'] as const) {
    if (all.every((c) => c[g] > 0 && c[other(g)] === 0)) return { gender: g, count: Math.min(...all.map((c) => c[g])) };
  }
  return undefined;
}

const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** A capitalised word past the first and before the pronoun: a name it most likely refers back to. */
function namedBefore(tokens: readonly Token[], token: Token): boolean {
  const words = tokens.filter((t) => t.word && t.start < token.start);
  return words.some((t, k) => k > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && !genderOf(t.norm) && !CALENDAR.test(t.norm));
}

function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * Gender swapped: the MT refers to someone as "he" where the parallel reference says "she" (or "his" for
 * "her", "man" for "woman"). Only where every aligned reference sentence uses one gender, and the MT's words of the
 * other are no more than the reference's words it lacks, so sentences about a man and a woman are left alone.
 */
export class GenderDetector implements Detector {
  readonly id = 'gender';
  readonly meta: DetectorMeta = {
    finds: 'a pronoun or gendered noun of the other gender than the reference ("he" for "she", "his" for "her"; parallel references only)',
    how: 'the gendered words (a closed class of English) of the sentence against every aligned reference sentence: the references use one gender only, the MT words of the other stand in for some of them; critical when a name comes before it',
    categories: ['mistranslation'],
    modes: ['parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    return perAlignedSentence(
      ctx,
      (s, refs) => {
        const theirs = referenceGender(refs);
        if (!theirs) return [];
        const mine = counts(s.tokens);
        const g = other(theirs.gender);
        // Words of the other gender only where the MT has fewer of the reference's than the reference: they stand
        // in for those, not for a second person the reference names otherwise.
        if (mine[g] === 0 || mine[g] > theirs.count - mine[theirs.gender]) return [];
        const mixed = mine[theirs.gender] > 0 ? 1 : 0;
        return s.tokens.filter((t) => t.word && genderOf(t.norm) === g).map((t) => this.flag(t, refs, g, { mixed, named: namedBefore(s.tokens, t) ? 1 : 0 }));
      },
      { parallelOnly: true },
    );
  }

  private flag(t: Token, refs: RefSentence[], g: Gender, extra: { mixed: number; named: number }): RawFlag {
    const other = (g === 'm' ? MASCULINE : FEMININE).get(t.norm)!;
    const suggestion = matchCase(other === 'mrs' ? 'Mrs' : other === 'mr' ? 'Mr' : other, t.text);
    return {
      start: t.start,
      end: t.end,
      text: t.text,
      category: 'mistranslation',
      // The wrong sex for a named person is a key fact wrong (issue: critical); otherwise the meaning changes.
      severity: extra.named ? 'critical' : 'major',
      confidence: 0.7,
      message: `'${t.text}' has the wrong gender: the reference speaks of ${g === 'm' ? 'a woman' : 'a man'}.`,
      suggestion,
      evidence: refs.map(evidenceOf),
      detector: this.id,
      features: { refSim: Math.max(...refs.map((r) => r.similarity)), pronoun: /^(he|she|him|her|his|hers|himself|herself)$/.test(t.norm) ? 1 : 0, ...extra },
    };
  }
}
