import type { AlignMode } from '../core/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { alignComparable } from './comparable.js';
import { alignParallel } from './parallel.js';
import type { AlignSide, Alignment } from './types.js';

export type { AlignSide, Alignment } from './types.js';
export { SimilarityMatrix, mergeVectors } from './matrix.js';
export { attachRendered, type RenderedShare } from './attach.js';

export function align(mode: AlignMode, mt: AlignSide, refs: readonly AlignSide[], settings: Settings['align'] = DEFAULT_SETTINGS.align): Alignment {
  return mode === 'parallel' ? alignParallel(mt, refs, settings) : alignComparable(mt, refs, settings);
}
