// DEMETR minimal pairs: which part of `pert` is the injected error, which categories a reviewer would file it
// under, and how a flag is scored against it. Shared by bench/demetr.mjs and the calibration fit.
import { diffArrays } from 'diff';
import { tokenize } from '../../dist/segment/tokens.js';

export const SOURCE_LANG = { german: 'de', french: 'fr', spanish: 'es', chinese_simple: 'zh', russian: 'ru', czech: 'cs' };

/** MQM categories (mtdiff's names) a reviewer could file each perturbation under. */
export const EXPECTED = {
  critical_id10_numbers_replaced: ['number', 'mistranslation'],
  critical_id11_gender: ['mistranslation'],
  critical_id20_shuffled: ['grammar', 'mistranslation'],
  critical_id21_adj_adv_removed: ['omission'],
  critical_id22_verb_removed: ['omission', 'grammar'],
  critical_id23_noun_removed: ['omission'],
  critical_id24_subj_removed: ['omission', 'grammar'],
  critical_id25_ne_removed: ['omission', 'entity'],
  critical_id4_codemix: ['untranslated'],
  critical_id6_addition: ['addition', 'mistranslation'],
  critical_id7_antonym: ['mistranslation'],
  critical_id8_negation: ['mistranslation'],
  critical_id9_ne_replaced: ['entity', 'mistranslation'],
  major_id17_tense: ['mistranslation', 'grammar'],
  major_id18_aspect: ['mistranslation', 'grammar'],
  major_id19_question: ['mistranslation', 'grammar', 'punctuation'],
  major_id3_hypernym: ['mistranslation', 'terminology'],
  major_id5_pp_removed: ['omission'],
  minor_id12_conj_removed: ['omission', 'grammar'],
  minor_id13_pos_shift: ['grammar'],
  minor_id14_word_swap: ['grammar'],
  minor_id15_case: ['grammar'],
  minor_id16_function_word: ['grammar', 'mistranslation'],
  minor_id1_repeat2: ['duplication'],
  minor_id26_misspelled: ['spelling'],
  minor_id27_char_removed: ['spelling'],
  minor_id28_final_punc_removed: ['punctuation'],
  minor_id29_punc_addition: ['punctuation'],
  minor_id2_repeat4: ['duplication'],
  minor_id30_tokenized: ['punctuation'],
  minor_id31_full_lower: ['spelling'],
  minor_id32_first_lower: ['spelling'],
};

/** A token with the space before it: "word ," and "word," must differ (detokenisation errors). */
function keyed(text) {
  return tokenize(text).map((t, i, all) => ({ ...t, key: `${t.start > (all[i - 1]?.end ?? 0) ? ' ' : ''}${t.text}` }));
}

/**
 * The changed region of `pert` against `mt` as character ranges of `pert`: tokens pert adds or changes; a
 * deletion becomes the point where the words went missing, widened to the tokens on either side.
 */
export function changedRegions(mt, pert) {
  const a = keyed(mt);
  const b = keyed(pert);
  const regions = [];
  let j = 0;
  for (const part of diffArrays(a.map((t) => t.key), b.map((t) => t.key))) {
    if (part.added) {
      const toks = b.slice(j, j + part.count);
      regions.push({ start: toks[0].start, end: toks[toks.length - 1].end });
      j += part.count;
    } else if (part.removed) {
      const before = b[j - 1];
      const after = b[j];
      regions.push({ start: before ? before.start : 0, end: after ? after.end : pert.length, deletion: true });
    } else j += part.count;
  }
  return regions;
}

export const hitsRegion = (flag, regions) =>
  regions.some((r) => flag.start < r.end && r.start < flag.end || (flag.start === flag.end && flag.start >= r.start && flag.start <= r.end));

export const wordCount = (text) => tokenize(text).filter((t) => t.word).length;
