import { describe, expect, it } from 'vitest';
import { SEEDS, mtdiff } from '../cli/run.js';

describe('mtdiff review without a terminal', () => {
  it('exits with the usage code and one line pointing to check and report', () => {
    const r = mtdiff(['review', ...SEEDS]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/check.*report/);
  });

  it('asks for a terminal before it reads any file', () => {
    const r = mtdiff(['review', 'no/such/file.txt', SEEDS[1]!]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/interactive terminal/);
  });
});
