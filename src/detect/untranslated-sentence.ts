import { languageName } from './context.js';
import { knowsAny } from './lexicon/english.js';
import { foreignScript } from './lexicon/scripts.js';
import type { Speller } from './lexicon/spell.js';
import { francNow, loadFranc, scriptLanguage } from './language-id.js';
import type { DetectContext, EncodedSentence, RawFlag } from './types.js';

/** A sentence is left untranslated when most of its words are not English. A majority, chosen a priori. */
const FOREIGN_MAJORITY = 0.5;
/** Shorter sentences are headlines and name lists, where names alone make a majority. */
const MIN_WORDS = 4;

/**
 * Sentences left in the source language: one critical flag each ("not translated: German"), instead of a flag
 * per word. Returns the flags and the sentences they cover, which the word-level checks then skip.
 */
export async function untranslatedSentences(ctx: DetectContext, english: readonly Speller[], detector: string): Promise<{ flags: RawFlag[]; sentences: Set<number> }> {
  const flags: RawFlag[] = [];
  const sentences = new Set<number>();
  for (const [i, s] of ctx.mt.sentences.entries()) {
    const words = s.tokens.filter((t) => t.word && /\p{L}/u.test(t.text));
    if (words.length < MIN_WORDS) continue;
    const foreign = words.filter((t) => !ctx.index.words.has(t.norm) && (foreignScript(t.text) !== undefined || !(knowsAny(english, t.text) || knowsAny(english, t.text.toLowerCase()))));
    if (foreign.length / words.length <= FOREIGN_MAJORITY) continue;
    sentences.add(i);
    await loadFranc();
    flags.push(sentenceFlag(s, sentenceLanguage(s, ctx.options.sourceLang), foreign.length, words.length, detector));
  }
  return { flags, sentences };
}

/** The sentence's own language (franc on a whole sentence is reliable), else the source language. */
function sentenceLanguage(s: EncodedSentence, sourceLang: string): string {
  const script = s.tokens.map((t) => foreignScript(t.text)).find((x) => x !== undefined);
  if (script) return scriptLanguage(script.script, script.lang, s.sentence.text);
  const [best] = francNow()(s.sentence.text, { minLength: 10, ignore: ['eng', 'sco'] });
  const iso1 = best && best[0] !== 'und' ? toIso1(best[0]) : undefined;
  return iso1 ?? sourceLang;
}

function toIso1(iso3: string): string | undefined {
  try {
    const tag = new Intl.Locale(iso3).minimize().language;
    return tag.length === 2 ? tag : undefined;
  } catch {
    return undefined;
  }
}

function sentenceFlag(s: EncodedSentence, lang: string, foreign: number, total: number, detector: string): RawFlag {
  const text = s.sentence.text.trimEnd();
  const name = lang === 'und' ? 'another language' : languageName(lang);
  return {
    start: s.sentence.start,
    end: s.sentence.start + text.length,
    text,
    category: 'untranslated',
    severity: 'critical',
    confidence: 0.95,
    message: `not translated: ${name} (${foreign} of ${total} words are not English).`,
    evidence: [],
    detector,
  };
}
