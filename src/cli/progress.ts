import type { Progress } from '../analyze.js';

/** One updating status line on stderr when it is a terminal; silent otherwise (logs stay clean). */
export function stderrProgress(): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (stage, done, total) => {
    process.stderr.write(`\r\x1b[2K${stage} ${done}/${total}`);
    if (done >= total) process.stderr.write('\r\x1b[2K');
  };
}
