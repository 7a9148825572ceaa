import { clean, lineText, truncate, wrapText } from './text.js';

/**
 * The first screen, drawn with plain escape codes before the UI library has even loaded (loading Ink takes
 * most of a second): the file name, what is happening, and the article itself. Ink's screen replaces it.
 */
export function previewScreen(label: string, text: string, columns: number, rows: number, styled: boolean): string {
  const bold = (s: string) => (styled ? `\x1b[1m${s}\x1b[22m` : s);
  const body = Math.max(0, rows - 4);
  const article = text
    .split(/\n+/)
    .filter((p) => p.trim())
    .flatMap((p) => wrapText(clean(p.trim()), columns))
    .slice(0, body)
    .map(lineText);
  const lines = [bold(truncate(`mtdiff review · ${clean(label)}`, columns)), truncate('… Loading the embedding model… flags and scores appear when the analysis is ready', columns), ...article];
  return `\x1b[H\x1b[2J${lines.join('\r\n')}`;
}
