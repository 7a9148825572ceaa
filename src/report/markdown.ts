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
  /** The corrected article's path relative to the report, when one was written beside it (linked from the summary). */
  corrected?: string;
  /** Further Markdown sections (e.g. the numbers after review), placed after the summary. */
  extraSections?: readonly string[];
}

/** The report's sections in order: each is a small pure function of the analysis, so a new block is one more entry. */
export function reportSections(analysis: Analysis, options: ReportOptions): string[] {
  return [
    summarySection(analysis, options),
    ...(options.review ? [reviewSummarySection(analysis, options.review)] : []),
    ...(options.extraSections ?? []),
    flagsSection(analysis, options.review),
    sentencesSection(analysis),
  ];
}

/**
 * The Markdown QA report of one analysis: a summary to forward first, then the problems grouped, then the
 * flagged sentences with their diffs. Pure (no I/O, no clock): report, score and the review app call it.
 */
export function renderReport(analysis: Analysis, options: ReportOptions): string {
  return `${reportSections(analysis, options).join('\n\n')}\n`;
}
