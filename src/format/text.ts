import { basename } from 'node:path';
import type { Analysis, Flag } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { escapeControls } from './sanitize.js';

function counts(flags: readonly Flag[]): string {
  const parts = SEVERITIES.map((s) => `${flags.filter((f) => f.severity === s).length} ${s}`);
  return parts.join(', ');
}

export function verdict(analysis: Analysis): string {
  const worst = SEVERITIES.find((s) => analysis.flags.some((f) => f.severity === s));
  const label = worst === 'critical' || worst === 'major' ? 'Needs revision' : worst === 'minor' ? 'Minor issues' : 'No issues found';
  return `${label}: ${counts(analysis.flags)}`;
}

function flagLine(f: Flag): string {
  const fix = f.suggestion !== undefined ? ` -> "${escapeControls(f.suggestion)}"` : '';
  return `    [${f.severity} ${f.category}] "${escapeControls(f.text)}"${fix}: ${escapeControls(f.message)}`;
}

/** For people reading a terminal: every piece of article text passes through escapeControls. */
export function formatText(analysis: Analysis): string {
  const lines: string[] = [
    `${escapeControls(analysis.mt)}: score ${analysis.score.toFixed(3)}, MQM ${analysis.mqm} (${analysis.mqmPer100} per 100 words) — ${verdict(analysis)}`,
    `signature: ${analysis.signature}`,
    ...(analysis.filter?.belowThreshold ? [`flags shown: confidence >= ${analysis.filter.minConfidence}; ${analysis.filter.belowThreshold} less certain hidden (--all-flags shows them)`] : []),
    '',
  ];
  for (const s of analysis.sentences) {
    const best = s.matches[0];
    lines.push(`[${s.index}] score ${s.score.toFixed(3)} sim ${s.similarity.toFixed(3)}${s.unsupported ? ' (unsupported)' : ''}`);
    lines.push(`  MT : ${escapeControls(s.text)}`);
    if (best) {
      const merged = best.merged !== undefined ? `-${best.merged}` : '';
      lines.push(`  REF: ${escapeControls(best.text)}  (${escapeControls(basename(best.ref))}#${best.index}${merged})`);
    }
    for (const f of analysis.flags.filter((x) => x.sentence === s.index)) lines.push(flagLine(f));
  }
  return `${lines.join('\n')}\n`;
}
