/**
 * ANSI colour for terminal output, decided once per stream: FORCE_COLOR (not "0") turns it on, NO_COLOR
 * (https://no-color.org, any non-empty value) turns it off, otherwise only a TTY that is not "dumb" gets it.
 */
import type { Severity } from '../core/types.js';

export interface Paint {
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' ) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const sgr = (code: string, text: string): string => `\u001b[${code}m${text}\u001b[0m`;
const SEVERITY_CODE: Record<Severity, string> = { critical: '1;31', major: '31', minor: '33' };

export const NO_PAINT: Paint = { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t };

export const ANSI_PAINT: Paint = {
  severity: (s, t) => sgr(SEVERITY_CODE[s], t),
  bold: (t) => sgr('1', t),
  dim: (t) => sgr('2', t),
};

export function paintFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Paint {
  return colourWanted(stream, env) ? ANSI_PAINT : NO_PAINT;
}
