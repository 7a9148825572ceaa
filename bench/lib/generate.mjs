import { posTags } from '../../dist/segment/pos.js';
import { splitSentences } from '../../dist/segment/sentences.js';
import { tokenize } from '../../dist/segment/tokens.js';
import { INJECTED_CATEGORIES, INJECTORS } from './inject.mjs';
import { createRng } from './prng.mjs';
import { referenceFacts } from './refs.mjs';

/** Share of sentences that receive an error (the "~30%"). */
export const DEFAULT_RATE = 0.3;

/**
 * A corrupted copy of `text`: about `rate` of its sentences get one injected error each, the category chosen
 * among those the sentence allows, least used so far in this copy first (rare categories such as hyphen
 * spacing get their chance wherever they apply). Deterministic for a seed.
 *
 * Each error: { category, start, end, text } — the span in the corrupted text and what it holds —
 * plus `sentence` (index in the corrupted text's segmentation), `edit` ({start, end, original}: the corrupted
 * region and the original text it replaced, enough to undo it) and `detail`.
 */
export function corrupt(text, refTexts, lex, { seed, rate = DEFAULT_RATE, categories = INJECTED_CATEGORIES } = {}) {
  const rng = createRng(String(seed));
  const refs = referenceFacts(refTexts);
  const sentences = splitSentences(text);
  const target = Math.max(1, Math.round(rate * sentences.length));
  const used = Object.fromEntries(categories.map((c) => [c, 0]));
  const edits = [];
  for (const sentence of rng.shuffle(sentences)) {
    if (edits.length >= target) break;
    const tokens = tokenize(sentence.text, sentence.start);
    const ctx = { sentence, tokens, tags: posTags(tokens), refs, lex, rng };
    const order = rng.shuffle(categories).sort((a, b) => used[a] - used[b]);
    for (const category of order) {
      const edit = INJECTORS[category](ctx);
      if (!edit) continue;
      used[category]++;
      edits.push({ ...edit, category });
      break;
    }
  }
  return applyEdits(text, edits);
}

/** Applies non-overlapping edits (original offsets) left to right and maps each error span into the new text. */
export function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const errors = [];
  for (const e of sorted) {
    out += text.slice(at, e.start);
    const begin = out.length;
    out += e.replacement;
    at = e.end;
    errors.push({
      category: e.category,
      start: begin + e.span[0],
      end: begin + e.span[1],
      text: e.replacement.slice(e.span[0], e.span[1]),
      edit: { start: begin, end: begin + e.replacement.length, original: text.slice(e.start, e.end) },
      detail: e.detail,
    });
  }
  out += text.slice(at);
  const sentences = splitSentences(out);
  for (const err of errors) {
    // A zero-width span at a sentence's end (a clause dropped before the full stop) belongs to that sentence.
    err.sentence = sentences.findIndex((s) => err.start >= s.start && (err.start < s.end || (err.start === err.end && err.start <= s.end)));
  }
  return { text: out, errors };
}

/**
 * Where a position of the corrupted text was in the original, or undefined inside an edited region: lets a
 * flag on a copy be recognised as one the clean original gets too.
 */
export function originalOffset(errors, pos) {
  let delta = 0;
  for (const { edit } of [...errors].sort((a, b) => a.edit.start - b.edit.start)) {
    if (pos < edit.start) break;
    if (pos < edit.end) return undefined;
    delta += edit.original.length - (edit.end - edit.start);
  }
  return pos + delta;
}

/** Undoes a copy's edits: the clean text back (for tests and sanity checks). */
export function restore(corrupted, errors) {
  let out = corrupted;
  for (const e of [...errors].sort((a, b) => b.edit.start - a.edit.start)) out = out.slice(0, e.edit.start) + e.edit.original + out.slice(e.edit.end);
  return out;
}
