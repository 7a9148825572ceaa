import type { SegStyle } from './text.js';

/**
 * How the screen may style text. `colour`: colours and attributes; `mono`: attributes only (reverse video,
 * underline, bold), for NO_COLOR; `plain`: no escape sequences at all (FORCE_COLOR=0, TERM=dumb), so focus,
 * selection and flagged spans are shown by text markers.
 */
export type Palette = 'colour' | 'mono' | 'plain';

/**
 * FORCE_COLOR wins over NO_COLOR, as in Node's own tty colour depth; NO_COLOR (any non-empty value,
 * no-color.org) removes colour but not attributes.
 */
export function choosePalette(env: NodeJS.ProcessEnv): Palette {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force === '0' || force === 'false' ? 'plain' : 'colour';
  if (env.NO_COLOR) return 'mono';
  if (env.TERM === 'dumb') return 'plain';
  return 'colour';
}

/**
 * The environment Ink's colour library must see for a palette: it ignores NO_COLOR, so mono forces level 1 and
 * the screen leaves the colours out itself; plain forces level 0.
 */
export function colourEnv(palette: Palette): { FORCE_COLOR?: string } {
  if (palette === 'plain') return { FORCE_COLOR: '0' };
  if (palette === 'mono') return { FORCE_COLOR: '1' };
  return {};
}

/** A segment style as the palette allows it. */
export function paint(style: SegStyle | undefined, palette: Palette): SegStyle | undefined {
  if (!style || palette === 'colour') return style;
  if (palette === 'plain') return undefined;
  const { color: _color, ...rest } = style;
  return rest;
}

/** Text markers around a flagged span in the plain palette (the others underline it, selected in reverse). */
export const PLAIN_MARKS = { span: ['_', '_'], selected: ['[[', ']]'], focus: '» ' } as const;
