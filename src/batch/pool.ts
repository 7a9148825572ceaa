/**
 * `--jobs N`: N worker threads, each with its own model, take chunks as they become free; the main thread
 * puts results back in input order. Records do not depend on which worker made them (see embedder.ts).
 */
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { MtdiffError } from '../core/errors.js';
import { errorRecord, entryId } from './record.js';
import type { ManifestEntry } from './manifest.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { Scorer, ScorerSetup } from './scorer.js';
import type { ChunkResult } from './score-chunk.js';

/** How long a worker may take to close its cache and exit. Local constant. */
const CLOSE_GRACE_MS = 5000;

class WorkerScorer implements Scorer {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private pending: { seq: number; resolve: (r: ChunkResult) => void; reject: (e: Error) => void } | undefined;
  private seq = 0;

  constructor(
    private readonly setup: ScorerSetup,
    private readonly warn: (message: string) => void,
  ) {}

  /** Starts the worker and waits for its model; a model that cannot load is fatal for the run. */
  start(): Promise<void> {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.setup, stdout: true });
    // stdout belongs to records: anything a library prints in a worker goes to stderr.
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'warning') this.warn(message.message);
        else if (message.type === 'fatal') reject(new MtdiffError(message.code ?? 'model', message.message));
        else if (this.pending?.seq === message.seq) {
          const { resolve: done, reject: fail } = this.pending;
          this.pending = undefined;
          if (message.type === 'result') done(message.result);
          else fail(new Error(message.message));
        }
      });
      const died = (err: Error): void => {
        this.worker = undefined;
        reject(err);
        this.pending?.reject(err);
        this.pending = undefined;
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
    });
    return this.ready;
  }

  async score(entries: readonly ManifestEntry[]): Promise<ChunkResult> {
    if (!this.worker) await this.start();
    await this.ready;
    const seq = ++this.seq;
    try {
      return await new Promise<ChunkResult>((resolve, reject) => {
        this.pending = { seq, resolve, reject };
        this.worker!.postMessage({ type: 'chunk', seq, entries } satisfies ToWorker);
      });
    } catch (err) {
      // A crashed worker costs its chunk (as error records), not the run; the next chunk starts a new one.
      const reason = `worker failed: ${(err as Error).message.split('\n')[0]}`;
      return { records: entries.map((e) => errorRecord(entryId(e), reason)), warnings: [], failedWrites: [] };
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    // A worker that does not wind down (still loading, or stuck) is stopped the hard way; SQLite survives that.
    const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts all workers in parallel; resolves once every model is loaded. */
export async function createWorkerScorers(setup: ScorerSetup, jobs: number, warn: (message: string) => void): Promise<Scorer[]> {
  const scorers = Array.from({ length: jobs }, () => new WorkerScorer(setup, warn));
  try {
    await Promise.all(scorers.map((s) => s.start()));
  } catch (err) {
    await Promise.all(scorers.map((s) => s.close().catch(() => undefined)));
    throw err;
  }
  return scorers;
}

/** Hands chunks to whichever scorer is free and emits each chunk's records in input order. */
export async function runOrdered(
  chunks: readonly (readonly ManifestEntry[])[],
  scorers: readonly Scorer[],
  emit: (result: ChunkResult) => void,
): Promise<void> {
  let next = 0;
  let flushed = 0;
  const done = new Map<number, ChunkResult>();
  await Promise.all(
    scorers.map(async (scorer) => {
      while (next < chunks.length) {
        const i = next++;
        done.set(i, await scorer.score(chunks[i]!));
        await setImmediate(); // let signals and worker messages in between chunks
        try {
          while (done.has(flushed)) {
            const result = done.get(flushed)!;
            done.delete(flushed++);
            emit(result);
          }
        } catch (err) {
          next = chunks.length; // output failed: the other scorers stop after their current chunk
          throw err;
        }
      }
    }),
  );
}
