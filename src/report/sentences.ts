import type { AlignedSentence, Analysis, Match } from '../core/types.js';
import { diffMarkdown } from './diff.js';
import { codeSpan, inline } from './escape.js';
import { fileName, penalty, score, sentenceNo } from './format.js';

function matchLabel(m: Match): string {
  const range = m.merged !== undefined ? `sentences ${sentenceNo(m.index)}–${sentenceNo(m.merged)}` : `sentence ${sentenceNo(m.index)}`;
  return `${codeSpan(fileName(m.ref))} ${range}, similarity ${score(m.similarity)}`;
}

/**
 * One flagged sentence: the word diff against its best match, which holds both texts (the MT's own words
 * struck, the reference's in bold). The label is plain text, so it never runs into an inserted word's bold.
 */
function sentenceBlock(s: AlignedSentence): string {
  const best = s.matches[0];
  const head = `### Sentence ${sentenceNo(s.index)}`;
  const stats = `score ${score(s.score)}, MQM ${penalty(s.mqm)}`;
  if (!best) return `${head}\nNo reference sentence is close enough (${stats}): ${inline(s.text)}`;
  const weak = s.unsupported ? '; weak: the references may not say this' : '';
  return `${head}\nDiff against ${matchLabel(best)} (${stats}${weak}): ${diffMarkdown(s.text, best.text)}`;
}

export function sentencesSection(analysis: Analysis): string {
  const flagged = analysis.sentences.filter((s) => analysis.flags.some((f) => f.sentence === s.index));
  const clean = analysis.sentences.length - flagged.length;
  const legend =
    'Each flagged sentence against its closest reference sentence: ~~struck~~ words are only in the MT, **bold** words only in the reference, `.` boxed marks are punctuation. ' +
    `${clean} of ${analysis.sentences.length} sentences have no flag and are not listed (\`mtdiff check --verbose\` shows them).`;
  const blocks = flagged.map(sentenceBlock);
  return ['## Flagged sentences', legend, ...blocks].join('\n\n');
}
