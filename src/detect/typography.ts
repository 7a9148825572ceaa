import type { DetectContext, Detector, DetectorMeta, RawFlag } from './types.js';

interface Rule {
  pattern: RegExp;
  /** The replacement for the whole match. */
  fix: (m: RegExpMatchArray) => string;
  message: (m: RegExpMatchArray) => string;
}

/**
 * Typography other languages use and English does not, which MT carries over: quotation marks („…“, «…»,
 * ‚…‘), a space before ? ! : ; (French), a space before a comma or full stop (detokenisation), and a
 * German-style closing “ after a space. Closed rules of English typography, independent of the source language.
 */
const RULES: Rule[] = [
  {
    pattern: /[„«‹]\s?|\s?[»›]/gu,
    fix: (m) => (/[„«‹]/u.test(m[0]) ? '“' : '”'),
    message: (m) => `'${m[0].trim()}' is not an English quotation mark.`,
  },
  {
    pattern: /(?<=\p{L}|[”’)])[ \u00a0\u202f]([?!;:])(?=\s|$)/gu,
    fix: (m) => m[1]!,
    message: (m) => `English puts no space before '${m[1]}'.`,
  },
  {
    pattern: /(?<=\p{L})[ \u00a0]([,.])(?=\s|$)/gu,
    fix: (m) => m[1]!,
    message: (m) => `Stray space before '${m[1]}'.`,
  },
  {
    // „constructive“: German closes with the mark English opens with.
    pattern: /(?<=[\p{L}\p{N}.,!?…])“(?=[\s.,;:!?)]|$)/gu,
    fix: () => '”',
    message: () => `A closing quotation mark written as an opening one ('“'): German style.`,
  },
  {
    pattern: /(?<=\S) “(?=[.,;:!?)]|$)/gu,
    fix: () => '”',
    message: () => `A closing quotation mark written as an opening one ('“'), after a space: German style.`,
  },
];

export class TypographyDetector implements Detector {
  readonly id = 'typography';
  readonly meta: DetectorMeta = {
    finds: '„quotes“, « quotes », "word ?", "word ,", a closing “ after a space',
    how: 'closed rules of English typography (other languages\' quotation marks, French spacing, detokenisation spaces)',
    categories: ['punctuation'],
    modes: ['comparable', 'parallel'],
  };

  detect(ctx: DetectContext): RawFlag[] {
    const flags: RawFlag[] = [];
    for (const rule of RULES) {
      for (const m of ctx.mt.text.matchAll(rule.pattern)) {
        const start = m.index!;
        flags.push({
          start,
          end: start + m[0].length,
          text: m[0],
          category: 'punctuation',
          severity: 'minor',
          confidence: ctx.settings.fluency.confidence,
          message: rule.message(m),
          suggestion: rule.fix(m),
          evidence: [],
          detector: this.id,
        });
      }
    }
    return flags.sort((a, b) => a.start - b.start);
  }
}
