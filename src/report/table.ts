export type Align = 'left' | 'right' | 'center';

const RULE: Record<Align, string> = { left: '---', right: '--:', center: ':-:' };

/**
 * A GFM table from cells that are already Markdown (escaped with escape.ts). Every row gets exactly the
 * header's cell count, so a short or long row can never shift columns.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const line = (cells: readonly string[]) => `| ${header.map((_, i) => cells[i] ?? '').join(' | ')} |`;
  const rule = `|${header.map((_, i) => RULE[align[i] ?? 'left']).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
