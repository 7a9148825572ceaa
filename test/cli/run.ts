import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = ['004_105117b8f2f418e5', '000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'].map(
  (s) => `seeds/${s}.txt`,
);

/** Runs the built CLI (npm test builds first) the way a user does. */
export function mtdiff(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [`${ROOT}dist/cli/main.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
