import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig, parseProjectConfig } from '../../src/cli/project-config.js';
import type { Analysis } from '../../src/core/types.js';
import { mtdiff } from './run.js';

describe('project config (mtdiff.config.json)', () => {
  it('accepts the known settings', () => {
    expect(parseProjectConfig('{"mode":"parallel","minConfidence":0.6,"detectors":{"order":false}}', 'c.json')).toEqual({ mode: 'parallel', minConfidence: 0.6, detectors: { order: false } });
    expect(parseProjectConfig('{"settings":{"mistranslation":{"window":4}}}', 'c.json')).toEqual({ settings: { mistranslation: { window: 4 } } });
  });

  it.each([
    ['{"colour":true}', /unknown setting 'colour'/],
    ['{"minConfidence":2}', /'minConfidence' must be a number from 0 to 1/],
    ['{"detectors":{"nosuch":false}}', /not 'nosuch'/],
    ['{"mode":"both"}', /'mode' must be comparable or parallel/],
    ['{"settings":{"quotes":{"minWords":0}}}', /'settings' must be a whole number of at least 1 for 'quotes.minWords'/],
    ['{"settings":{"colour":{}}}', /'settings' must be setting groups .* not 'colour'/],
    ['[1]', /expected a JSON object/],
    ['{', /not valid JSON/],
  ])('refuses %s with one line naming the problem', (text, message) => {
    expect(() => parseProjectConfig(text, 'c.json')).toThrow(message);
  });

  it('is optional in the working directory and required when named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-config-'));
    expect(loadProjectConfig(undefined, dir)).toEqual({});
    expect(() => loadProjectConfig(join(dir, 'missing.json'), dir)).toThrow(/cannot read config/);
  });

  it('sets what the command line leaves at its default, and the command line wins (real model)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-config-'));
    const mt = join(dir, 'mt.txt');
    const ref = join(dir, 'ref.txt');
    writeFileSync(mt, 'The council aproved the budget on Monday.\n');
    writeFileSync(ref, 'The council approved the budget on Monday.\n');
    const config = join(dir, 'mtdiff.config.json');
    writeFileSync(config, JSON.stringify({ minConfidence: 0 }));
    const all = JSON.parse(mtdiff(['check', mt, ref, '--format', 'json', '--config', config]).stdout) as Analysis;
    expect(all.flags.some((f) => f.detector.includes('spelling'))).toBe(true);
    writeFileSync(config, JSON.stringify({ minConfidence: 0, detectors: { spelling: false } }));
    const withConfig = JSON.parse(mtdiff(['check', mt, ref, '--format', 'json', '--config', config]).stdout) as Analysis;
    expect(withConfig.filter?.minConfidence).toBe(0);
    expect(withConfig.flags.some((f) => f.detector.includes('spelling'))).toBe(false);
    const overridden = JSON.parse(mtdiff(['check', mt, ref, '--format', 'json', '--config', config, '--min-confidence', '0.5']).stdout) as Analysis;
    expect(overridden.filter?.minConfidence).toBe(0.5);
    expect(overridden.signature).not.toBe(withConfig.signature);
    writeFileSync(config, JSON.stringify({ minConfidence: 0, settings: { unmatched: { maxSimilarity: 0.6 } } }));
    const tuned = JSON.parse(mtdiff(['check', mt, ref, '--format', 'json', '--config', config]).stdout) as Analysis;
    expect(tuned.signatureFields?.set).toMatch(/^1@[0-9a-f]{8}$/);
    expect(tuned.signature).toContain(`|set:${tuned.signatureFields?.set}|`);
    writeFileSync(config, '{"colour": true}');
    const bad = mtdiff(['check', mt, ref, '--config', config]);
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
