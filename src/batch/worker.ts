/** Worker-thread entry for `score --jobs N`: owns one model, scores the chunks the main thread sends. */
import '../cli/guard.js';
import { parentPort, workerData } from 'node:worker_threads';
import { MtdiffError } from '../core/errors.js';
import { createLocalScorer, type Scorer, type ScorerSetup } from './scorer.js';
import type { FromWorker, ToWorker } from './protocol.js';

const port = parentPort!;
const post = (message: FromWorker): void => port.postMessage(message);

let scorer: Scorer;
try {
  scorer = await createLocalScorer(workerData as ScorerSetup, (message) => post({ type: 'warning', message }));
  post({ type: 'ready' });
} catch (err) {
  const code = err instanceof MtdiffError ? err.code : undefined;
  post({ type: 'fatal', code, message: (err as Error)?.message ?? String(err) });
  process.exit(1);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    void scorer.close().then(() => port.close());
    return;
  }
  scorer.score(message.entries).then(
    (result) => post({ type: 'result', seq: message.seq, result }),
    (err: unknown) => post({ type: 'failed', seq: message.seq, message: (err as Error)?.message ?? String(err) }),
  );
});
