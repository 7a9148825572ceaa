import { escapeControls } from '../format/sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text as HTML text or attribute value: markup characters become entities, and control and bidi
 * characters become visible escapes (\x1b), as on the terminal, so nothing in an article can add markup,
 * close an attribute or reorder what the reader sees.
 */
export function esc(text: string): string {
  return escapeControls(text.replace(/\r\n|[\r\u2028\u2029]/g, '\n')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
