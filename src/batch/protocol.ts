import type { ErrorCode } from '../core/errors.js';
import type { ManifestEntry } from './manifest.js';
import type { ChunkResult } from './score-chunk.js';

export type ToWorker = { type: 'chunk'; seq: number; entries: readonly ManifestEntry[] } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'warning'; message: string }
  | { type: 'fatal'; code?: ErrorCode; message: string }
  | { type: 'result'; seq: number; result: ChunkResult }
  | { type: 'failed'; seq: number; message: string };
