import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { spellCacheDir } from '../../src/detect/lexicon/spell-cache.js';

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

export type Run = ReturnType<typeof mtdiff>;

let queue: Promise<unknown> = Promise.resolve();

/**
 * The same command line run inside this test process (src/cli/program.ts), for tests of what mtdiff says and
 * which status it returns: no node start-up or module loading per case. Runs are queued, since cwd, env and the
 * standard streams are the process's. Keep `mtdiff` (a real process) for exit paths, pipes, signals, the dotenv
 * guard and anything memoised per process (dictionaries opened once, their cache directory fixed at first use).
 */
export function mtdiffIn(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const run = queue.then(() => inProcess(args, options));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const original = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as Write;
  return () => {
    stream.write = original;
  };
}

/** Vitest replaces the console; library chatter through it must land where a real process would print it. */
function captureConsole(out: string[], err: string[]): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error };
  const to = (into: string[]) => (...parts: unknown[]) => void into.push(`${format(...parts)}\n`);
  Object.assign(console, { log: to(out), info: to(out), debug: to(out), warn: to(err), error: to(err) });
  return () => void Object.assign(console, saved);
}

async function inProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  process.env.DOTENV_CONFIG_QUIET = 'true'; // as src/cli/guard.ts does before anything imports natural
  const { runMtdiff } = await import('../../src/cli/program.js');
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const restore = [capture(process.stdout, out), capture(process.stderr, err), captureConsole(out, err)];
  let code: number;
  try {
    process.chdir(options.cwd ?? ROOT);
    code = await runMtdiff([process.execPath, 'mtdiff', ...args]);
  } finally {
    for (const r of restore) r();
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * Gives a test's fresh cache directory the dictionary tables this machine has already built (hard links, or
 * copies across file systems), so a run there does not spend seconds rebuilding them; `skip` leaves some out
 * for a test that must see them written. Nothing is linked where the default cache is still cold.
 */
export function seedSpellCache(cacheDir: string, skip: (name: string) => boolean = () => false): void {
  const from = spellCacheDir();
  if (!existsSync(from)) return;
  const to = join(cacheDir, 'spell');
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (skip(name) || name.endsWith('.tmp')) continue;
    try {
      linkSync(join(from, name), join(to, name));
    } catch {
      copyFileSync(join(from, name), join(to, name));
    }
  }
}
