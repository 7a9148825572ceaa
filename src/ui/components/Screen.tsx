import { Box, Text } from 'ink';
import type { ReviewModel } from '../model.js';
import type { ReviewState } from '../state.js';
import { budget, columnsSplit, FOOTER_ROWS, HEADER_ROWS, MIN_SIZE, type Budget } from '../layout.js';
import { headerLines } from '../views/header.js';
import { selectedSentenceNeed, sentenceLines } from '../views/sentences.js';
import { diffLines, matchLines } from '../views/match.js';
import { flagLines } from '../views/flags.js';
import { footerLines, helpWindow } from '../views/footer.js';
import { clip } from '../text.js';
import { Lines } from './Lines.js';

/** Row and column split for the current content; the app also uses it for the page size of PgUp/PgDn. */
export function screenBudget(model: ReviewModel, state: ReviewState, columns: number, rows: number): Budget {
  const provisional = Math.max(1, rows - 1 - HEADER_ROWS - FOOTER_ROWS);
  return budget(columns, rows, {
    top: selectedSentenceNeed(model, state, columnsSplit(columns).left),
    diff: diffLines(model, state, columns).length,
    flags: flagLines(model, state, columns, provisional).length,
  });
}

interface ScreenProps {
  model: ReviewModel;
  state: ReviewState;
  columns: number;
  rows: number;
  reviewPath: string;
}

/** Header; sentences | reference; diff; flags; status and keys. Every block has a fixed height. */
export function Screen({ model, state, columns, rows, reviewPath }: ScreenProps) {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) {
    return <Text>{`Terminal too small (${columns}x${rows}); mtdiff review needs ${MIN_SIZE.columns}x${MIN_SIZE.rows}. q quits.`}</Text>;
  }
  const p = model.palette;
  const b = screenBudget(model, state, columns, rows);
  const body = b.rows - HEADER_ROWS - FOOTER_ROWS;
  const separator = Array.from({ length: b.top }, () => [{ text: '│', style: { dim: true } }]);
  return (
    <Box flexDirection="column" width={columns} height={b.rows}>
      <Lines lines={headerLines(model, state, columns)} width={columns} height={HEADER_ROWS} palette={p} />
      {state.mode.kind === 'help' ? (
        <Lines lines={helpWindow(model, columns, body, state.mode.offset)} width={columns} height={body} palette={p} />
      ) : (
        <>
          <Box flexDirection="row" height={b.top}>
            <Lines lines={sentenceLines(model, state, b.left, b.top)} width={b.left} height={b.top} palette={p} />
            <Lines lines={separator} width={1} height={b.top} palette={p} />
            <Lines lines={clip(matchLines(model, state, b.right), b.top, b.right)} width={b.right} height={b.top} palette={p} />
          </Box>
          <Lines lines={clip(diffLines(model, state, columns), b.diff, columns)} width={columns} height={b.diff} palette={p} />
          <Lines lines={clip(flagLines(model, state, columns, b.flags), b.flags, columns)} width={columns} height={b.flags} palette={p} />
        </>
      )}
      <Lines lines={footerLines(state, reviewPath, columns)} width={columns} height={FOOTER_ROWS} palette={p} />
    </Box>
  );
}
