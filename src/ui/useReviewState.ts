import { useRef, useState } from 'react';
import { MtdiffError } from '../core/errors.js';
import { saveReview, type ReviewFile } from '../review/file.js';
import type { ReviewModel } from './model.js';
import { initialState, modelFor, positionOf, reduce, type Action, type ReviewState } from './state.js';

export function reviewOf(base: ReviewFile, model: ReviewModel, state: ReviewState): ReviewFile {
  const m = modelFor(model, state);
  return { ...base, decisions: state.decisions, added: state.added, marks: state.marks, position: positionOf(m, state) };
}

export function errorText(err: unknown): string {
  return err instanceof MtdiffError ? err.message : `unexpected error: ${(err as Error)?.message ?? String(err)}`;
}

/**
 * The reducer plus persistence: every action whose result changes the review file (a decision, an added
 * error, a mark, the position) is saved at once, atomically. A failed save does not lose the change on
 * screen; it shows on the status line.
 */
export function useReviewState(model: ReviewModel, review: ReviewFile, reviewPath: string, autoAdvance = true, notice?: string) {
  const [state, setState] = useState((): ReviewState => ({ ...initialState(model, review, autoAdvance), status: notice ? { text: notice, tone: 'info' } : undefined }));
  // Updated synchronously, so keys that arrive before the next render still act on the newest state.
  const latest = useRef(state);
  const saved = useRef(JSON.stringify(reviewOf(review, model, state)));

  const apply = (action: Action): void => {
    let next = reduce(model, latest.current, action);
    const file = reviewOf(review, model, next);
    const json = JSON.stringify(file);
    if (json !== saved.current) {
      try {
        saveReview(reviewPath, file);
        saved.current = json;
      } catch (err) {
        next = { ...next, status: { text: errorText(err), tone: 'error' } };
      }
    }
    latest.current = next;
    setState(next);
  };

  return { state, latest: () => latest.current, apply, file: () => reviewOf(review, model, latest.current) };
}
