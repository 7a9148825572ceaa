import type { MqmError, MqmSegment } from './mqm-tsv.js';

/**
 * The expert MQM weighting of the WMT21 metrics task (Freitag et al. 2021, "Experts, Errors, and Context"),
 * fixed by definition rather than tuned, so it stays apart from the weights mtdiff gives its own flags.
 */
export const WMT21_MQM = {
  major: 5,
  minor: 1,
  minorPunctuation: 0.1,
  nonTranslation: 25,
  /** Not in WMT21's scheme (its data has none); MQM-core's usual critical weight. */
  critical: 10,
} as const;

export function mqmErrorWeight(error: Pick<MqmError, 'category' | 'severity'>): number {
  const severity = error.severity.toLowerCase();
  const category = error.category;
  if (category.startsWith('Non-translation')) return WMT21_MQM.nonTranslation;
  if (category.startsWith('Source error')) return 0;
  if (severity === 'major') return WMT21_MQM.major;
  if (severity === 'critical') return WMT21_MQM.critical;
  if (severity === 'minor') return category === 'Fluency/Punctuation' ? WMT21_MQM.minorPunctuation : WMT21_MQM.minor;
  return 0;
}

/**
 * A segment's MQM score (lower is better): each rater's errors are summed, then the raters' sums are
 * averaged, as WMT21 averaged over the raters of a segment. A segment nobody rated scores 0.
 */
export function segmentMqm(segment: Pick<MqmSegment, 'raters' | 'errors'>): number {
  if (segment.raters.length === 0) return 0;
  const total = segment.errors.reduce((sum, e) => sum + mqmErrorWeight(e), 0);
  return total / segment.raters.length;
}
