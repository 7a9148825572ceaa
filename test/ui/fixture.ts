import type { AlignedSentence, Analysis, Category, Flag, Match, Severity } from '../../src/core/types.js';

/** Hand-made analysis: no model, every number chosen here, so the UI tests depend on nothing else. */
export const SENTENCES = [
  'The United States held secret talks with Hamas about US geiseln in Gaza.',
  'The Messenger from US-Geisel Affairs Adam Boehler has the authority to speak directly to Hamas.',
  'It was not clear who represented Hamas.',
  'Trump met a group of hostages that had recently been published.',
  'Injected \x1b[2J\x1b]52;c;cGF3bmVk\x07 text stays visible as text.',
  'He killed around 1,200 people and took 215 hostages.',
  'Make a smart decision.',
  'Now publish the hostages, otherwise there will be hell to pay later!',
];

export const MT_TEXT = SENTENCES.join(' ');

interface FlagSpec {
  sentence: number;
  text: string;
  category: Category;
  severity: Severity;
  suggestion?: string;
}

export const FLAG_SPECS: FlagSpec[] = [
  { sentence: 0, text: 'geiseln', category: 'untranslated', severity: 'major', suggestion: 'hostages' },
  { sentence: 1, text: 'Geisel', category: 'untranslated', severity: 'major', suggestion: 'hostage' },
  { sentence: 1, text: 'Messenger', category: 'mistranslation', severity: 'minor', suggestion: 'envoy' },
  { sentence: 3, text: 'published', category: 'mistranslation', severity: 'critical', suggestion: 'released' },
  { sentence: 5, text: '215', category: 'number', severity: 'critical', suggestion: '251' },
  { sentence: 7, text: 'publish', category: 'mistranslation', severity: 'major' },
];

function offsets(): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const s of SENTENCES) {
    starts.push(at);
    at += s.length + 1;
  }
  return starts;
}

function match(ref: string, index: number, text: string, similarity: number): Match {
  return { ref, index, text, similarity, start: 0, end: text.length };
}

export function makeAnalysis(): Analysis {
  const starts = offsets();
  const flags: Flag[] = FLAG_SPECS.map((spec) => {
    const start = starts[spec.sentence]! + SENTENCES[spec.sentence]!.indexOf(spec.text);
    return {
      start,
      end: start + spec.text.length,
      text: spec.text,
      category: spec.category,
      severity: spec.severity,
      confidence: 0.8,
      message: `'${spec.text}' looks wrong (${spec.category})`,
      ...(spec.suggestion !== undefined ? { suggestion: spec.suggestion } : {}),
      evidence: [{ ref: 'refs/ref-a.txt', index: 4, text: `The references say ${spec.suggestion ?? 'something else'} here.` }],
      detector: 'fixture',
      sentence: spec.sentence,
    };
  });
  const sentences: AlignedSentence[] = SENTENCES.map((text, index) => ({
    index,
    text,
    start: starts[index]!,
    end: starts[index]! + text.length,
    paragraph: 0,
    score: 0.5 + index / 20,
    similarity: 0.7,
    mqm: 0,
    unsupported: index === 2,
    matches:
      index === 2
        ? []
        : [
            match('refs/ref-a.txt', index, `Reference A sentence ${index + 1} about hostages and Hamas.`, 0.8),
            match('refs/ref-b.txt', index + 10, `Reference B sentence ${index + 1}, an alternative wording.`, 0.6),
          ],
  }));
  return {
    version: 1,
    signature: 'nrefs:2|mode:comparable|src:de|model:fixture|seg:intl-sentence.1|align:comparable-top3|version:test',
    mt: 'articles/mt-fixture.txt',
    refs: [
      { id: 'refs/ref-a.txt', sentences: 10, unmatched: [] },
      { id: 'refs/ref-b.txt', sentences: 20, unmatched: [] },
    ],
    mode: 'comparable',
    score: 0.612,
    mqm: 36,
    mqmPer100: 4.5,
    words: 80,
    sentences,
    flags,
  };
}
