import type { Span } from '../core/types.js';
import { inputError } from '../core/errors.js';

/** One expert-annotated error. `spans` are UTF-16 offsets into the segment's target (markers removed). */
export interface MqmError {
  rater: string;
  category: string;
  severity: string;
  /** Usually one; empty when the rater marked no target text (e.g. an omission marked in the source). */
  spans: Span[];
}

/** One system's translation of one source segment, with every rater's errors. */
export interface MqmSegment {
  system: string;
  doc: string;
  docId: string;
  segId: string;
  source: string;
  /** The MT output: the target column without its `<v>` markers. */
  target: string;
  /** Every rater who annotated the segment, including those who found no error. */
  raters: string[];
  errors: MqmError[];
}

export const NO_ERROR = 'No-error';
const COLUMNS = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'] as const;
const SEVERITIES = new Set(['major', 'minor', 'critical', 'neutral', 'no-error']);
const OPEN = '<v>';
const CLOSE = '</v>';

/** Strips `<v>…</v>` markers and returns the clean text with the marked spans as offsets into it. */
export function stripMarkers(marked: string, where = 'target'): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let open = -1;
  let i = 0;
  while (i < marked.length) {
    if (marked.startsWith(OPEN, i)) {
      if (open >= 0) throw inputError(`${where}: nested <v> marker`);
      open = text.length;
      i += OPEN.length;
    } else if (marked.startsWith(CLOSE, i)) {
      if (open < 0) throw inputError(`${where}: </v> without <v>`);
      spans.push({ start: open, end: text.length });
      open = -1;
      i += CLOSE.length;
    } else {
      const next = marked.indexOf('<', i + 1);
      const to = next < 0 ? marked.length : next;
      text += marked.slice(i, to);
      i = to;
    }
  }
  if (open >= 0) throw inputError(`${where}: <v> without </v>`);
  return { text, spans };
}

export function segmentKey(s: Pick<MqmSegment, 'system' | 'doc' | 'segId'>): string {
  return `${s.system}\t${s.doc}\t${s.segId}`;
}

/**
 * Parses Google's MQM TSV (google/wmt-mqm-human-evaluation): a header row, then one row per error with
 * columns system, doc, doc_id, seg_id, rater, source, target, category, severity (no quoting: fields never
 * contain tabs). Rows of one segment are merged; a `No-error` row records a rater who found nothing.
 */
export function parseMqmTsv(content: string, label = 'MQM file'): MqmSegment[] {
  const lines = content.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').replace(/^\ufeff/, '').split('\t');
  const col = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => col[c] < 0);
  if (missing.length) throw inputError(`${label}: not an MQM TSV (header lacks ${missing.join(', ')})`);
  const segments = new Map<string, MqmSegment>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${label} line ${n + 1}`;
    const fields = line.split('\t');
    if (fields.length !== header.length) throw inputError(`${where}: expected ${header.length} tab-separated fields, found ${fields.length}`);
    const get = (c: (typeof COLUMNS)[number]): string => fields[col[c]]!;
    const severity = get('severity');
    if (!SEVERITIES.has(severity.toLowerCase())) throw inputError(`${where}: unknown severity "${severity}"`);
    const { text, spans } = stripMarkers(get('target'), where);
    const row = { system: get('system'), doc: get('doc'), segId: get('seg_id') };
    const key = segmentKey(row);
    let seg = segments.get(key);
    if (!seg) {
      seg = { ...row, docId: get('doc_id'), source: get('source'), target: text, raters: [], errors: [] };
      segments.set(key, seg);
    } else if (seg.target !== text) {
      throw inputError(`${where}: target differs from earlier rows of ${row.system} ${row.doc} segment ${row.segId}`);
    }
    const rater = get('rater');
    if (!seg.raters.includes(rater)) seg.raters.push(rater);
    const category = get('category');
    if (category === NO_ERROR) continue;
    seg.errors.push({ rater, category, severity, spans });
  }
  return [...segments.values()];
}
