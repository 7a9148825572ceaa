import type { Flag, Severity, Sentence } from '../core/types.js';
import type { Decision } from '../review/file.js';
import { wordDiff } from '../diff/words.js';
import { clean, type Seg, type SegStyle } from './text.js';

export const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', major: 'yellow', minor: 'cyan' };
/** One letter per severity so the sentence list reads without colour too. */
export const SEVERITY_MARK: Record<Severity, string> = { critical: 'C', major: 'M', minor: 'm' };

export function decisionMark(decision: Decision | undefined): string {
  if (!decision) return '';
  return decision.status === 'accepted' ? '✓' : '✗';
}

export function decisionLabel(decision: Decision | undefined): string {
  if (!decision) return 'open';
  return decision.status === 'accepted' ? '✓ accepted' : '✗ dismissed';
}

/** A flag's mark in the sentence list: its decision once decided, else its severity letter. */
export function flagMark(flag: Flag, decision: Decision | undefined): Seg {
  if (decision) return { text: decisionMark(decision), style: { color: decision.status === 'accepted' ? 'green' : 'gray' } };
  return { text: SEVERITY_MARK[flag.severity], style: { color: SEVERITY_COLOR[flag.severity], bold: true } };
}

/**
 * A sentence with its flagged spans underlined (the selected flag in reverse video). Offsets are cut on the
 * raw text, then each piece is cleaned, so escape sequences cannot shift or hide a span.
 */
export function sentenceSegs(sentence: Sentence, flags: readonly Flag[], selected: Flag | undefined, base?: SegStyle): Seg[] {
  const segs: Seg[] = [];
  const spans = flags
    .map((f) => ({ f, start: Math.max(0, f.start - sentence.start), end: Math.min(sentence.text.length, f.end - sentence.start) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const { f, start, end } of spans) {
    if (start < at) continue;
    if (start > at) segs.push({ text: clean(sentence.text.slice(at, start)), style: base });
    const style: SegStyle = { ...base, underline: true, color: SEVERITY_COLOR[f.severity], inverse: f === selected };
    segs.push({ text: clean(sentence.text.slice(start, end)), style });
    at = end;
  }
  if (at < sentence.text.length) segs.push({ text: clean(sentence.text.slice(at)), style: base });
  return segs;
}

const DELETED: SegStyle = { color: 'red', bold: true };
const INSERTED: SegStyle = { color: 'green', bold: true };

/** Word diff MT -> reference with `[-only MT-]` and `{+only reference+}` markers, coloured as well. */
export function diffSegs(mt: string, reference: string): Seg[] {
  const segs: Seg[] = [];
  for (const part of wordDiff(mt, reference)) {
    const text = clean(part.text);
    if (part.op === 'equal') {
      segs.push({ text });
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
    if (!core) {
      segs.push({ text });
      continue;
    }
    if (lead) segs.push({ text: lead });
    segs.push(part.op === 'delete' ? { text: `[-${core}-]`, style: DELETED } : { text: `{+${core}+}`, style: INSERTED });
    if (trail) segs.push({ text: trail });
  }
  return segs;
}
