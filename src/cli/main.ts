#!/usr/bin/env node
import './guard.js';
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

/** 128 + SIGPIPE: what a shell reports for a program stopped by a closed pipe (`mtdiff check ... | head`). */
export const EXIT_PIPE = 141;

// A reader that went away (head, a closed terminal) ends the command quietly: nothing is left to tell it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    void exit(err.code === 'EPIPE' ? EXIT_PIPE : EXIT.output);
  });
}

/** Every exit waits for a model session still being built on its thread (see sessionsSettled). */
async function exit(code: number): Promise<never> {
  await sessionsSettled();
  process.exit(code);
}

/** File names and ids in messages are input bytes: escaped, so they cannot drive the terminal. */
function fail(message: string, code: number): Promise<never> {
  process.stderr.write(`mtdiff: ${escapeControls(message.split('\n')[0]!)}\n`);
  return exit(code);
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('mtdiff')
    .description('Review machine translation against English coverage of the same story')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n').map(escapeControls).join('\n')) })
    .hook('preAction', (_program, command) => applyProjectConfig(command));
  const names = commandsFor(argv);
  if (names.length === 1 && PRELOAD.has(names[0]!) && !argv.includes('--help') && !argv.includes('-h')) preloadDefaultModel();
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  await program.parseAsync(argv);
  // A command that never needed its model (a warm cache) must still not end the process mid-build.
  await sessionsSettled();
}

main(process.argv).catch(async (err: unknown) => {
  if (err instanceof MtdiffError) return fail(err.message, err.exitCode);
  if (err instanceof CommanderError) {
    // commander already printed its message; help and version are successes
    return exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage);
  }
  if (process.env.MTDIFF_DEBUG) console.error(err);
  return fail(`internal error: ${(err as Error)?.message ?? String(err)} (set MTDIFF_DEBUG=1 for details)`, EXIT.internal);
});
