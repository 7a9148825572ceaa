import type { Token } from '../core/types.js';
import { alignedRefs, evidenceOf } from './context.js';
import { describeLanguage, loadFranc, scriptLanguage, sharedScript } from './language-id.js';
import { foreignScript, scriptName } from './lexicon/scripts.js';
import { slotWord } from './slot-word.js';
import type { DetectContext, EncodedSentence, RawFlag } from './types.js';

/** Confidence of a word in another script: nothing but a quotation or a name in that script is English text. */
const SCRIPT_CONFIDENCE = 0.9;

/**
 * Words in a script English does not use (Han, Cyrillic, Arabic, ...), flagged whatever the source language and
 * without a dictionary. Major, as every untranslated word: the reader cannot read it, but one word rarely
 * makes the whole sentence unusable, and nothing in our data shows where that line lies.
 */
export async function scriptFlags(ctx: DetectContext, skip: ReadonlySet<number>, detector: string): Promise<RawFlag[]> {
  const flags: RawFlag[] = [];
  for (const [i, s] of ctx.mt.sentences.entries()) {
    if (skip.has(i)) continue;
    for (const token of s.tokens) {
      if (!token.word || ctx.index.words.has(token.norm)) continue;
      const script = foreignScript(token.text);
      if (script && sharedScript(script.script)) await loadFranc();
      if (script) flags.push(scriptFlag(ctx, s, i, token, scriptLanguage(script.script, script.lang, token.text, ctx.mt.text), scriptName(script), detector));
    }
  }
  return flags;
}

function scriptFlag(ctx: DetectContext, s: EncodedSentence, i: number, token: Token, lang: string, script: string, detector: string): RawFlag {
  const slot = slotWord(ctx, s, token, alignedRefs(ctx, i));
  const support = slot ? `; the aligned reference has '${slot.word}' in its place` : '';
  return {
    start: token.start,
    end: token.end,
    text: token.text,
    category: 'untranslated',
    severity: 'major',
    confidence: SCRIPT_CONFIDENCE,
    message: `'${token.text}' is ${describeLanguage(lang)} (${script}), not English${support}.`,
    ...(slot ? { suggestion: slot.word } : {}),
    evidence: slot ? [evidenceOf(slot.ref)] : [],
    detector,
  };
}
