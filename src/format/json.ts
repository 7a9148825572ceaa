import type { Analysis } from '../core/types.js';

/** The stable JSON contract of `check --format json` (version 1: fields are only ever added). */
export function formatJson(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
