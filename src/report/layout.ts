/**
 * Presentation numbers of the Markdown report. They change nothing that is scored, only how much is shown;
 * kept here (not in src/config.ts, which this module does not own) until the lead moves them.
 */
export const REPORT_LAYOUT = {
  /** Words of context either side of a flagged span: enough to read the phrase, short enough for a table. */
  contextWords: 5,
  /** Words quoted from an evidence sentence: about half a news sentence, enough to see the reference wording. */
  quoteWords: 12,
  /** Evidence sentences quoted per flag; the rest are counted ("+2 more"), the JSON output has them all. */
  evidenceShown: 2,
  /** Occurrences of a recurring problem shown in context; the rest are counted and listed by sentence. */
  contextsShown: 3,
  /** Problems in the report's summary: what an editor forwards in an e-mail. */
  topProblems: 5,
} as const;
