#!/usr/bin/env node
import './guard.js';
import { EXIT } from '../core/errors.js';
import { sessionsSettled } from '../embed/session-thread.js';
import { runMtdiff } from './program.js';

/** 128 + SIGPIPE: what a shell reports for a program stopped by a closed pipe (`mtdiff check ... | head`). */
export const EXIT_PIPE = 141;

/** Every exit waits for a model session still being built on its thread (see sessionsSettled). */
async function exit(code: number): Promise<never> {
  await sessionsSettled();
  process.exit(code);
}

// A reader that went away (head, a closed terminal) ends the command quietly: nothing is left to tell it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    void exit(err.code === 'EPIPE' ? EXIT_PIPE : EXIT.output);
  });
}

// The process then ends by itself, after the last pending write: a closed pipe still gets its say above.
void runMtdiff(process.argv, { preload: true }).then((code) => {
  process.exitCode = code;
});
