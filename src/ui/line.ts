/** A one-line text field: its text and the cursor (in code points). */
export interface Line {
  text: string;
  cursor: number;
}

export type LineEdit =
  | { op: 'insert'; text: string }
  | { op: 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'killStart' | 'killEnd' | 'killWord' | 'wordLeft' | 'wordRight' };

/** Typed or pasted text never carries control characters into the review file. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function wordStart(chars: string[], from: number): number {
  let i = from;
  while (i > 0 && /\s/.test(chars[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(chars[i - 1]!)) i--;
  return i;
}

function wordEnd(chars: string[], from: number): number {
  let i = from;
  while (i < chars.length && /\s/.test(chars[i]!)) i++;
  while (i < chars.length && !/\s/.test(chars[i]!)) i++;
  return i;
}

/**
 * The line editor: cursor movement and the readline keys (Ctrl-A/E/U/K/W). A burst of typed keys arrives as
 * one string, so backspaces inside it still erase; every other control character is dropped (a paste cannot
 * smuggle escapes into the review file). Spaces are kept where typed, leading ones too.
 */
export function editLine(line: Line, edit: LineEdit): Line {
  const chars = Array.from(line.text);
  let cursor = Math.min(Math.max(0, line.cursor), chars.length);
  switch (edit.op) {
    case 'insert':
      for (const ch of edit.text) {
        if (ch === '\x7f' || ch === '\b') {
          if (cursor > 0) chars.splice(--cursor, 1);
        } else if (!CONTROL.test(ch)) chars.splice(cursor++, 0, ch);
      }
      break;
    case 'left':
      cursor = Math.max(0, cursor - 1);
      break;
    case 'right':
      cursor = Math.min(chars.length, cursor + 1);
      break;
    case 'home':
      cursor = 0;
      break;
    case 'end':
      cursor = chars.length;
      break;
    case 'wordLeft':
      cursor = wordStart(chars, cursor);
      break;
    case 'wordRight':
      cursor = wordEnd(chars, cursor);
      break;
    case 'backspace':
      if (cursor > 0) chars.splice(--cursor, 1);
      break;
    case 'delete':
      chars.splice(cursor, 1);
      break;
    case 'killStart':
      chars.splice(0, cursor);
      cursor = 0;
      break;
    case 'killEnd':
      chars.splice(cursor);
      break;
    case 'killWord': {
      const from = wordStart(chars, cursor);
      chars.splice(from, cursor - from);
      cursor = from;
      break;
    }
  }
  return { text: chars.join(''), cursor };
}
