import { Command, CommanderError } from 'commander';
import { EXIT, MtdiffError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { escapeControls } from '../format/sanitize.js';
import { applyProjectConfig } from './project-config.js';
import { preloadDefaultModel } from '../embed/runtime.js';
import { sessionsSettled } from '../embed/session-thread.js';

type Register = (program: Command) => void;

/**
 * Each command's module, imported only when that command runs: `check` does not load the review app (Ink,
 * React), the batch runner or the evaluation. Help, a version query or an unknown command load them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  check: async () => (await import('./check.js')).registerCheck,
  review: async () => (await import('./review.js')).registerReview,
  score: async () => (await import('./score.js')).registerScore,
  report: async () => (await import('./report.js')).registerReport,
  eval: async () => (await import('./eval.js')).registerEval,
};

/** Commands that load one model in this process: its session starts on a thread while their modules load. */
const PRELOAD = new Set(['check', 'report', 'review']);

function commandsFor(argv: string[]): string[] {
  const first = argv[2];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
}

export interface RunOptions {
  /** Start the model session before the command's modules load: a process entry point's head start. */
  preload?: boolean;
}

async function parse(argv: string[], options: RunOptions): Promise<void> {
  const program = new Command()
    .name('mtdiff')
    .description('Review machine translation against English coverage of the same story')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n').map(escapeControls).join('\n')) })
    .hook('preAction', (_program, command) => applyProjectConfig(command));
  const names = commandsFor(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (options.preload && names.length === 1 && PRELOAD.has(names[0]!) && !wantsHelp) preloadDefaultModel();
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  await program.parseAsync(argv);
}

/** File names and ids in messages are input bytes: escaped, so they cannot drive the terminal. */
function failed(message: string, code: number): number {
  process.stderr.write(`mtdiff: ${escapeControls(message.split('\n')[0]!)}\n`);
  return code;
}

function exitCodeOf(err: unknown): number {
  if (err instanceof MtdiffError) return failed(err.message, err.exitCode);
  if (err instanceof CommanderError) {
    // commander already printed its message; help and version are successes
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  if (process.env.MTDIFF_DEBUG) console.error(err);
  return failed(`internal error: ${(err as Error)?.message ?? String(err)} (set MTDIFF_DEBUG=1 for details)`, EXIT.internal);
}

/**
 * One mtdiff command line (argv as process.argv: node, script, arguments...): its output on process.stdout and
 * process.stderr, its exit status returned. Errors end as one line on stderr, never as a throw. Every return
 * waits for a model session still being built on its thread (see sessionsSettled).
 */
export async function runMtdiff(argv: string[], options: RunOptions = {}): Promise<number> {
  let code: number;
  try {
    await parse(argv, options);
    // `score` reports its gate through the exit status it sets; it is taken here, not left for the next run.
    code = typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    code = exitCodeOf(err);
  }
  process.exitCode = undefined;
  // A command that never needed its model (a warm cache) must still not end the process mid-build.
  await sessionsSettled();
  return code;
}
