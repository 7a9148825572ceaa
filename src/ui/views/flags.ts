import { basename } from 'node:path';
import type { Flag } from '../../core/types.js';
import type { Decision } from '../../review/file.js';
import { REVIEWER, shownCategory, shownSeverity, visibleFlags, type ReviewModel } from '../model.js';
import { windowAround } from '../layout.js';
import { groupFlags, groupKey, occurrences } from '../../report/group.js';
import { decisionLabel, flagMark, SEVERITY_COLOR } from '../segments.js';
import type { ReviewState } from '../state.js';
import { clean, fitLine, wrapText, type Seg } from '../text.js';
import { paneTitle } from './sentences.js';

/** Evidence lines shown for the selected flag (the rest are counted). */
const EVIDENCE_SHOWN = 2;
const INDENT = '    ';

function flagRow(flag: Flag, decision: Decision | undefined, selected: boolean, width: number): Seg[] {
  const fix = decision?.suggestion ?? flag.suggestion;
  const added = flag.detector === REVIEWER;
  const severity = shownSeverity(flag, decision);
  const category = shownCategory(flag, decision);
  const changed = !added && (severity !== flag.severity || category !== flag.category) ? ` (mtdiff: ${flag.severity} ${flag.category})` : '';
  return fitLine(
    [
      { text: selected ? '▶ ' : '  ', style: { bold: true } },
      flagMark(flag, decision, added),
      { text: ' ' },
      { text: `${severity} ${category}`, style: { color: SEVERITY_COLOR[severity], bold: selected, inverse: selected } },
      { text: changed, style: { dim: true } },
      { text: ` "${clean(flag.text)}"`, style: { bold: selected } },
      { text: fix !== undefined ? ` → "${clean(fix)}"` : '' },
      { text: ` · ${decisionLabel(decision, added)}`, style: { color: decision || added ? (added || decision!.status === 'accepted' ? 'green' : 'gray') : undefined, dim: !decision && !added } },
    ],
    width,
  );
}

/** "recurring: 4 times, sentences 5, 6, 11, 31" when the same wrong word with the same fix recurs in the article. */
function recurrence(flags: readonly Flag[], flag: Flag): string | undefined {
  const key = groupKey(flag);
  const group = groupFlags(flags.filter((f) => groupKey(f) === key))[0];
  return group && group.flags.length > 1 ? `recurring: ${occurrences(group)}` : undefined;
}

function details(flag: Flag, decision: Decision | undefined, width: number, recurring?: string): Seg[][] {
  const inner = Math.max(8, width - INDENT.length);
  const indent = (lines: Seg[][]) => lines.map((l) => [{ text: INDENT }, ...l]);
  const out: Seg[][] = indent(wrapText(clean(flag.message), inner));
  if (recurring) out.push(...indent(wrapText(recurring, inner, { bold: true })));
  if (decision?.suggestion !== undefined) {
    const tool = flag.suggestion !== undefined ? ` (tool: "${clean(flag.suggestion)}")` : '';
    out.push(...indent(wrapText(`your fix: "${clean(decision.suggestion)}"${tool}`, inner, { color: 'green' })));
  } else if (flag.suggestion !== undefined) {
    out.push(...indent(wrapText(`suggestion: "${clean(flag.suggestion)}"`, inner)));
  }
  for (const e of flag.evidence.slice(0, EVIDENCE_SHOWN)) {
    out.push([{ text: INDENT }, ...fitLine([{ text: `evidence ${clean(basename(e.ref))} #${e.index + 1}: “${clean(e.text)}”`, style: { dim: true } }], inner)]);
  }
  if (flag.evidence.length > EVIDENCE_SHOWN) out.push([{ text: `${INDENT}+${flag.evidence.length - EVIDENCE_SHOWN} more evidence`, style: { dim: true } }]);
  if (decision?.comment) out.push(...indent(wrapText(`comment: ${clean(decision.comment)}`, inner, { color: 'green' })));
  if (flag.detector !== REVIEWER) out.push([{ text: `${INDENT}confidence ${flag.confidence.toFixed(2)} · detector ${clean(flag.detector)}`, style: { dim: true } }]);
  return out;
}

/** The flags pane: the selected sentence's flags, then everything about the selected one. */
export function flagLines(model: ReviewModel, state: ReviewState, width: number, height: number): Seg[][] {
  const a = model.analysis;
  const all = model.bySentence[state.sentence] ?? [];
  const shown = visibleFlags(model, state.filter, state.decisions, state.sentence);
  const at = state.flag === undefined ? -1 : shown.indexOf(state.flag);
  const hidden = all.length - shown.length;
  const note = hidden > 0 ? ` (${hidden} hidden by the filter)` : '';
  const title = paneTitle(`Flags ${at + 1}/${shown.length} in sentence ${state.sentence + 1}${note}`, state.pane === 'flags', width, model.palette);
  if (shown.length === 0) {
    return [title, ...wrapText('No flags here. n jumps to the next flag.', width, { dim: true })];
  }
  const decision = (i: number) => state.decisions[model.keys[i]!];
  // Several flags in one sentence: keep half the pane for the details of the selected one.
  const listRows = Math.max(1, Math.min(shown.length, Math.floor((height - 1) / 2)));
  const { from, to } = windowAround(shown.length, Math.max(0, at), () => 1, listRows);
  const rows = shown.slice(from, to).map((i) => flagRow(a.flags[i]!, decision(i), i === state.flag, width));
  const more = shown.length > to - from ? [[{ text: `  … ${shown.length} flags in this sentence (tab, then j/k)`, style: { dim: true } }]] : [];
  const selected = state.flag === undefined ? [] : details(a.flags[state.flag]!, decision(state.flag), width, recurrence(a.flags, a.flags[state.flag]!));
  return [title, ...rows, ...more, ...selected];
}
