import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The ONNX Runtime session on a worker thread. onnxruntime-node 1.14 creates sessions and runs them
 * synchronously on the calling thread; on its own thread the session is built (file read, sha256, graph
 * load: about half a second) while the main thread imports the analysis modules and reads and segments
 * the inputs, and a batch's analysis of one item can run while the model embeds the next. The session,
 * its options and its inputs are the ones the main thread would use, so the vectors are the same bits.
 */

/** How the session failed to start: the caller turns this into its usual one-line model error. */
export interface SessionFailure {
  kind: 'missing' | 'corrupt' | 'load';
  /** sha256 actually found (corrupt) or the runtime's first message line (load). */
  detail: string;
}

export interface ThreadSession {
  /**
   * Resolves when the session is ready, to the failure instead of rejecting (a preloaded session nobody asks
   * for leaves nothing unhandled). Until then the thread keeps the process alive; before, it does not.
   */
  whenReady(): Promise<SessionFailure | null>;
  run(ids: BigInt64Array, mask: BigInt64Array, dims: [number, number]): Promise<Float32Array>;
  close(): void;
}

// Run with eval, so the same source works from dist/ and from src/ under the test runner; dynamic imports only,
// so it runs whether the eval is read as CommonJS or (the parent started with --input-type=module) as a module.
const WORKER_SOURCE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { readFileSync } = await import('node:fs');
  const { createHash } = await import('node:crypto');
  let bytes;
  try { bytes = readFileSync(workerData.file); } catch { parentPort.postMessage({ failure: { kind: 'missing', detail: '' } }); return; }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== workerData.sha256) { parentPort.postMessage({ failure: { kind: 'corrupt', detail: actual } }); return; }
  const mod = await import(workerData.ort);
  const ort = mod.default ?? mod;
  let session;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
  } catch (err) {
    parentPort.postMessage({ failure: { kind: 'load', detail: String((err && err.message) || err).split('\\n')[0] } });
    return;
  }
  bytes = undefined;
  parentPort.postMessage({ ready: true });
  parentPort.on('message', async ({ id, ids, mask, dims }) => {
    try {
      const out = await session.run({
        input_ids: new ort.Tensor('int64', ids, dims),
        attention_mask: new ort.Tensor('int64', mask, dims),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
      });
      const data = out.last_hidden_state.data;
      try { parentPort.postMessage({ id, data }, [data.buffer]); } catch { parentPort.postMessage({ id, data }); }
    } catch (err) {
      parentPort.postMessage({ id, error: String((err && err.message) || err).split('\\n')[0] });
    }
  });
})();
`;

interface Reply {
  id?: number;
  data?: Float32Array;
  error?: string;
  ready?: boolean;
  failure?: SessionFailure;
}

/** Sessions still being built: ending the process then would stop their thread inside the runtime. */
const loading = new Set<Promise<unknown>>();

/**
 * Resolves once no session is half-built (or after `timeoutMs`). Exiting while a thread is inside ONNX Runtime's
 * session creation aborts the whole process (a C++ exception on a terminated thread: SIGABRT, exit 134) instead
 * of giving the one-line error and its exit code, so every exit path waits for this first.
 */
export async function sessionsSettled(timeoutMs = 15_000): Promise<void> {
  if (loading.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled([...loading]), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/** Starts reading, checking and loading `file` (its registry sha256 `sha256`) on a new thread. */
export function startSession(file: string, sha256: string): ThreadSession {
  const ort = pathToFileURL(createRequire(import.meta.url).resolve('onnxruntime-node')).href;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sha256, ort } });
  const pending = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  let next = 0;
  let settle: (f: SessionFailure | null) => void = () => {};
  const ready = new Promise<SessionFailure | null>((resolve) => (settle = resolve));
  loading.add(ready);
  void ready.then(() => loading.delete(ready));
  // The thread keeps the process alive only while the main thread waits for it.
  let waitingReady = false;
  let started = false;
  const hold = (): void => void (pending.size > 0 || waitingReady ? worker.ref() : worker.unref());
  const finish = (f: SessionFailure | null): void => {
    started = true;
    waitingReady = false;
    settle(f);
    hold();
  };
  hold();
  worker.on('message', (msg: Reply) => {
    if (msg.failure || msg.ready) return finish(msg.failure ?? null);
    const job = pending.get(msg.id!);
    if (!job) return;
    pending.delete(msg.id!);
    hold();
    if (msg.error !== undefined || !msg.data) job.reject(new Error(msg.error ?? 'no output'));
    else job.resolve(msg.data);
  });
  const crash = (err: Error): void => {
    finish({ kind: 'load', detail: err.message.split('\n')[0]! });
    for (const job of pending.values()) job.reject(err);
    pending.clear();
  };
  worker.on('error', crash);
  worker.on('exit', (code) => crash(new Error(`model thread exited (${code})`)));
  return {
    whenReady() {
      if (!started) waitingReady = true;
      hold();
      return ready;
    },
    run(ids, mask, dims) {
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        hold();
        worker.postMessage({ id, ids, mask, dims }, [ids.buffer as ArrayBuffer, mask.buffer as ArrayBuffer]);
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
