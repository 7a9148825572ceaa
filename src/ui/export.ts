import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Analysis } from '../core/types.js';
import type { ReviewFile } from '../review/file.js';
import { renderReport } from '../report/markdown.js';
import { writeFileAtomic } from '../io/write.js';
import { today } from '../io/dates.js';
import { refuseInputAsOutput } from '../io/same-file.js';
import { correctedText, mqmTable } from '../review/exports.js';

export { today } from '../io/dates.js';

export interface ExportFile {
  path: string;
  text: string;
}

/** Where `x` writes: next to the MT file, or in the --report-dir directory. */
export function exportDir(mtPath: string, reportDir?: string): string {
  return reportDir ?? dirname(mtPath);
}

/**
 * The files `x` writes, named after the MT file: the QA report with the review, the corrected article
 * (accepted and edited fixes applied) with a unified diff against the MT, and the MQM annotation table.
 */
export function planExport(analysis: Analysis, review: ReviewFile, mtText: string, dir: string, date = today()): ExportFile[] {
  const stem = basename(analysis.mt, extname(analysis.mt));
  const corrected = correctedText(analysis, review, mtText);
  const name = basename(analysis.mt);
  return [
    { path: join(dir, `${stem}.report.md`), text: renderReport(analysis, { review, date }) },
    { path: join(dir, `${stem}.corrected.txt`), text: corrected },
    { path: join(dir, `${stem}.corrected.diff`), text: createTwoFilesPatch(name, `${stem}.corrected.txt`, mtText, corrected, 'MT', 'after review') },
    { path: join(dir, `${stem}.mqm.tsv`), text: mqmTable(analysis, review, mtText) },
  ];
}

export function existingFiles(plan: readonly ExportFile[]): string[] {
  return plan.filter((f) => existsSync(f.path)).map((f) => f.path);
}

/** Writes every file atomically; an input (MT, reference, review file) is never written over. */
export function writeExport(plan: readonly ExportFile[], inputs: ReadonlySet<string> = new Set()): string[] {
  for (const f of plan) refuseInputAsOutput(f.path, inputs, 'the export');
  for (const f of plan) writeFileAtomic(f.path, f.text);
  return plan.map((f) => f.path);
}
