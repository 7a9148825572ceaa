import type { Analysis } from '../core/types.js';
import type { ReviewFile } from '../review/file.js';
import { flagsSection } from './flags.js';
import { sentencesSection } from './sentences.js';
import { summarySection } from './summary.js';
import { reviewSummarySection } from './review-summary.js';

export interface ReportOptions {
  /** Reviewer decisions to show next to the flags. */
  review?: ReviewFile;
  /** YYYY-MM-DD; passed in (never read from the clock here) so the same analysis renders the same bytes. */
  date: string;
}

/**
 * The Markdown QA report of one analysis: summary first, then what to fix, then sentence by sentence.
 * Pure (no I/O, no clock): the report command, the batch command and the review UI's export all call it.
 */
export function renderReport(analysis: Analysis, options: ReportOptions): string {
  const review = options.review ? [reviewSummarySection(analysis, options.review)] : [];
  const sections = [summarySection(analysis, options.review, options.date), ...review, flagsSection(analysis, options.review), sentencesSection(analysis)];
  return `${sections.join('\n\n')}\n`;
}
