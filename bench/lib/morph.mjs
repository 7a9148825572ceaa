/**
 * Just enough English morphology to swap one regular word form for another: WordNet's "morphy" detachment
 * rules to find the lemma, and their inverse to inflect a substitute. Irregular forms are skipped by the
 * callers (the generated form must round-trip and be known to the English speller).
 */

const DETACH = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
};

/** Possible lemmas of a lower-case word form, the form itself first. */
export function lemmaCandidates(word, pos) {
  const out = [word];
  for (const [suffix, repl] of DETACH[pos] ?? []) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, -suffix.length) + repl;
    out.push(base);
    // "stopped" -> "stopp" -> "stop"
    if (repl === '' && /([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  }
  return [...new Set(out)];
}

/** Which regular ending a tagged word form carries: '' (base), 's', 'ed' or 'ing'; undefined when irregular. */
export function endingOf(norm, tag) {
  if (tag === 'NN' || tag === 'VB' || tag === 'VBP') return '';
  if (tag === 'NNS' || tag === 'VBZ') return /s$/.test(norm) ? 's' : undefined;
  if (tag === 'VBD' || tag === 'VBN') return /ed$/.test(norm) ? 'ed' : undefined;
  if (tag === 'VBG') return /ing$/.test(norm) ? 'ing' : undefined;
  return undefined;
}

/** Spelling variants of base + ending in the order English spelling rules prefer them. */
export function inflections(base, ending) {
  if (!ending) return [base];
  const last = base.slice(-1);
  const doubled = base + last;
  const consonantY = /[^aeiou]y$/.test(base);
  if (ending === 's') {
    if (consonantY) return [`${base.slice(0, -1)}ies`];
    if (/(s|x|z|ch|sh)$/.test(base)) return [`${base}es`];
    return [`${base}s`];
  }
  if (ending === 'ed') {
    if (base.endsWith('e')) return [`${base}d`];
    if (consonantY) return [`${base.slice(0, -1)}ied`];
    return [`${base}ed`, `${doubled}ed`];
  }
  if (base.endsWith('ie')) return [`${base.slice(0, -2)}ying`];
  if (/[^e]e$/.test(base)) return [`${base.slice(0, -1)}ing`];
  return [`${base}ing`, `${doubled}ing`];
}

/** The first spelling of base + ending the speller accepts (undefined: irregular or unknown, skip it). */
export function inflect(base, ending, knows) {
  return inflections(base, ending).find((form) => knows(form));
}
