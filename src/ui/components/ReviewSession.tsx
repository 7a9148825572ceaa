import { useEffect, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import Spinner from 'ink-spinner';
import type { Analysis } from '../../core/types.js';
import { clean } from '../text.js';
import { ReviewApp, type ReviewAppProps } from './ReviewApp.js';

export type LoadStep =
  | { stage: 'model' }
  | { stage: 'embedding'; done: number; total: number }
  | { stage: 'aligning' }
  | { stage: 'detecting' };

export interface ReviewSessionProps extends Omit<ReviewAppProps, 'analysis'> {
  /** Loads the model and analyses the texts, reporting each step; an error ends the app with it. */
  load: (step: (s: LoadStep) => void) => Promise<Analysis>;
  mtLabel: string;
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

/** A spinner with what is happening while the model loads and the analysis runs, then the review screen. */
export function ReviewSession({ load, mtLabel, ...app }: ReviewSessionProps) {
  const { exit } = useApp();
  const [step, setStep] = useState<LoadStep>({ stage: 'model' });
  const [analysis, setAnalysis] = useState<Analysis>();
  useEffect(() => {
    let live = true;
    load((s) => live && setStep(s)).then(
      (a) => live && setAnalysis(a),
      (err: unknown) => live && exit(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
    // Runs once: the model is loaded and the texts analysed a single time per session.
  }, []);
  useInput((input) => {
    if (!analysis && input === 'q') exit();
  }, { isActive: !analysis });
  if (analysis) return <ReviewApp analysis={analysis} {...app} />;
  return (
    <Box flexDirection="column">
      <Text bold>mtdiff review · {clean(mtLabel)}</Text>
      <Text>
        <Text color="cyan">
          <Spinner type="dots" />
        </Text>
        {` ${describe(step)}…`}
      </Text>
      <Text dimColor>q quits</Text>
    </Box>
  );
}
