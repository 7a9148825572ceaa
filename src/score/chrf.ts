/**
 * Sentence chrF exactly as sacreBLEU 2.x defines CHRF (char_order 6, word_order 0, beta 2, whitespace
 * removed, effective-order averaging, no eps smoothing), so mtdiff's lexical baseline is the published one.
 * Checked against sacreBLEU itself in test/eval/chrf.test.ts (values recorded by scripts/validate_chrf.py).
 */

export const CHRF_CHAR_ORDER = 6;
export const CHRF_BETA = 2;

/** What Python's str.split() splits on (str.isspace), which is what sacreBLEU removes; JS \s differs. */
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;

/** n-gram counts for n = 1..order over code points (Python indexes strings by code point, not UTF-16 unit). */
export function charNgrams(text: string, order = CHRF_CHAR_ORDER): Map<string, number>[] {
  const squeezed = text.replace(PY_WHITESPACE, '');
  const chars = Array.from(squeezed);
  // Without surrogate pairs code points are UTF-16 units, and substring() avoids building arrays per n-gram.
  const bmp = chars.length === squeezed.length;
  const out: Map<string, number>[] = [];
  for (let n = 1; n <= order; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const g = bmp ? squeezed.substring(i, i + n) : chars.slice(i, i + n).join('');
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    out.push(counts);
  }
  return out;
}

/** [hyp n-grams, ref n-grams, matches] per order, flattened (sacreBLEU's statistics layout). */
export function chrfStats(hyp: readonly Map<string, number>[], ref: readonly Map<string, number>[]): number[] {
  const stats: number[] = [];
  hyp.forEach((h, i) => {
    const r = ref[i] ?? new Map<string, number>();
    let hypCount = 0;
    let match = 0;
    for (const [g, c] of h) {
      hypCount += c;
      const rc = r.get(g);
      if (rc !== undefined) match += Math.min(c, rc);
    }
    let refCount = 0;
    for (const c of r.values()) refCount += c;
    // sacreBLEU: hypothesis n-grams do not count when the reference has none of that order
    stats.push(r.size > 0 ? hypCount : 0, refCount, match);
  });
  return stats;
}

/** F-beta over precision and recall averaged across the orders both sides have; 0..100 like sacreBLEU. */
export function chrfFromStats(stats: readonly number[], beta = CHRF_BETA): number {
  const factor = beta * beta;
  let prec = 0;
  let rec = 0;
  let effective = 0;
  for (let i = 0; i + 2 < stats.length; i += 3) {
    const nHyp = stats[i]!;
    const nRef = stats[i + 1]!;
    const nMatch = stats[i + 2]!;
    if (nHyp > 0 && nRef > 0) {
      prec += nMatch / nHyp;
      rec += nMatch / nRef;
      effective++;
    }
  }
  if (effective === 0) return 0;
  prec /= effective;
  rec /= effective;
  if (prec + rec === 0) return 0;
  return (100 * (1 + factor) * prec * rec) / (factor * prec + rec);
}

/** sacreBLEU `CHRF().sentence_score(hyp, [ref]).score`. */
export function chrf(hyp: string, ref: string): number {
  return chrfFromStats(chrfStats(charNgrams(hyp), charNgrams(ref)));
}

/** Word n-gram counts for n = 1..order over the given tokens (chrF++'s word part). */
export function wordNgrams(words: readonly string[], order: number): Map<string, number>[] {
  const out: Map<string, number>[] = [];
  for (let n = 1; n <= order; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= words.length; i++) {
      const g = words.slice(i, i + n).join(' ');
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    out.push(counts);
  }
  return out;
}

/**
 * chrF++ (Popović 2017: character 1-6-grams plus word 1-2-grams, beta 2) over given word tokens, in [0, 100].
 * Callers pass case-folded tokens, so casing never reaches it; punctuation marks count as words, as
 * sacreBLEU's chrF++ separates them.
 */
export function chrfPlusPlus(hyp: string, ref: string, hypWords: readonly string[], refWords: readonly string[], wordOrder = 2): number {
  const stats = [
    ...chrfStats(charNgrams(hyp), charNgrams(ref)),
    ...chrfStats(wordNgrams(hypWords, wordOrder), wordNgrams(refWords, wordOrder)),
  ];
  return chrfFromStats(stats);
}

/** Character n-grams with each run of whitespace kept as one space: sees "word ," against "word,". */
export function spacedChrf(hyp: string, ref: string): number {
  const squeeze = (t: string) => t.replace(PY_WHITESPACE, ' ').replace(/ {2,}/g, ' ').trim().replace(/ /g, '\u2581');
  return chrfFromStats(chrfStats(charNgrams(squeeze(hyp)), charNgrams(squeeze(ref))));
}
