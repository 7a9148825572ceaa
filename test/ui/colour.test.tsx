import { afterEach, describe, expect, it, vi } from 'vitest';

// Ink's colour library reads FORCE_COLOR once, when it loads: these frames are rendered as a colour terminal would.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

import { render, cleanup } from 'ink-testing-library';
import { ReviewApp } from '../../src/ui/components/ReviewApp.js';
import { emptyReview } from '../../src/review/file.js';
import { choosePalette, colourEnv, type Palette } from '../../src/ui/palette.js';
import { makeAnalysis, MT_TEXT } from './fixture.js';

const analysis = makeAnalysis();
afterEach(() => cleanup());

async function frameOf(palette: Palette): Promise<string> {
  const app = render(<ReviewApp analysis={analysis} review={emptyReview(analysis.mt, MT_TEXT)} reviewPath="/nonexistent/r.json" size={{ columns: 100, rows: 30 }} palette={palette} />);
  for (let i = 0; i < 200 && !(app.lastFrame() ?? '').includes('Sentences'); i++) await new Promise((r) => setTimeout(r, 10));
  return app.lastFrame() ?? '';
}

const COLOUR = /\x1b\[(3[0-7]|9[0-7]|38;)/;
const INVERSE = '\x1b[7m';
const UNDERLINE = '\x1b[4m';

describe('palettes', () => {
  it('NO_COLOR gives mono, FORCE_COLOR wins over it, FORCE_COLOR=0 and TERM=dumb give plain', () => {
    expect(choosePalette({})).toBe('colour');
    expect(choosePalette({ NO_COLOR: '1' })).toBe('mono');
    expect(choosePalette({ NO_COLOR: '' })).toBe('colour');
    expect(choosePalette({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe('colour');
    expect(choosePalette({ FORCE_COLOR: '0' })).toBe('plain');
    expect(choosePalette({ TERM: 'dumb' })).toBe('plain');
    expect(colourEnv('mono')).toEqual({ FORCE_COLOR: '1' });
    expect(colourEnv('plain')).toEqual({ FORCE_COLOR: '0' });
  });

  it('colour: the flagged word is coloured and underlined, the selected flag and the focused pane in reverse video', async () => {
    const frame = await frameOf('colour');
    expect(frame).toMatch(COLOUR);
    const line = frame.split('\n').find((l) => l.includes('geiseln') && l.includes('Hamas'))!;
    expect(line).toContain(INVERSE);
    expect(line).toContain(UNDERLINE);
    expect(line).toMatch(/\x1b\[33m/);
  });

  it('mono: no colour at all, yet focus, selection and flagged spans show by reverse video and underline', async () => {
    const frame = await frameOf('mono');
    expect(frame).not.toMatch(COLOUR);
    const line = frame.split('\n').find((l) => l.includes('geiseln') && l.includes('Hamas'))!;
    expect(line).toContain(INVERSE);
    expect(line).toContain(UNDERLINE);
    expect(frame.split('\n').find((l) => l.includes('Sentences 1/8'))).toContain(INVERSE);
    // The flag marks stay letters: severity reads without colour.
    expect(frame.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/▶ 1 M/);
  });

  it('plain: no escape sequence at all; spans and the selected flag are marked in the text', async () => {
    const frame = await frameOf('plain');
    expect(frame).not.toContain('\x1b[');
    expect(frame).toContain('[[geiseln]]');
    expect(frame).toContain('_Messenger_');
    expect(frame).toContain('» Sentences 1/8');
  });
});
