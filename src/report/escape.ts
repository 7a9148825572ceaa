import { escapeControls } from '../format/sanitize.js';

/**
 * The one place where untrusted text (article sentences, flag messages, file names) becomes Markdown.
 * Goals: a table cell never breaks, Markdown syntax in the text is shown literally, no HTML runs when the
 * report is rendered, and control characters are visible instead of acting on a terminal that cats the file.
 */

/** Line breaks would end a table row or a paragraph; tabs would start code blocks at a line start. */
const BREAKS = /\r\n|[\r\n\t\u2028\u2029\u000b\u000c]/g;

/**
 * ASCII punctuation that starts inline Markdown on GitHub: emphasis, strikethrough, code, links, images,
 * footnotes, math ($), table pipes, and the backslash itself. `<`, `>` and `&` become entities instead, so
 * neither raw HTML nor an entity in the text can be interpreted.
 */
const INLINE = /[\\`*_[\]|~$<>&]/g;

/**
 * GFM turns bare `http://…` and `www.…` into links whose text keeps backslashes literally, so the escapes
 * above would show; escaping the `:` or `.` keeps them plain text, like the rest of the article.
 */
const AUTOLINK = /(https?|ftp|www)(:(?=\/\/)|\.)/gi;

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };


function oneLine(text: string): string {
  return escapeControls(text.replace(BREAKS, ' '));
}

/**
 * Untrusted text as literal inline Markdown, safe inside a table cell, a paragraph, a heading or emphasis.
 * Block markers (heading, list item, setext underline, ordered list) are escaped at the start too, so the
 * result may begin a line as long as it does not begin with four spaces.
 */
export function inline(text: string): string {
  return oneLine(text)
    .replace(INLINE, (c) => ENTITIES[c] ?? `\\${c}`)
    .replace(AUTOLINK, '$1\\$2')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Untrusted text in a code span, for use OUTSIDE tables (inside a table GFM would still split on `|`).
 * The fence is longer than any backtick run in the text, so the text cannot close it.
 */
export function codeSpan(text: string): string {
  const body = oneLine(text);
  if (body === '') return '';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space on each side when both are present, so pad whenever stripping would eat text.
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '');
  return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/**
 * A relative path as a link destination: each segment percent-encoded, including the characters that could
 * end or unbalance the destination (parentheses, spaces, angle brackets), so the link cannot be broken out of.
 */
export function linkTarget(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** `[label](target)` with both parts escaped. */
export function link(label: string, path: string): string {
  return `[${inline(label)}](${linkTarget(path)})`;
}
