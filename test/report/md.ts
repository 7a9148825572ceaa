import { Lexer, Parser, walkTokens, type Token, type Tokens } from 'marked';

/** Parsing helpers for the report tests: what a Markdown renderer (marked, GFM) makes of our output. */

export function tokens(md: string): Token[] {
  return Lexer.lex(md, { gfm: true });
}

export function allTokens(md: string): Token[] {
  const out: Token[] = [];
  walkTokens(tokens(md), (t) => void out.push(t));
  return out;
}

export function tables(md: string): Tokens.Table[] {
  return allTokens(md).filter((t): t is Tokens.Table => t.type === 'table');
}

/**
 * Cells of one raw table line, split the way GFM does (a pipe after an odd number of backslashes is
 * escaped). marked pads or truncates rows to the header's width, so the raw count is what shows a broken row.
 */
export function rawCellCount(line: string): number {
  const body = line.trim().replace(/^\|/, '');
  const pipes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && body[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) pipes.push(i);
  }
  return pipes.at(-1) === body.length - 1 ? pipes.length : pipes.length + 1;
}

/** Every line of every table has as many cells as its header; returns the tables for further checks. */
export function checkTables(md: string): Tokens.Table[] {
  const found = tables(md);
  for (const t of found) {
    const lines = t.raw.trimEnd().split('\n');
    const width = rawCellCount(lines[0]!);
    if (width !== t.header.length) throw new Error(`header width ${width} != ${t.header.length}`);
    lines.forEach((line, i) => {
      if (rawCellCount(line) !== width) throw new Error(`table line ${i} has ${rawCellCount(line)} cells, header ${width}: ${line}`);
    });
    if (t.rows.length !== lines.length - 2) throw new Error('row count mismatch');
  }
  return found;
}

const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** Rendered HTML reduced to the text a reader sees. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITY[e]!);
}

export function cellHtml(cell: Tokens.TableCell): string {
  return Parser.parseInline(cell.tokens);
}

export function cellText(cell: Tokens.TableCell): string {
  return visibleText(cellHtml(cell)).trim();
}

export function html(md: string): string {
  return Parser.parse(tokens(md));
}

/** The table whose header starts with `first`. */
export function tableWith(md: string, first: string): Tokens.Table {
  const t = tables(md).find((x) => x.header[0]?.text === first);
  if (!t) throw new Error(`no table with header ${first}`);
  return t;
}

export function column(t: Tokens.Table, name: string): number {
  const i = t.header.findIndex((h) => h.text === name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}
