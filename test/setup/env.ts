/**
 * Files in the shared project run one after another in one module graph (vitest.config.ts). A file that sets
 * process.env (a fixture dictionary, a colour variable) must not change the next file's: each file starts from
 * the environment the worker started with.
 */
const key = Symbol.for('mtdiff.test.pristineEnv');
const store = globalThis as { [key]?: NodeJS.ProcessEnv };
const pristine = (store[key] ??= { ...process.env });
for (const k of Object.keys(process.env)) if (!(k in pristine)) delete process.env[k];
Object.assign(process.env, pristine);
