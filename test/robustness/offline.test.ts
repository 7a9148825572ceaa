import { spawnSync } from 'node:child_process';
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

  it('the runtime refuses remote model loading unless explicitly enabled', async () => {
    const { loadEmbedder } = await import('../../src/embed/embedder.js');
    await loadEmbedder();
    const { env } = await import('@xenova/transformers');
    expect(env.allowRemoteModels).toBe(false);
  });

  if (!canIsolate) it('network isolation is unavailable here (unshare -n failed): the isolated run was skipped', () => undefined);
});
