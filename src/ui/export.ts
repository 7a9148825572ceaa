import { basename, extname, join } from 'node:path';
import type { Analysis } from '../core/types.js';
import type { ReviewFile } from '../review/file.js';
import { renderReport } from '../report/markdown.js';
import { writeFileAtomic } from '../io/write.js';
import { today } from '../io/dates.js';

/** `reports/<mt stem>.md`, the same place `mtdiff report` suggests. */
export function reportPath(mtPath: string, dir = 'reports'): string {
  return join(dir, `${basename(mtPath, extname(mtPath))}.md`);
}

export { today } from '../io/dates.js';

/** Writes the Markdown QA report with the reviewer's decisions; returns the path written. */
export function exportReport(analysis: Analysis, review: ReviewFile, dir?: string, date = today()): string {
  const path = reportPath(analysis.mt, dir);
  writeFileAtomic(path, renderReport(analysis, { review, date }));
  return path;
}
