import type { Flag, Severity, Sentence } from '../core/types.js';
import type { Decision, SentenceMark } from '../review/file.js';
import { wordDiff } from '../diff/words.js';
import { PLAIN_MARKS, type Palette } from './palette.js';
import { clean, type Seg, type SegStyle } from './text.js';

export const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', major: 'yellow', minor: 'cyan' };
/** One letter per severity so the sentence list reads without colour too. */
export const SEVERITY_MARK: Record<Severity, string> = { critical: 'C', major: 'M', minor: 'm' };

export function decisionMark(decision: Decision | undefined): string {
  if (!decision) return '';
  return decision.status === 'accepted' ? '✓' : '✗';
}

export function decisionLabel(decision: Decision | undefined, added = false): string {
  if (added) return '+ added by you';
  if (!decision) return 'open';
  return decision.status === 'accepted' ? '✓ accepted' : '✗ dismissed';
}

/** A flag's mark in the sentence list: its decision once decided, else its severity letter; `+` for an added error. */
export function flagMark(flag: Flag, decision: Decision | undefined, added = false): Seg {
  if (added) return { text: '+', style: { color: 'green', bold: true } };
  if (decision) return { text: decisionMark(decision), style: { color: decision.status === 'accepted' ? 'green' : 'gray' } };
  return { text: SEVERITY_MARK[flag.severity], style: { color: SEVERITY_COLOR[flag.severity], bold: true } };
}

/** The sentence's own mark: `R` needs rewrite, `o` checked OK, `?` unsupported by the references. */
export function sentenceMark(mark: SentenceMark | undefined, unsupported: boolean): Seg | undefined {
  if (mark?.status === 'rewrite') return { text: 'R', style: { color: 'red', bold: true, inverse: true } };
  if (mark?.status === 'ok') return { text: 'o', style: { color: 'green', bold: true } };
  if (unsupported) return { text: '?', style: { color: 'magenta', bold: true } };
  return undefined;
}

/**
 * A sentence with its flagged spans underlined (the selected flag in reverse video); in the plain palette,
 * which has neither, spans are `_marked_` and the selected one `[[marked]]`. Offsets are cut on the raw text,
 * then each piece is cleaned, so escape sequences cannot shift or hide a span.
 */
export function sentenceSegs(sentence: Sentence, flags: readonly Pick<Flag, 'start' | 'end' | 'severity'>[], selected: Pick<Flag, 'start' | 'end' | 'severity'> | undefined, base?: SegStyle, palette: Palette = 'colour'): Seg[] {
  const segs: Seg[] = [];
  const spans = flags
    .map((f) => ({ f, start: Math.max(0, f.start - sentence.start), end: Math.min(sentence.text.length, f.end - sentence.start) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || (a.f === selected ? -1 : b.f === selected ? 1 : 0));
  let at = 0;
  for (const { f, start, end } of spans) {
    if (start < at) continue;
    if (start > at) segs.push({ text: clean(sentence.text.slice(at, start)), style: base });
    const chosen = f === selected;
    const style: SegStyle = { ...base, underline: true, color: SEVERITY_COLOR[f.severity], inverse: chosen };
    const [open, close] = palette === 'plain' ? (chosen ? PLAIN_MARKS.selected : PLAIN_MARKS.span) : ['', ''];
    segs.push({ text: `${open}${clean(sentence.text.slice(start, end))}${close}`, style });
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
