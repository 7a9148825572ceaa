import nspell from 'nspell';
import type NSpell from 'nspell';

const loaded = new Map<string, Promise<NSpell | undefined>>();

/**
 * Loads a Hunspell dictionary package once per process. A package that is not installed gives undefined
 * (the caller degrades: no source-language dictionary means no untranslated-word detection for that language).
 */
export function loadSpeller(pkg: string): Promise<NSpell | undefined> {
  let p = loaded.get(pkg);
  if (!p) {
    p = import(pkg).then(
      (mod: { default: { aff: Uint8Array; dic: Uint8Array } }) => nspell({ aff: Buffer.from(mod.default.aff), dic: Buffer.from(mod.default.dic) }),
      () => undefined,
    );
    loaded.set(pkg, p);
  }
  return p;
}

/** Hunspell is case-sensitive about nouns (German capitalises them); MT output often lower-cases them. */
export function knows(speller: NSpell, word: string): boolean {
  if (speller.correct(word)) return true;
  const cap = word.charAt(0).toUpperCase() + word.slice(1);
  return cap !== word && speller.correct(cap);
}
