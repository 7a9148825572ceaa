import { inputError } from '../core/errors.js';
import { claim, describeLanguage, foreignWords, guessLanguage, loadFranc, scriptLanguage, sharedScript, type ForeignWords, type LanguageGuess } from './language-id.js';
import { englishSpellers, knowsAny } from './lexicon/english.js';
import { latinLanguages } from './lexicon/languages.js';
import { foreignScript } from './lexicon/scripts.js';
import type { Speller } from './lexicon/spell.js';
import { loadStemList } from './lexicon/stem-list.js';
import type { ReferenceIndex } from './ref-index.js';
import type { EncodedDoc } from './types.js';

export interface SourceLanguage {
  /** ISO 639-1 code, or 'und' when nothing in the text points to a language. */
  lang: string;
  detected: boolean;
  /** The signature's src part: the given code, or auto-<detected>. */
  label: string;
  /** One line each, for stderr: a contradicted --source-lang, an MT that is mostly not English. */
  warnings: string[];
}

export interface SourceOptions {
  sourceLang?: string;
  allowNonEnglishRefs?: boolean;
}

/** Below this share of English words a document is not English. A majority, chosen a priori (not tuned). */
const ENGLISH_MAJORITY = 0.5;

export async function resolveSourceLanguage(mt: EncodedDoc, refs: readonly EncodedDoc[], index: ReferenceIndex, options: SourceOptions): Promise<SourceLanguage> {
  const english = await englishSpellers();
  if (!options.allowNonEnglishRefs) for (const ref of refs) await refuseNonEnglish(ref, english);
  const words = await foreignWords(mt, index, english);
  // Every language's vocabulary is read only when the answer depends on it: always without --source-lang, with
  // it only when the given language leaves room for a contradiction (or the MT is mostly not English).
  let guessed: Promise<LanguageGuess | undefined> | undefined;
  const guess = () => (guessed ??= guessLanguage(words));
  const warnings: string[] = [];
  const share = englishShare(mt, english);
  if (share.letters >= MIN_LETTERS && share.english / share.letters < ENGLISH_MAJORITY) {
    const g = await guess();
    const lang = g ? describeLanguage(g.lang) : 'another language';
    warnings.push(`${mt.id} is mostly not English (${lang}): ${percent(share)} of its text is English words; was it translated at all?`);
  }
  if (options.sourceLang) {
    const given = options.sourceLang;
    const own = await ownVotes(given, words);
    const g = 2 * own < wordCount(words) && wordCount(words) >= MIN_CONTRADICTION ? await guess() : undefined;
    if (g && g.lang !== given && g.votes >= MIN_CONTRADICTION && 2 * own < g.votes)
      warnings.push(`--source-lang ${given} (${describeLanguage(given)}), but the text's untranslated words look ${describeLanguage(g.lang)} (${g.votes} of ${g.of} words)`);
    return { lang: given, detected: false, label: given, warnings };
  }
  const lang = (await guess())?.lang ?? 'und';
  return { lang, detected: true, label: `auto-${lang}`, warnings };
}

/** A contradiction rests on three or more words, and the given language explains less than half of them. */
const MIN_CONTRADICTION = 3;

const wordCount = (words: ForeignWords): number => words.latin.length + [...words.script.values()].reduce((n, w) => n + w.length, 0);

/** How many of the foreign words the given language claims (claim(), its words in another script count whole). */
async function ownVotes(given: string, words: ForeignWords): Promise<number> {
  const own = words.script.get(given)?.length ?? 0;
  const pkg = latinLanguages().find((l) => l.lang === given)?.pkg;
  const list = pkg ? await loadStemList(pkg) : undefined;
  return own + (list ? words.latin.reduce((n, w) => n + claim(list, given, w, () => false), 0) : 0);
}

const SAMPLE_WORDS = 300;

/** Scripts written without spaces between words: a token there is a phrase or a sentence. */
const UNSPACED = new Set(['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan']);

/**
 * A document's words and how many of them are English (dictionary words; other scripts never). In a script without
 * spaces a token counts a word per two characters (a Chinese word's usual length).
 */
export function englishShare(doc: EncodedDoc, english: Speller[]): { letters: number; english: number } {
  let letters = 0;
  let en = 0;
  for (const s of doc.sentences)
    for (const t of s.tokens) {
      // A document's language shows in its first few hundred words; long files need not be read to the end.
      if (letters >= SAMPLE_WORDS) return { letters, english: en };
      if (!t.word || !/\p{L}/u.test(t.text)) continue;
      const script = foreignScript(t.text)?.script;
      const n = script && UNSPACED.has(script) ? Math.ceil([...t.text].length / 2) : 1;
      letters += n;
      if (!foreignScript(t.text) && (knowsAny(english, t.text) || knowsAny(english, t.text.toLowerCase()))) en += n;
    }
  return { letters, english: en };
}

/** Enough text to judge a whole document's language by (a headline is not). */
const MIN_LETTERS = 5;

async function refuseNonEnglish(ref: EncodedDoc, english: Speller[]): Promise<void> {
  const share = englishShare(ref, english);
  if (share.letters < MIN_LETTERS || share.english / share.letters >= ENGLISH_MAJORITY) return;
  const first = ref.sentences.flatMap((s) => s.tokens).find((t) => t.word && foreignScript(t.text));
  const script = first ? foreignScript(first.text) : undefined;
  if (script && sharedScript(script.script)) await loadFranc();
  const what = script ? ` (${describeLanguage(scriptLanguage(script.script, script.lang, first!.text, ref.text))})` : '';
  throw inputError(`reference ${ref.id} is not English${what}: ${percent(share)} of its text is English words (--allow-non-english-refs uses it anyway)`);
}

const percent = (share: { letters: number; english: number }) => `${Math.round((100 * share.english) / share.letters)}%`;
