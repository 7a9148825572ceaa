import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/format/sanitize.js';
import { flagKey } from '../../src/review/file.js';
import { renderHtml } from '../../src/report/html.js';
import { groupFlags } from '../../src/report/group.js';
import { buildAnalysis, HOSTILE, hostileAnalysis, reviewOf } from '../fixtures/report/analysis.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const DATE = '2026-01-01';

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) elements(k, out);
  if ('content' in node && node.content) elements(node.content as Node, out);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('');
}

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const byClass = (all: Element[], tag: string, cls: string) => all.filter((e) => e.tagName === tag && (attr(e, 'class') ?? '').split(' ').includes(cls));

describe('renderHtml with hostile text (the Markdown report cases)', () => {
  const analysis = hostileAnalysis();
  const review = reviewOf(analysis, {
    [flagKey(analysis.flags[0]!)]: { status: 'accepted', suggestion: HOSTILE.join(' '), comment: HOSTILE.join('\n'), at: DATE },
  });
  const page = renderHtml(analysis, { date: DATE, review });
  const errors: string[] = [];
  const doc = parse(page, { onParseError: (e) => void errors.push(e.code) });
  const all = elements(doc);

  it('is well-formed HTML a parser reads without an error', () => {
    expect(errors).toEqual([]);
    expect(all.filter((e) => e.tagName === 'h1')).toHaveLength(1);
  });

  it('runs nothing and loads nothing: no script, no handler, no external asset', () => {
    const tags = new Set(all.map((e) => e.tagName));
    for (const t of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'b', 'base', 'form']) expect(tags.has(t), t).toBe(false);
    for (const e of all) {
      for (const a of e.attrs) {
        expect(a.name, `${e.tagName} ${a.name}`).not.toMatch(/^on/);
        if (a.name === 'href') expect(a.value).toMatch(/^#s\d+$/);
        if (a.name === 'src') throw new Error(`external asset: ${a.value}`);
      }
    }
    expect(page).not.toMatch(/url\(|@import|https?:\/\/(?!evil)/);
  });

  it('shows every hostile sentence as text, escaped, with its flags highlighted by severity', () => {
    const article = all.find((e) => attr(e, 'class') === 'article')!;
    const text = textOf(article);
    for (const s of analysis.sentences) expect(text).toContain(escapeControls(s.text.replace(/\r\n|[\r\u2028\u2029]/g, '\n')));
    const marks = all.filter((e) => e.tagName === 'mark' && attr(e, 'data-problem'));
    // the zero-width span and the hostile span share an offset: the longer one is marked, every other one too
    expect(marks.length).toBeGreaterThanOrEqual(analysis.flags.length - 1);
    for (const m of marks) expect(['critical', 'major', 'minor']).toContain(attr(m, 'class'));
    expect(page).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('has a legend, the summary and every problem once', () => {
    expect(byClass(all, 'p', 'legend')).toHaveLength(1);
    expect(byClass(all, 'p', 'verdict')).toHaveLength(1);
    const problems = byClass(all, 'ol', 'problems')[0]!;
    const items = problems.childNodes.filter((n) => n.nodeName === 'li');
    expect(items).toHaveLength(groupFlags(analysis.flags).length);
    const text = textOf(problems);
    for (const f of analysis.flags) expect(text).toContain(escapeControls(f.message.replace(/\r\n|[\r\u2028\u2029]/g, '\n')));
  });
});

describe('renderHtml on a plain article', () => {
  it('numbers sentences from 1 and links problems to their sentences', () => {
    const a = buildAnalysis(['They published it.', 'Clean.', 'Now publish it!'], [
      { sentence: 0, text: 'published', suggestion: 'released' },
      { sentence: 2, text: 'publish', suggestion: 'release' },
    ]);
    const all = elements(parse(renderHtml(a, { date: DATE })));
    expect(all.filter((e) => e.tagName === 'a' && attr(e, 'id')).map((e) => attr(e, 'id'))).toEqual(['s1', 's2', 's3']);
    const problem = byClass(all, 'ol', 'problems')[0]!;
    expect(textOf(problem)).toMatch(/2 times, sentences 1, 3/);
  });
});
