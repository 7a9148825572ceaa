/**
 * Recurring errors as one issue: the same wrong word (or term) with the same fix, wherever it occurs in the
 * article. Shared by the text output, the Markdown and HTML reports, the exports and the review app,
 * so every front end counts an issue the same way. Pure.
 */
import type { Category, Flag, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { stem } from '../segment/stem.js';
import { mqmPenalty } from '../score/mqm.js';

export interface ErrorGroup {
  /** Stable identity of the issue: category, stemmed text and stemmed fix. */
  key: string;
  category: Category;
  /** The most severe of its occurrences. */
  severity: Severity;
  /** The first occurrence's text and fix, as a representative. */
  text: string;
  suggestion?: string;
  message: string;
  /** Every occurrence, in reading order. */
  flags: Flag[];
  /** MT sentence indices (0-based, as in the JSON), each once, in reading order. */
  sentences: number[];
  mqm: number;
  confidence: number;
}

/**
 * Inflections count as the same word ("published"/"publish" for "released"/"release"): the key is the
 * Porter stems of the words, so case, spacing and endings do not split one issue into several.
 */
function stems(text: string | undefined): string {
  if (text === undefined) return '∅';
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map(stem).join(' ') : text.trim();
}

export function groupKey(flag: Pick<Flag, 'category' | 'text' | 'suggestion'>): string {
  return `${flag.category}|${stems(flag.text)}|${stems(flag.suggestion)}`;
}

const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Worst first, then the issue that occurs most, then the one met first in reading order. */
export function compareGroups(a: ErrorGroup, b: ErrorGroup): number {
  return severityRank(a.severity) - severityRank(b.severity) || b.flags.length - a.flags.length || a.flags[0]!.start - b.flags[0]!.start;
}

export function groupFlags(flags: readonly Flag[]): ErrorGroup[] {
  const byKey = new Map<string, Flag[]>();
  for (const f of [...flags].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = groupKey(f);
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const groups = [...byKey].map(([key, members]): ErrorGroup => {
    const first = members[0]!;
    const severity = SEVERITIES.find((s) => members.some((f) => f.severity === s))!;
    return {
      key,
      category: first.category,
      severity,
      text: first.text,
      ...(first.suggestion !== undefined ? { suggestion: first.suggestion } : {}),
      message: first.message,
      flags: members,
      sentences: [...new Set(members.map((f) => f.sentence))],
      mqm: mqmPenalty(members),
      confidence: Math.max(...members.map((f) => f.confidence)),
    };
  });
  return groups.sort(compareGroups);
}

/** "3 times, sentences 5, 6, 11" (people count sentences from 1); one occurrence: "sentence 5". */
export function occurrences(group: ErrorGroup, shown = 8): string {
  const nos = group.sentences.map((i) => i + 1);
  const list = nos.length > shown ? `${nos.slice(0, shown).join(', ')}, …` : nos.join(', ');
  const where = `${nos.length === 1 ? 'sentence' : 'sentences'} ${list}`;
  return group.flags.length === 1 ? where : `${group.flags.length} times, ${where}`;
}
