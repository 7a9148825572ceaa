import { readFileSync } from 'node:fs';

/** Read once from package.json so the signature always names the installed version. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
