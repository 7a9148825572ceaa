/**
 * Errors are values with a code; only the cli turns them into one stderr line and an exit code.
 * Exit codes are part of the documented interface (README), so they never change meaning.
 */
export const EXIT = {
  ok: 0,
  /** `--fail-under`: some score fell below the threshold. */
  belowThreshold: 1,
  /** Some input could not be analysed (missing, empty, binary, undecodable, too large). */
  input: 2,
  /** Bad arguments or usage. */
  usage: 3,
  /** The model is missing, corrupt or cannot be loaded. */
  model: 4,
  /** Writing an output file failed. */
  output: 5,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

export type ErrorCode = 'input' | 'usage' | 'model' | 'output';

export class MtdiffError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MtdiffError';
  }

  get exitCode(): number {
    return EXIT[this.code];
  }
}

export function inputError(message: string): MtdiffError {
  return new MtdiffError('input', message);
}

export function usageError(message: string): MtdiffError {
  return new MtdiffError('usage', message);
}

export function modelError(message: string): MtdiffError {
  return new MtdiffError('model', message);
}

export function outputError(message: string): MtdiffError {
  return new MtdiffError('output', message);
}
