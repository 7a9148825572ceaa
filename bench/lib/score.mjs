/**
 * Scoring of flags against injected errors. A case is one analysed text:
 *   { errors: [{category, start, end, sentence, supported?}], flags: [{category, start, end, sentence, background?}],
 *     tokens: [{start, end}] (its word tokens) }
 * `background` marks a flag the clean original also gets (a false flag the injection did not cause).
 */

/** Categories judged per sentence: their span is a gap (zero width) that no flag can overlap. */
export const SENTENCE_LEVEL = new Set(['omission']);

/** Half-open overlap; a zero-width span touches what ends or starts at its position. */
export function overlaps(a, b) {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export function hits(error, flag) {
  return SENTENCE_LEVEL.has(error.category) ? flag.sentence === error.sentence : overlaps(error, flag);
}

const ratio = (n, d) => (d === 0 ? null : n / d);
const f1 = (p, r) => (p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r));

function prf(tp, predicted, truePredicted, gold) {
  const precision = ratio(tp, predicted);
  const recall = ratio(truePredicted, gold);
  return { precision, recall, f1: f1(precision, recall) };
}

/** Every category that occurs as an injected error or a flag, injected ones first in the given order. */
export function categoriesOf(cases, order = []) {
  const seen = new Set(order);
  for (const c of cases) for (const x of [...c.errors, ...c.flags]) seen.add(x.category);
  return [...seen];
}

/**
 * Span level, per category C. Recall: injected C errors hit by a C flag (same) or by any flag (any), and
 * (same) among errors in supported sentences only.
 * Precision: C flags that hit an injected C error (same) or any injected error (any); "new" leaves out
 * unmatched background flags, i.e. measures the flags the injection caused.
 */
export function scoreSpans(cases, order) {
  const out = {};
  const rows = [...categoriesOf(cases, order), 'all'];
  for (const cat of rows) {
    const inCat = (x) => cat === 'all' || x.category === cat;
    let gold = 0, foundSame = 0, foundAny = 0, predicted = 0, tpSame = 0, tpAny = 0, background = 0, supported = 0, foundSupported = 0;
    for (const c of cases) {
      for (const e of c.errors.filter(inCat)) {
        gold++;
        const same = c.flags.some((f) => (cat === 'all' ? f.category === e.category : f.category === cat) && hits(e, f));
        if (same) foundSame++;
        if (c.flags.some((f) => hits(e, f))) foundAny++;
        if (e.supported !== false) {
          supported++;
          if (same) foundSupported++;
        }
      }
      for (const f of c.flags.filter(inCat)) {
        predicted++;
        const same = c.errors.some((e) => e.category === f.category && hits(e, f));
        const any = c.errors.some((e) => hits(e, f));
        if (same) tpSame++;
        if (any) tpAny++;
        if (f.background && !any) background++;
      }
    }
    out[cat] = {
      errors: gold,
      flags: predicted,
      backgroundFlags: background,
      detected: foundSame,
      detectedAny: foundAny,
      same: prf(tpSame, predicted, foundSame, gold),
      any: prf(tpAny, predicted, foundAny, gold),
      precisionNew: ratio(tpSame, predicted - background),
      /** Errors in sentences the alignment supports with a reference sentence (`supported` not false). */
      supportedErrors: supported,
      recallSupported: ratio(foundSupported, supported),
    };
  }
  return out;
}

function coveredTokens(tokens, spans) {
  const covered = new Set();
  for (const s of spans) {
    if (s.start === s.end) continue;
    tokens.forEach((t, i) => {
      if (t.start < s.end && s.start < t.end) covered.add(i);
    });
  }
  return covered;
}

const intersection = (a, b) => [...a].filter((x) => b.has(x)).length;

/**
 * Token level, per category C: word tokens covered by C flags against word tokens covered by injected C
 * errors (same), and against tokens of any injected error / any flag (any). Sentence-level categories have
 * no tokens and are left out.
 */
export function scoreTokens(cases, order) {
  const out = {};
  const rows = [...categoriesOf(cases, order).filter((c) => !SENTENCE_LEVEL.has(c)), 'all'];
  for (const cat of rows) {
    const inCat = (x) => cat === 'all' || x.category === cat;
    let gold = 0, predicted = 0, tp = 0, tpAnyGold = 0, tpAnyFlag = 0;
    for (const c of cases) {
      const g = coveredTokens(c.tokens, c.errors.filter(inCat));
      const p = coveredTokens(c.tokens, c.flags.filter(inCat));
      const allGold = coveredTokens(c.tokens, c.errors);
      const allFlags = coveredTokens(c.tokens, c.flags);
      gold += g.size;
      predicted += p.size;
      // For 'all', "same" means the flag's category matches the error's on that token.
      tp += cat === 'all' ? sameCategoryTokens(c) : intersection(g, p);
      tpAnyGold += intersection(g, allFlags);
      tpAnyFlag += intersection(p, allGold);
    }
    out[cat] = {
      goldTokens: gold,
      flaggedTokens: predicted,
      same: prf(tp, predicted, tp, gold),
      any: prf(tpAnyFlag, predicted, tpAnyGold, gold),
    };
  }
  return out;
}

function sameCategoryTokens(c) {
  const cats = new Set(c.errors.map((e) => e.category));
  let n = 0;
  for (const cat of cats) {
    const g = coveredTokens(c.tokens, c.errors.filter((e) => e.category === cat));
    const p = coveredTokens(c.tokens, c.flags.filter((f) => f.category === cat));
    n += intersection(g, p);
  }
  return n;
}

/** For each injected category, how many of its errors a flag of each category hit (what the detectors call them). */
export function confusion(cases) {
  const out = {};
  for (const c of cases) {
    for (const e of c.errors) {
      const row = (out[e.category] ??= {});
      const cats = new Set(c.flags.filter((f) => hits(e, f)).map((f) => f.category));
      if (cats.size === 0) row.none = (row.none ?? 0) + 1;
      for (const cat of cats) row[cat] = (row[cat] ?? 0) + 1;
    }
  }
  return out;
}

/** False flags on a clean text: count, rate per 1,000 words, and per category. */
export function falseFlagRate(flags, words) {
  const byCategory = {};
  for (const f of flags) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  return { words, flags: flags.length, per1000: words ? (1000 * flags.length) / words : 0, byCategory };
}
