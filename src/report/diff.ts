import { wordDiff, type DiffPart } from '../diff/words.js';
import { emphasis } from './emphasis.js';
import { codeSpan, inline } from './escape.js';

const MARK = { delete: '~~', insert: '**' } as const;


/**
 * Punctuation the diff happened to match inside a changed stretch (the MT's final full stop against the dot
 * in a reference's "U.S.") splits one change into fragments; it is folded into both sides of the surrounding
 * change instead, and each run of changes becomes one deletion followed by one insertion.
 */
function coalesce(parts: readonly DiffPart[]): DiffPart[] {
  const glue = (i: number) => {
    const [before, p, after] = [parts[i - 1], parts[i]!, parts[i + 1]];
    if (p.op !== 'equal' || !before || !after || before.op === 'equal' || after.op === 'equal') return false;
    // only punctuation stuck inside a token on both sides; ", " between two changes is a real boundary
    return !/[\p{L}\p{N}\s]/u.test(p.text) && !/\s$/u.test(before.text) && !/^\s/u.test(after.text);
  };
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  parts.forEach((p, i) => {
    if (p.op === 'equal' && !glue(i)) {
      flush();
      out.push(p);
      return;
    }
    if (p.op !== 'insert') del += p.text;
    if (p.op !== 'delete') ins += p.text;
  });
  flush();
  return out;
}

/**
 * The word diff of an MT sentence against a reference sentence as inline Markdown: `~~only in MT~~`
 * `**only in the reference**`.
 */
export function diffMarkdown(mt: string, reference: string): string {
  const parts = coalesce(wordDiff(mt, reference));
  let out = '';
  parts.forEach((part, i) => {
    if (part.op === 'equal') {
      out += inline(part.text);
      return;
    }
    const core = part.text.trim();
    if (core === '') {
      // a change in spacing alone: keep one space so the neighbouring words stay apart
      out += ' ';
      return;
    }
    const lead = part.text.slice(0, part.text.length - part.text.trimStart().length);
    const trail = part.text.slice(part.text.trimEnd().length);
    out += inline(lead);
    const next = trail ? ' ' : inline(parts[i + 1]?.text ?? '')[0];
    // A full stop or comma alone would be one struck or bold dot, easy to miss: shown as code, it gets a box.
    const body = /[\p{L}\p{N}]/u.test(core) ? inline(core) : codeSpan(core);
    const marked = emphasis(MARK[part.op], body, out.at(-1), next);
    // a code span right after a letter cannot open emphasis; a space keeps it flanking
    out += (body.startsWith('`') && /[\p{L}\p{N}]$/u.test(out) ? ' ' : '') + marked + inline(trail);
  });
  return out.replace(/ {2,}/g, ' ').trim();
}
