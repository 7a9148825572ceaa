import { knowsAny } from './english.js';
import type { Speller } from './spell.js';

/**
 * English words the Hunspell dictionaries lack but English morphology builds from words they have (labelers,
 * microclimate, carotenoid): without this they count as foreign, and some loose source-language stem list always
 * claims them. Only English affixes; a base must keep four letters.
 */
const SUFFIXES = ['ers', 'er', 'ings', 'ing', 'ed', 'es', 's', 'ly', 'ness', 'ity', 'ism', 'ists', 'ist', 'al', 'ize', 'ise', 'ized', 'ised', 'oid', 'oids', 'ic', 'less', 'ful', 'able'];
const PREFIXES = ['micro', 'macro', 'multi', 'non', 'anti', 'pre', 'post', 're', 'un', 'sub', 'super', 'inter', 'over', 'under', 'self', 'co', 'bio', 'geo', 'neo', 'semi', 'mini', 'mega', 'ultra', 'counter', 'cross', 'out', 'tele', 'photo', 'hydro', 'electro'];
const MIN_BASE = 4;

export function englishDerivation(word: string, english: readonly Speller[]): boolean {
  const w = word.toLowerCase();
  const known = (b: string) => b.length >= MIN_BASE && (knowsAny(english, b) || knowsAny(english, `${b}e`));
  for (const s of SUFFIXES) if (w.endsWith(s) && known(w.slice(0, -s.length))) return true;
  for (const p of PREFIXES) {
    const rest = w.slice(p.length).replace(/^-/, '');
    if (w.startsWith(p) && (known(rest) || SUFFIXES.some((s) => rest.endsWith(s) && known(rest.slice(0, -s.length))))) return true;
  }
  return false;
}
