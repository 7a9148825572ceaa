import { useEffect, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import Spinner from 'ink-spinner';
import type { Analysis } from '../../core/types.js';
import type { ReviewFile, Unplaced } from '../../review/file.js';
import { clean, wrapText, lineText } from '../text.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { ReviewApp, type ReviewAppProps } from './ReviewApp.js';

export type LoadStep =
  | { stage: 'model' }
  | { stage: 'embedding'; done: number; total: number }
  | { stage: 'aligning' }
  | { stage: 'detecting' };

export interface Loaded {
  analysis: Analysis;
  /** The review file placed in the analysed text. */
  review: ReviewFile;
  unplaced: readonly Unplaced[];
  /** Shown on the status line when the review starts. */
  notice?: string;
}

export interface ReviewSessionProps extends Omit<ReviewAppProps, 'analysis' | 'review' | 'unplaced'> {
  /** Loads the model and analyses the texts, reporting each step; an error ends the app with it. */
  load: (step: (s: LoadStep) => void) => Promise<Loaded>;
  mtLabel: string;
  /** The MT text, shown at once while the analysis runs. */
  mtText: string;
}

export function describe(step: LoadStep): string {
  switch (step.stage) {
    case 'model':
      return 'Loading the embedding model';
    case 'embedding':
      return `Embedding sentences ${step.done}/${step.total}`;
    case 'aligning':
      return 'Aligning MT sentences with the references';
    case 'detecting':
      return 'Detecting translation errors';
  }
}

/**
 * The article at once, with what is happening while the model loads and the analysis runs; then the review
 * screen with the flags and scores.
 */
export function ReviewSession({ load, mtLabel, mtText, ...app }: ReviewSessionProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(app.size);
  const [step, setStep] = useState<LoadStep>({ stage: 'model' });
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    let live = true;
    load((s) => live && setStep(s)).then(
      (a) => live && setLoaded(a),
      (err: unknown) => live && exit(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
    // Runs once: the model is loaded and the texts analysed a single time per session.
  }, []);
  useInput((input) => {
    if (!loaded && input === 'q') exit();
  }, { isActive: !loaded });
  if (loaded) return <ReviewApp analysis={loaded.analysis} review={loaded.review} unplaced={loaded.unplaced} notice={loaded.notice} {...app} />;
  const body = Math.max(0, rows - 4);
  const article = mtText
    .split(/\n+/)
    .filter((p) => p.trim())
    .flatMap((p) => wrapText(clean(p.trim()), columns))
    .slice(0, body)
    .map(lineText);
  return (
    <Box flexDirection="column" height={rows - 1}>
      <Text bold wrap="truncate-end">{`mtdiff review · ${clean(mtLabel)}`}</Text>
      <Text wrap="truncate-end">
        <Text color="cyan">
          <Spinner type="dots" />
        </Text>
        {` ${describe(step)}… flags and scores appear when the analysis is ready`}
      </Text>
      <Box flexDirection="column" height={body} overflow="hidden">
        {article.map((l, i) => (
          <Text key={i} wrap="truncate-end">{l || ' '}</Text>
        ))}
      </Box>
      <Text dimColor wrap="truncate-end">q quits</Text>
    </Box>
  );
}
