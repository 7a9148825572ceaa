import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from '../cli/run.js';

/** With no network at all (a fresh network namespace), check still works: nothing is fetched at run time. */
describe('offline by construction', () => {
  const probe = spawnSync('unshare', ['-n', 'true']);
  const canIsolate = probe.status === 0;

  it.skipIf(!canIsolate)('runs check inside `unshare -n` (no network interfaces but loopback, down)', () => {
    const r = spawnSync('unshare', ['-n', process.execPath, `${ROOT}dist/cli/main.js`, 'check', ...SEEDS.slice(0, 2), '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe(1);
  });

  it('a model from models/ never loads the downloader (transformers.js is imported only for --allow-remote)', () => {
    // A resolve hook records every specifier the child imports while it loads the model and embeds a sentence.
    const hook = `export async function resolve(s, c, next) { if (s.includes('@xenova/transformers')) process.stderr.write('IMPORTED ' + s + '\\n'); return next(s, c); }`;
    const code = [
      "import { register } from 'node:module';",
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
      `const { loadEmbedder } = await import(${JSON.stringify(`${ROOT}dist/embed/embedder.js`)});`,
      "const [enc] = await (await loadEmbedder()).encode(['The council met on Monday.']);",
      'console.log(enc.vector.length);',
      'process.exit(0);',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('384');
    expect(r.stderr).not.toContain('IMPORTED');
  });

  if (!canIsolate) it('network isolation is unavailable here (unshare -n failed): the isolated run was skipped', () => undefined);
});

/** One model loader for every command: `score --allow-remote` resolves a hub id as `check --allow-remote` does. */
describe('remote model ids, check and score alike', () => {
  const probe = spawnSync('unshare', ['-n', 'true']);
  it.skipIf(probe.status !== 0)('both try to download (and fail offline) instead of score calling the id unknown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-remote-'));
    writeFileSync(join(dir, 'a.txt'), 'The council met on Monday.\n');
    writeFileSync(join(dir, 'b.txt'), 'The council met on Monday morning.\n');
    writeFileSync(join(dir, 'm.jsonl'), '{"id":"x","mt":"a.txt","refs":["b.txt"]}\n');
    const run = (...args: string[]) =>
      spawnSync('unshare', ['-n', process.execPath, `${ROOT}dist/cli/main.js`, ...args, '--allow-remote', '--model', 'someorg/some-model'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const check = run('check', 'a.txt', 'b.txt');
    const score = run('score', '--input', 'm.jsonl');
    expect(check.status).toBe(4);
    expect(score.status).toBe(4);
    expect(score.stderr).not.toMatch(/unknown model/);
    expect(score.stderr.replace(/\s+/g, ' ')).toContain("cannot load model 'someorg/some-model'");
  });
});
