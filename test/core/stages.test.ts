import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('stage timer', () => {
  it('sums sync and async stages by name when MTDIFF_STAGES=1', async () => {
    vi.stubEnv('MTDIFF_STAGES', '1');
    const { stagesLine, syncStage, timeStage, addStage } = await import('../../src/core/stages.js');
    expect(syncStage('a', () => 7)).toBe(7);
    await expect(timeStage('b', async () => 'x')).resolves.toBe('x');
    addStage('a', 1000);
    const line = JSON.parse(/^mtdiff: stages: (\{.*\})$/.exec(stagesLine())![1]!) as Record<string, number>;
    expect(Object.keys(line).sort()).toEqual(['a', 'b']);
    expect(line.a).toBeGreaterThanOrEqual(1000);
  });

  it('records nothing when the variable is unset, and still returns results and errors', async () => {
    vi.stubEnv('MTDIFF_STAGES', '');
    const { stagesLine, stagesOn, syncStage, timeStage } = await import('../../src/core/stages.js');
    expect(stagesOn).toBe(false);
    expect(syncStage('a', () => 1)).toBe(1);
    await expect(timeStage('b', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(stagesLine()).toBe('mtdiff: stages: {}');
  });
});
