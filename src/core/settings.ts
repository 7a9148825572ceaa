import { createHash } from 'node:crypto';
import { ALIGN, ENTITIES, FLUENCY, MISTRANSLATION, NUMBERS, POLARITY, QUOTES, TITLES, UNMATCHED, UNTRANSLATED } from '../config.js';
import { usageError } from './errors.js';
import { SEVERITIES, type Severity } from './types.js';

/** `as const` literals widened, so that a setting can take any value of its type. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends number ? number : T[K] extends Severity ? Severity : T[K] };

/**
 * Every tunable of alignment and detection, one group per concern. config.ts holds the defaults and how each was
 * chosen; the Analyzer receives a whole object, so benches and project configs change settings per run instead
 * of overwriting module constants.
 */
export interface Settings {
  align: Widen<typeof ALIGN>;
  untranslated: Widen<typeof UNTRANSLATED>;
  mistranslation: Widen<typeof MISTRANSLATION>;
  quotes: Widen<typeof QUOTES>;
  titles: Widen<typeof TITLES>;
  polarity: Widen<typeof POLARITY>;
  unmatched: Widen<typeof UNMATCHED>;
  numbers: Widen<typeof NUMBERS>;
  entities: Widen<typeof ENTITIES>;
  fluency: Widen<typeof FLUENCY>;
}

export type SettingsOverrides = { [G in keyof Settings]?: Partial<Settings[G]> };

function freeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(o);
}

export const DEFAULT_SETTINGS: Readonly<Settings> = freeze({
  align: { ...ALIGN },
  untranslated: { ...UNTRANSLATED },
  mistranslation: { ...MISTRANSLATION },
  quotes: { ...QUOTES },
  titles: { ...TITLES },
  polarity: { ...POLARITY },
  unmatched: { ...UNMATCHED },
  numbers: { ...NUMBERS },
  entities: { ...ENTITIES },
  fluency: { ...FLUENCY },
});

/**
 * What a value must be, read off its default: whole-number defaults are counts (window sizes, reference counts),
 * fractional ones are cosines, shares and confidences from 0 to 1, strings are severities.
 */
function problem(def: unknown, value: unknown): string | undefined {
  if (typeof def === 'string') return SEVERITIES.includes(value as Severity) ? undefined : `one of ${SEVERITIES.join(', ')}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'a number';
  if (Number.isInteger(def)) return Number.isInteger(value) && value >= 1 ? undefined : 'a whole number of at least 1';
  return value >= 0 && value <= 1 ? undefined : 'a number from 0 to 1';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the description of what is wrong with an overrides object, or undefined when it is valid. */
export function settingsProblem(overrides: unknown): string | undefined {
  if (!isObject(overrides)) return 'an object of setting groups';
  for (const [group, values] of Object.entries(overrides)) {
    const defaults = (DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>)[group];
    if (!defaults) return `setting groups (${Object.keys(DEFAULT_SETTINGS).join(', ')}), not '${group}'`;
    if (!isObject(values)) return `an object of settings for '${group}'`;
    for (const [key, value] of Object.entries(values)) {
      if (!(key in defaults)) return `settings of '${group}' (${Object.keys(defaults).join(', ')}), not '${key}'`;
      const bad = problem(defaults[key], value);
      if (bad) return `${bad} for '${group}.${key}'`;
    }
  }
  return undefined;
}

/** The defaults with the given overrides applied; invalid overrides are a usage error (exit 3). */
export function resolveSettings(overrides: SettingsOverrides = {}): Readonly<Settings> {
  const bad = settingsProblem(overrides);
  if (bad) throw usageError(`settings must be ${bad}`);
  const out = {} as Record<string, object>;
  for (const [group, defaults] of Object.entries(DEFAULT_SETTINGS)) out[group] = { ...defaults, ...(overrides as Record<string, object>)[group] };
  return freeze(out as unknown as Settings);
}

/** The settings that differ from the defaults, as `group.key=value` sorted; empty when none do. */
export function changedSettings(settings: Readonly<Settings>): string[] {
  const out: string[] = [];
  for (const [group, values] of Object.entries(settings) as [string, Record<string, unknown>][]) {
    const defaults = (DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>)[group]!;
    for (const [key, value] of Object.entries(values)) if (value !== defaults[key]) out.push(`${group}.${key}=${String(value)}`);
  }
  return out.sort();
}

/** Short digest of the changed settings for the signature; undefined at the defaults, so default signatures stay. */
export function settingsDigest(settings: Readonly<Settings>): string | undefined {
  const changed = changedSettings(settings);
  if (changed.length === 0) return undefined;
  return `${changed.length}@${createHash('sha256').update(changed.join(',')).digest('hex').slice(0, 8)}`;
}
