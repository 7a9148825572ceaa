import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../core/errors.js';
import { defaultDetectors } from '../detect/index.js';
import { settingsProblem, type SettingsOverrides } from '../core/settings.js';

/** A project's settings (`mtdiff.config.json` in the working directory, or `--config FILE`). */
export interface ProjectConfig {
  mode?: 'comparable' | 'parallel';
  sourceLang?: string;
  minConfidence?: number;
  allFlags?: boolean;
  maxBytes?: number;
  glossary?: string;
  model?: string;
  /** Detector ids switched off (false) or on (true, the default). */
  detectors?: Record<string, boolean>;
  /** Alignment and detector settings by group, e.g. {"mistranslation": {"window": 4}}; defaults in config.ts. */
  settings?: SettingsOverrides;
}

export const CONFIG_FILE = 'mtdiff.config.json';

type Check = (value: unknown) => string | undefined;

const CHECKS: Record<keyof ProjectConfig, Check> = {
  mode: (v) => (v === 'comparable' || v === 'parallel' ? undefined : 'comparable or parallel'),
  sourceLang: (v) => (typeof v === 'string' && /^[a-z]{2,3}$/i.test(v) ? undefined : 'an ISO 639 code such as de'),
  minConfidence: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'a number from 0 to 1'),
  allFlags: (v) => (typeof v === 'boolean' ? undefined : 'true or false'),
  maxBytes: (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : 'a positive whole number'),
  glossary: (v) => (typeof v === 'string' && v !== '' ? undefined : 'a file path'),
  model: (v) => (typeof v === 'string' && v !== '' ? undefined : 'a model name'),
  detectors: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'an object of detector ids and true/false';
    const known = new Set(defaultDetectors().map((d) => d.id));
    for (const [id, on] of Object.entries(v)) {
      if (!known.has(id)) return `known detector ids (${[...known].sort().join(', ')}), not '${id}'`;
      if (typeof on !== 'boolean') return `true or false for '${id}'`;
    }
    return undefined;
  },
  settings: settingsProblem,
};

/** Parses and validates; every problem is one line naming the file and the key. */
export function parseProjectConfig(text: string, path: string): ProjectConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw usageError(`${path}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw usageError(`${path}: expected a JSON object of settings`);
  for (const [key, value] of Object.entries(data)) {
    const check = CHECKS[key as keyof ProjectConfig];
    if (!check) throw usageError(`${path}: unknown setting '${key}' (known: ${Object.keys(CHECKS).join(', ')})`);
    const problem = check(value);
    if (problem) throw usageError(`${path}: '${key}' must be ${problem}`);
  }
  return data as ProjectConfig;
}

/** The given file (which must exist), else `mtdiff.config.json` in the working directory if there is one. */
export function loadProjectConfig(explicit: string | undefined, cwd = process.cwd()): ProjectConfig {
  const path = explicit ?? resolve(cwd, CONFIG_FILE);
  if (!explicit && !existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseProjectConfig(text, path);
}

/**
 * Fills the options the user did not give on the command line from the project config; the command line wins.
 * Runs before every command's action (a commander preAction hook), so all commands share one rule.
 */
export function applyProjectConfig(cmd: Command): void {
  const opts = cmd.opts<{ config?: string }>();
  if (!cmd.options.some((o) => o.attributeName() === 'config')) return;
  const config = loadProjectConfig(opts.config);
  for (const [key, value] of Object.entries(config)) {
    // Not command-line options: they reach the command's options object only from here.
    if (key === 'detectors' || key === 'settings') {
      cmd.setOptionValueWithSource(key, value, 'config');
      continue;
    }
    if (!cmd.options.some((o) => o.attributeName() === key)) continue;
    const source = cmd.getOptionValueSource(key);
    if (source === undefined || source === 'default') cmd.setOptionValueWithSource(key, value, 'config');
  }
}
