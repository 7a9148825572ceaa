/**
 * Closed compounds of the Germanic languages (Geschäftsführer, Zeitpunkt, bootfahren): Hunspell lists few of them
 * and nspell does not implement Hunspell's compounding, so a word also counts as the language's when it splits
 * into two of its words, the head optionally with a linking letter (Geschäft-s-führer). The tail must not be an
 * English word, so that an English compound the English dictionary happens to lack (microclimate) stays English.
 */
export const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da', 'nb', 'nn', 'no', 'is', 'fy', 'lb']);

const MIN_PART = 4;
const MIN_TAIL = 4;

export function isCompound(word: string, known: (w: string) => boolean, english: (w: string) => boolean): boolean {
  for (let i = MIN_PART; i <= word.length - MIN_TAIL; i++) {
    const tail = word.slice(i).toLowerCase();
    if (english(tail) || !known(tail)) continue;
    const head = word.slice(0, i);
    const heads = /[sne]$/i.test(head) && head.length > MIN_PART ? [head, head.slice(0, -1)] : [head];
    if (heads.some(known)) return true;
  }
  return false;
}
