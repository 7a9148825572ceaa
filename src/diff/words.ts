import { diffWords } from 'diff';

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Word diff of an MT sentence against a reference sentence: `delete` is text only the MT has, `insert` text
 * only the reference has. Case-insensitive so that a capitalised sentence start is not a difference.
 */
export function wordDiff(mt: string, reference: string): DiffPart[] {
  return diffWords(mt, reference, { ignoreCase: true }).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}
