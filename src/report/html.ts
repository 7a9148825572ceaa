/**
 * `report --format html`: one self-contained page (inline CSS, no script, no external asset) with the
 * summary, a legend, the article with its flagged spans highlighted by severity and the problems grouped.
 * Every piece of article text goes through esc(). Pure, like the Markdown report.
 */
import type { AlignedSentence, Analysis, Flag } from '../core/types.js';
import { verdict } from '../format/text.js';
import type { ReviewFile } from '../review/file.js';
import { decisionFor } from '../review/file.js';
import { citedWords, findWords } from './context.js';
import { evidenceShown } from './flags.js';
import { fileName, penalty, plural, score, sentenceNo } from './format.js';
import { groupFlags, occurrences, type ErrorGroup } from './group.js';
import { esc } from './html-escape.js';
import { REPORT_LAYOUT } from './layout.js';
import { countsLine, reviewLine } from './summary.js';

export interface HtmlOptions {
  review?: ReviewFile;
  date: string;
  /** The corrected article's path relative to the report, when one was written. */
  corrected?: string;
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;margin-top:2rem}
.verdict{font-size:1.15rem;font-weight:600}
mark{padding:0 .1em;border-radius:.2em;color:inherit}
mark.critical{background:#f4b6b6;border-bottom:3px solid #b00020}
mark.major{background:#fbd3b0;border-bottom:3px solid #d35400}
mark.minor{background:#fdf0b3;border-bottom:2px dotted #9a7d00}
.sev{display:inline-block;min-width:4.5em;font-size:.8em;font-weight:600;text-transform:uppercase}
.sev.critical{color:#b00020}.sev.major{color:#d35400}.sev.minor{color:#7a6300}
.no{color:#888;font-size:.75em;text-decoration:none;margin-right:.2em;vertical-align:super}
.article p{margin:.6em 0}
.problems li{margin:.8em 0}.problems .msg,.problems .ev{color:#444;font-size:.92em}
.legend span{margin-right:1.2em}
.facts{color:#555;font-size:.85em}code{font-size:.9em}
`;

const tag = (name: string, attrs: string, body: string) => `<${name}${attrs ? ` ${attrs}` : ''}>${body}</${name}>`;

function legend(): string {
  const items = [
    '<mark class="critical">critical</mark> meaning reversed or a key fact wrong',
    '<mark class="major">major</mark> meaning changed',
    '<mark class="minor">minor</mark> meaning survives',
  ];
  return tag('p', 'class="legend"', `${items.map((i) => `<span>${i}</span>`).join('')} Small numbers are sentence numbers (from 1); hover a highlight for the problem.`);
}

/** Words in quotation marks; punctuation alone (a quotation mark, a dash) in a code box, where it can be seen. */
function quoted(text: string): string {
  const t = text.trim();
  if (t === '') return '‸';
  return /[\p{L}\p{N}]/u.test(t) ? `<q>${esc(t)}</q>` : `<code>${esc(t)}</code>`;
}

function change(g: Pick<ErrorGroup, 'text' | 'suggestion'>): string {
  if (g.suggestion === undefined) return quoted(g.text);
  return `${quoted(g.text)} → ${g.suggestion.trim() === '' ? '<em>(delete)</em>' : quoted(g.suggestion)}`;
}

function summary(analysis: Analysis, groups: readonly ErrorGroup[], options: HtmlOptions): string {
  const flagged = new Set(analysis.flags.map((f) => f.sentence)).size;
  const hidden = analysis.filter?.belowThreshold ? ` ${plural(analysis.filter.belowThreshold, 'less certain flag')} not shown.` : '';
  const top = groups
    .slice(0, REPORT_LAYOUT.topProblems)
    .map((g) => tag('li', '', `<span class="sev ${g.severity}">${g.severity}</span> ${esc(g.category)}: ${change(g)} (${esc(occurrences(g))})`));
  const parts = [
    tag('p', 'class="verdict"', esc(verdict(analysis))),
    tag(
      'p',
      '',
      esc(
        `MQM penalty ${penalty(analysis.mqm)}, ${penalty(analysis.mqmPer100)} per 100 words (${plural(analysis.words, 'word')}; ` +
          `${flagged} of ${plural(analysis.sentences.length, 'sentence')} flagged). Document score ${score(analysis.score)}.${hidden}`,
      ),
    ),
  ];
  if (top.length) parts.push(tag('p', '', 'Fix these first:'), tag('ol', '', top.join('')));
  if (options.review) parts.push(tag('p', '', esc(reviewLine(analysis, options.review))));
  parts.push(tag('p', '', esc(countsLine(analysis.flags))));
  return parts.join('\n');
}

/** A sentence with its flags as <mark>s; a flag overlapping an earlier one is listed below but not marked twice. */
function sentenceHtml(s: AlignedSentence, flags: readonly Flag[], problemOf: Map<Flag, number>): string {
  let out = `<a class="no" id="s${sentenceNo(s.index)}" href="#s${sentenceNo(s.index)}">${sentenceNo(s.index)}</a>`;
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = f.start - s.start;
    const end = f.end - s.start;
    if (start < at || start < 0 || end > s.text.length) continue;
    const title = `${f.severity} ${f.category}: ${f.message}${f.suggestion !== undefined ? ` Fix: ${f.suggestion || '(delete)'}` : ''}`;
    const body = end > start ? esc(s.text.slice(start, end)) : '‸';
    out += esc(s.text.slice(at, start)) + `<mark class="${f.severity}" title="${esc(title)}" data-problem="${problemOf.get(f)}">${body}</mark>`;
    at = end;
  }
  return out + esc(s.text.slice(at));
}

function article(analysis: Analysis, problemOf: Map<Flag, number>): string {
  const paragraphs = new Map<number, string[]>();
  for (const s of analysis.sentences) {
    const html = sentenceHtml(s, analysis.flags.filter((f) => f.sentence === s.index), problemOf);
    paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), html]);
  }
  return tag('div', 'class="article"', [...paragraphs.values()].map((p) => tag('p', '', p.join(' '))).join('\n'));
}

function evidence(flag: Flag): string {
  const cited = citedWords(flag.suggestion, flag.message);
  const { shown, more } = evidenceShown(flag);
  const quotes = shown.map((e) => {
    const hit = cited.map((w) => findWords(e.text, w)).find((h) => h !== undefined);
    const text = hit ? `${esc(e.text.slice(0, hit.start))}<strong>${esc(e.text.slice(hit.start, hit.end))}</strong>${esc(e.text.slice(hit.end))}` : esc(e.text);
    return `<code>${esc(fileName(e.ref))}</code> #${sentenceNo(e.index)}: “${text}”`;
  });
  return quotes.length ? tag('div', 'class="ev"', `Evidence: ${quotes.join('<br>')}${more > 0 ? ` (+${more} more)` : ''}`) : '';
}

function problem(g: ErrorGroup, review: ReviewFile | undefined): string {
  const links = g.sentences.map((i) => `<a href="#s${sentenceNo(i)}">${sentenceNo(i)}</a>`).join(', ');
  const times = g.flags.length > 1 ? `${g.flags.length} times, ` : '';
  const decisions = review ? [...new Set(g.flags.map((f) => decisionFor(review, f)?.status ?? 'open'))].join(', ') : undefined;
  return tag(
    'li',
    `class="${g.severity}"`,
    [
      `<span class="sev ${g.severity}">${g.severity}</span> ${esc(g.category)}: ${change(g)} — ${times}${g.sentences.length === 1 ? 'sentence' : 'sentences'} ${links}`,
      tag('div', 'class="msg"', esc(g.message)),
      evidence(g.flags[0]!),
      decisions ? tag('div', 'class="msg"', `Review: ${esc(decisions)}`) : '',
    ].join(''),
  );
}

function facts(analysis: Analysis, options: HtmlOptions): string {
  const refs = analysis.refs.map((r) => `<code>${esc(fileName(r.id))}</code> (${r.sentences})`).join(', ');
  const corrected = options.corrected ? ` · Corrected article: <a href="${esc(encodeURI(options.corrected))}">${esc(fileName(options.corrected))}</a>` : '';
  return tag('p', 'class="facts"', `References (sentences): ${refs} · mode ${esc(analysis.mode)} · signature <code>${esc(analysis.signature)}</code> · ${esc(options.date)}${corrected}`);
}

export function renderHtml(analysis: Analysis, options: HtmlOptions): string {
  const groups = groupFlags(analysis.flags);
  const problemOf = new Map<Flag, number>();
  groups.forEach((g, i) => g.flags.forEach((f) => problemOf.set(f, i + 1)));
  const title = `Translation QA report: ${fileName(analysis.mt)}`;
  const body = [
    tag('h1', '', esc(title)),
    summary(analysis, groups, options),
    facts(analysis, options),
    legend(),
    tag('h2', '', 'Article'),
    article(analysis, problemOf),
    tag('h2', '', 'What to fix'),
    groups.length ? tag('ol', 'class="problems"', groups.map((g) => problem(g, options.review)).join('\n')) : '<p>Nothing was flagged.</p>',
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

