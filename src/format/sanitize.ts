/**
 * Article text is untrusted: escape sequences in it (ESC[2J, OSC 52 clipboard writes, BEL) must never reach
 * a terminal. Every C0/C1 control except tab becomes a visible escape such as \x1b; bidi overrides too, so
 * right-to-left tricks cannot reorder what the reviewer sees.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as data: control characters but line breaks escaped (CSV goes to terminals too), a would-be formula
 * prefixed with a quote, as OWASP recommends. The JSON and JSONL records keep the exact text.
 */
export function csvText(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // Line breaks are data CSV can quote; every other control is escaped.
  return text
    .split('\n')
    .map((line) => escapeControls(line.replace(/\t/g, '\\t')))
    .join('\n');
}
