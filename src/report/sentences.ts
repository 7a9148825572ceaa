import type { AlignedSentence, Analysis, Flag, Match } from '../core/types.js';
import { diffMarkdown } from './diff.js';
import { suggestionText } from './flags.js';
import { codeSpan, inline } from './escape.js';
import { fileName, penalty, plural, score, sentenceNo } from './format.js';

function matchLabel(m: Match): string {
  const range = m.merged !== undefined ? `sentences ${sentenceNo(m.index)}–${sentenceNo(m.merged)}` : `sentence ${sentenceNo(m.index)}`;
  return `${codeSpan(fileName(m.ref))} ${range}, similarity ${score(m.similarity)}`;
}

function flagLine(f: Flag): string {
  const fix = f.suggestion !== undefined ? ` → ${suggestionText(f.suggestion)}` : '';
  return `${inline(f.severity)} ${inline(f.category)}: “${inline(f.text)}”${fix}`;
}

function sentenceBlock(s: AlignedSentence, flags: readonly Flag[]): string {
  const best = s.matches[0];
  const stats = `Score **${score(s.score)}** · MQM ${penalty(s.mqm)} · ${plural(flags.length, 'flag')}`;
  const lines = [`- **MT:** ${inline(s.text)}`];
  if (best) {
    lines.push(`- **Best match:** ${matchLabel(best)}${s.unsupported ? ' (weak: the references may not say this)' : ''}`);
    lines.push(`- **Reference:** ${inline(best.text)}`);
    lines.push(`- **Diff:** ${diffMarkdown(s.text, best.text)}`);
  } else {
    lines.push('- **Best match:** none (no reference sentence is close enough)');
  }
  if (flags.length) lines.push(`- **Flags:** ${flags.map(flagLine).join('; ')}`);
  return [`### Sentence ${sentenceNo(s.index)}`, stats, lines.join('\n')].join('\n\n');
}

export function sentencesSection(analysis: Analysis): string {
  const legend = 'Each MT sentence with its closest reference sentence. In the diff, ~~struck~~ words are only in the MT and **bold** words only in the reference.';
  const blocks = analysis.sentences.map((s) => sentenceBlock(s, analysis.flags.filter((f) => f.sentence === s.index)));
  return ['## Sentence by sentence', legend, ...blocks].join('\n\n');
}
