import { endingOf, inflect, lemmaCandidates } from './morph.mjs';

/**
 * One injector per error category. Each takes a sentence context and returns an edit of the original text
 * ({start, end} in document offsets, the replacement, and `span`: the part of the replacement that is the
 * error, as offsets into the replacement), or undefined when the sentence offers nothing to corrupt.
 *
 * ctx = { sentence, tokens (document offsets), tags (Penn, one per token), refs (referenceFacts), lex, rng }
 */

/** Grammar words a wrong word sense is never about (English closed class). */
const AUXILIARY = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'done', 'get', 'got', 'say', 'says', 'said']);
/** How many senses after the first to draw wrong-sense synonyms from: rarer senses give absurd words. */
const OTHER_SENSES = 6;

const whole = (token, replacement, detail) => ({ start: token.start, end: token.end, replacement, span: [0, replacement.length], detail });

function words(ctx, test) {
  return ctx.tokens.map((token, k) => ({ token, k, tag: ctx.tags[k] ?? '' })).filter((w) => w.token.word && test(w));
}

/** First word token of the sentence (capitalised for grammar, not because it is a name). */
function firstWord(ctx) {
  return ctx.tokens.find((t) => t.word);
}

function untranslated(ctx) {
  const { lex, refs, rng } = ctx;
  const slots = words(ctx, ({ token, tag }) => /^\p{Ll}{3,}$/u.test(token.text) && (tag === 'NN' || tag === 'NNS' || tag === 'VB'));
  for (const { token, k, tag } of rng.shuffle(slots)) {
    const pos = tag === 'VB' ? 'v' : 'n';
    const lemmas = tag === 'NNS' ? lemmaCandidates(token.norm, 'n').slice(1) : [token.norm];
    // A German word that is also English ("Rat", "Gift") or that the references use is not untranslated.
    const german = lemmas
      .flatMap((lemma) => lex.german.translate(lemma, pos).map((word) => ({ lemma, word })))
      .filter(({ word }) => !lex.knows(word) && !lex.knows(word.toLowerCase()) && !refs.words.has(word.toLowerCase()));
    if (german.length === 0) continue;
    const chosen = rng.pick(german);
    let word = chosen.word;
    const prev = ctx.tokens[k - 1];
    const modes = ['as-is', 'lower'];
    if (tag === 'NNS') modes.push('plural');
    if (pos === 'n' && prev?.word && prev.end + 1 === token.start && /^\p{Lu}[\p{L}]*$/u.test(prev.text)) modes.push('compound');
    const mode = pos === 'v' ? 'as-is' : rng.pick(modes);
    if (mode === 'lower') word = word.toLowerCase();
    if (mode === 'plural') word = (rng.chance(0.5) ? word : word.toLowerCase()) + 's';
    const detail = { english: token.text, lemma: chosen.lemma, pos, german: word, mode };
    if (mode === 'compound') {
      // "US hostage" -> "US-Geisel": the German half is the error, the joined modifier is not.
      const replacement = `${prev.text}-${word}`;
      return { start: prev.start, end: token.end, replacement, span: [prev.text.length + 1, replacement.length], detail };
    }
    return whole(token, word, detail);
  }
  return undefined;
}

function mistranslation(ctx) {
  const { lex, rng } = ctx;
  const present = new Set(ctx.tokens.map((t) => t.norm));
  const slots = words(ctx, ({ token, tag }) => /^\p{Ll}{3,}$/u.test(token.text) && /^(NN|NNS|VB|VBP|VBZ|VBD|VBN|VBG)$/.test(tag) && !AUXILIARY.has(token.norm));
  for (const { token, tag } of rng.shuffle(slots)) {
    const pos = tag.startsWith('V') ? 'v' : 'n';
    const ending = endingOf(token.norm, tag);
    if (ending === undefined) continue;
    const lemma = lemmaCandidates(token.norm, pos).find((l) => lex.wordnet.has(l, pos) && inflect(l, ending, lex.knows) === token.norm);
    if (!lemma) continue;
    const [first = [], ...others] = lex.wordnet.synsets(lemma, pos);
    // The most frequent sense is the likeliest reading in a news text; synonyms from the other senses are the
    // wrong-sense near-synonyms a dictionary-driven MT picks ("release the hostages" -> "publish the hostages").
    const firstSense = new Set(first);
    const options = [];
    for (const [sense, synset] of others.slice(0, OTHER_SENSES).entries()) {
      for (const w of synset) {
        if (!/^[a-z]{3,}$/.test(w) || w === lemma || firstSense.has(w) || w.slice(0, 4) === lemma.slice(0, 4)) continue;
        const form = inflect(w, ending, lex.knows);
        if (form && !present.has(form) && !options.some((o) => o.form === form)) options.push({ form, lemma: w, sense: sense + 2 });
      }
    }
    if (options.length === 0) continue;
    const pick = rng.pick(options);
    return whole(token, pick.form, { english: token.text, lemma, pos, substitute: pick.lemma, sense: pick.sense, inReferences: ctx.refs.words.has(pick.form) });
  }
  return undefined;
}

const YEAR = /^(19|20)\d\d$/;

/** A different figure of the same shape: a year moved by 1-3, two digits swapped (251 -> 215), or one digit changed. */
export function changeNumber(text, rng) {
  if (YEAR.test(text)) {
    const delta = (rng.int(3) + 1) * (rng.chance(0.5) ? 1 : -1);
    return String(Number(text) + delta);
  }
  const digits = [...text].map((c, i) => ({ c, i })).filter((d) => /\d/.test(d.c));
  const chars = [...text];
  const swaps = digits.slice(0, -1).map((d, j) => [d, digits[j + 1]]).filter(([a, b]) => a.c !== b.c && !(a.i === digits[0].i && b.c === '0'));
  if (swaps.length && rng.chance(0.5)) {
    const [a, b] = rng.pick(swaps);
    [chars[a.i], chars[b.i]] = [b.c, a.c];
    return chars.join('');
  }
  const d = rng.pick(digits);
  const lowest = d.i === digits[0].i && digits.length > 1 ? 1 : 0;
  const choices = [...'0123456789'].filter((c) => c !== d.c && Number(c) >= lowest);
  chars[d.i] = rng.pick(choices);
  return chars.join('');
}

function number(ctx) {
  const slots = words(ctx, ({ token }) => /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(token.text));
  if (slots.length === 0) return undefined;
  const { token } = ctx.rng.pick(slots);
  const changed = changeNumber(token.text, ctx.rng);
  return changed === token.text ? undefined : whole(token, changed, { original: token.text });
}

/** A capitalised word the references treat as a name: capitalised mid-sentence in `minRefs` references, never lower case. */
function names(ctx, minRefs, { skipFirst }) {
  const first = firstWord(ctx);
  return words(ctx, ({ token }) => {
    const m = /^(\p{Lu}\p{Ll}{2,})(['’]s)?$/u.exec(token.text);
    if (!m || (skipFirst && token === first)) return false;
    const norm = m[1].toLowerCase();
    return ctx.refs.capitalisedRefs(norm) >= minRefs && !ctx.refs.lower.has(norm);
  }).map((w) => ({ ...w, name: /^\p{L}+/u.exec(w.token.text)[0] }));
}

const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghklmnprstvz';

/** One edit inside a name: two neighbouring letters swapped, or one letter replaced by one of the same kind. */
export function misspell(name, rng) {
  const chars = [...name];
  const swaps = [];
  for (let i = 1; i < chars.length - 1; i++) if (chars[i] !== chars[i + 1]) swaps.push(i);
  if (swaps.length && rng.chance(0.5)) {
    const i = rng.pick(swaps);
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    return chars.join('');
  }
  const i = 1 + rng.int(chars.length - 1);
  const pool = VOWELS.includes(chars[i].toLowerCase()) ? VOWELS : CONSONANTS;
  chars[i] = rng.pick([...pool].filter((c) => c !== chars[i].toLowerCase()));
  return chars.join('');
}

function entity(ctx) {
  const { lex, refs, rng } = ctx;
  for (const { token, name } of rng.shuffle(names(ctx, 1, { skipFirst: false })).filter((w) => w.name.length >= 4)) {
    const wrong = misspell(name, rng);
    if (wrong === name || refs.words.has(wrong.toLowerCase()) || lex.knows(wrong) || lex.knows(wrong.toLowerCase())) continue;
    return { start: token.start, end: token.end, replacement: wrong + token.text.slice(name.length), span: [0, wrong.length], detail: { original: name } };
  }
  return undefined;
}

function spelling(ctx) {
  const slots = names(ctx, 2, { skipFirst: true });
  if (slots.length === 0) return undefined;
  const { token, name } = ctx.rng.pick(slots);
  return { start: token.start, end: token.end, replacement: name.toLowerCase() + token.text.slice(name.length), span: [0, name.length], detail: { original: name } };
}

function duplication(ctx) {
  const slots = words(ctx, ({ token }) => /^\p{L}{2,}$/u.test(token.text));
  if (slots.length === 0) return undefined;
  const { token } = ctx.rng.pick(slots);
  // The inserted second copy is the error; the first is the original word.
  const replacement = `${token.text} ${token.text}`;
  return { start: token.start, end: token.end, replacement, span: [token.text.length + 1, replacement.length], detail: { word: token.text } };
}

function punctuation(ctx) {
  const slots = words(ctx, ({ token }) => /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(token.text));
  if (slots.length === 0) return undefined;
  const { token } = ctx.rng.pick(slots);
  const hyphens = [...token.text.matchAll(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu)].map((m) => m.index);
  const at = ctx.rng.pick(hyphens);
  // Space before the hyphen is what German->English MT produces most ("long -term"); after it less often.
  const replacement = ctx.rng.chance(0.7) ? `${token.text.slice(0, at)} ${token.text.slice(at)}` : `${token.text.slice(0, at + 1)} ${token.text.slice(at + 1)}`;
  return whole(token, replacement, { original: token.text });
}

/** Characters whose removal in one clause would leave the other half of a pair behind. */
const PAIRED = /["“”«»()[\]—–]/;

function omission(ctx) {
  const { sentence, rng } = ctx;
  const text = sentence.text;
  const commas = [...text.matchAll(/, /g)].map((m) => m.index);
  const final = /[.!?]["”’]*$/.exec(text)?.index ?? text.length;
  const total = ctx.tokens.filter((t) => t.word).length;
  const clauses = [];
  commas.forEach((c, i) => {
    const end = commas[i + 1] ?? final;
    const clause = text.slice(c, end);
    const n = clause.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (n >= 2 && n <= 0.6 * total && !PAIRED.test(clause) && end <= final) clauses.push([c, end]);
  });
  if (clauses.length === 0) return undefined;
  const [from, to] = rng.pick(clauses);
  return { start: sentence.start + from, end: sentence.start + to, replacement: '', span: [0, 0], detail: { removed: text.slice(from, to) } };
}

export const INJECTORS = { untranslated, mistranslation, number, entity, spelling, duplication, punctuation, omission };
export const INJECTED_CATEGORIES = Object.keys(INJECTORS);
