import type { Analysis, Category } from '../core/types.js';
import type { ReviewFile } from './file.js';
import { fitSpaces, reviewedErrors } from './errors.js';

/**
 * The article after review: every accepted error with a fix (the reviewer's own, else mtdiff's) applied,
 * keeping the span's outer spaces; open flags are not applied. Overlapping fixes: the first in the text wins.
 */
export function correctedText(analysis: Analysis, review: ReviewFile, mtText: string): string {
  const fixes = reviewedErrors(analysis, review, mtText).filter((e) => e.status === 'accepted' && e.suggestion !== undefined);
  let out = '';
  let at = 0;
  for (const e of fixes) {
    if (e.start < at) continue;
    out += mtText.slice(at, e.start) + fitSpaces(mtText.slice(e.start, e.end), e.suggestion!);
    at = e.end;
  }
  return out + mtText.slice(at);
}

/** mtdiff's categories in the MQM typology the WMT annotation tables use. */
const MQM_CATEGORY: Record<Category, string> = {
  untranslated: 'Non-translation',
  mistranslation: 'Accuracy/Mistranslation',
  omission: 'Accuracy/Omission',
  addition: 'Accuracy/Addition',
  terminology: 'Terminology/Inappropriate for context',
  entity: 'Accuracy/Mistranslation',
  number: 'Accuracy/Mistranslation',
  grammar: 'Fluency/Grammar',
  spelling: 'Fluency/Spelling',
  punctuation: 'Fluency/Punctuation',
  duplication: 'Accuracy/Addition',
};

const cell = (s: string) => s.replace(/[\t\r\n]/g, ' ');
const SEVERITY: Record<string, string> = { minor: 'Minor', major: 'Major', critical: 'Critical' };

/**
 * The review as an MQM annotation table (the WMT MQM TSV: system, doc, doc_id, seg_id, rater, source, target
 * with the span in `<v>…</v>`, category, severity): one row per error the reviewer confirmed or added, and a
 * `No-error` row for each sentence the reviewer marked OK without errors. The source column is empty: mtdiff
 * never sees the source text.
 */
export function mqmTable(analysis: Analysis, review: ReviewFile, mtText: string): string {
  const doc = analysis.mt.split(/[\\/]/).pop() ?? analysis.mt;
  const rows: string[][] = [];
  const errors = reviewedErrors(analysis, review, mtText).filter((e) => e.status === 'accepted');
  for (const s of analysis.sentences) {
    const mine = errors.filter((e) => e.sentence === s.index);
    for (const e of mine) {
      const a = Math.max(0, e.start - s.start);
      const b = Math.min(s.text.length, e.end - s.start);
      const target = `${s.text.slice(0, a)}<v>${s.text.slice(a, b)}</v>${s.text.slice(b)}`;
      rows.push(['mtdiff-review', doc, '1', String(s.index + 1), 'reviewer', '', cell(target), MQM_CATEGORY[e.category], SEVERITY[e.severity]!]);
    }
    if (mine.length === 0 && review.marks?.[String(s.index)]?.status === 'ok') {
      rows.push(['mtdiff-review', doc, '1', String(s.index + 1), 'reviewer', '', cell(s.text), 'No-error', 'No-error']);
    }
    if (review.marks?.[String(s.index)]?.status === 'rewrite' && !mine.some((e) => e.severity !== 'minor')) {
      rows.push(['mtdiff-review', doc, '1', String(s.index + 1), 'reviewer', '', cell(`<v>${s.text}</v>`), 'Accuracy/Mistranslation', 'Major']);
    }
  }
  const header = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'];
  return [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}
