import { inputError } from '../core/errors.js';
import { claim, describeLanguage, foreignWords, guessLanguage, scriptLanguage, type ForeignWords } from './language-id.js';
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
  if (!options.allowNonEnglishRefs) for (const ref of refs) refuseNonEnglish(ref, english);
  const words = await foreignWords(mt, index, english);
  const guess = await guessLanguage(words);
  const warnings: string[] = [];
  const share = englishShare(mt, english);
  if (share.letters >= MIN_LETTERS && share.english / share.letters < ENGLISH_MAJORITY) {
    const lang = guess ? describeLanguage(guess.lang) : 'another language';
    warnings.push(`${mt.id} is mostly not English (${lang}): ${percent(share)} of its text is English words; was it translated at all?`);
  }
  if (options.sourceLang) {
    const given = options.sourceLang;
    const contradiction = guess && guess.lang !== given ? await contradicts(given, guess.votes, words) : false;
    if (contradiction) warnings.push(`--source-lang ${given} (${describeLanguage(given)}), but the text's untranslated words look ${describeLanguage(guess!.lang)} (${guess!.votes} of ${guess!.of} words)`);
    return { lang: given, detected: false, label: given, warnings };
  }
  const lang = guess?.lang ?? 'und';
  return { lang, detected: true, label: `auto-${lang}`, warnings };
}

/** The given language explains less than half of what the guessed one does, and the guess rests on 3+ words. */
async function contradicts(given: string, guessVotes: number, words: ForeignWords): Promise<boolean> {
  if (guessVotes < 3) return false;
  const own = words.script.get(given)?.length ?? 0;
  const pkg = latinLanguages().find((l) => l.lang === given)?.pkg;
  const list = pkg ? await loadStemList(pkg) : undefined;
  const latin = list ? words.latin.reduce((n, w) => n + claim(list, given, w, () => false), 0) : 0;
  return 2 * (own + latin) < guessVotes;
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

function refuseNonEnglish(ref: EncodedDoc, english: Speller[]): void {
  const share = englishShare(ref, english);
  if (share.letters < MIN_LETTERS || share.english / share.letters >= ENGLISH_MAJORITY) return;
  const first = ref.sentences.flatMap((s) => s.tokens).find((t) => t.word && foreignScript(t.text));
  const script = first ? foreignScript(first.text) : undefined;
  const what = script ? ` (${describeLanguage(scriptLanguage(script.script, script.lang, first!.text, ref.text))})` : '';
  throw inputError(`reference ${ref.id} is not English${what}: ${percent(share)} of its text is English words (--allow-non-english-refs uses it anyway)`);
}

const percent = (share: { letters: number; english: number }) => `${Math.round((100 * share.english) / share.letters)}%`;
