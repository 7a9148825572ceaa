/**
 * Batch progress on stderr: a bar with items done, rate and ETA on a terminal; in logs (not a TTY) a plain
 * line at most every PLAIN_INTERVAL_MS, so a CI log of a 10,000-item run stays readable.
 */
import cliProgress from 'cli-progress';

/** Few enough lines for a long log, often enough that a stalled run is noticed. Local constant. */
const PLAIN_INTERVAL_MS = 5000;

export interface BatchProgress {
  tick(items: number): void;
  /** A line of its own on stderr that does not garble the bar. */
  log(line: string): void;
  stop(): void;
}

function rate(done: number, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? done / seconds : 0;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function batchProgress(total: number, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  const startedAt = Date.now();
  let done = 0;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'scoring {bar} {value}/{total} items | {rate} items/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '-' });
    return {
      tick(items) {
        done += items;
        bar.update(done, { rate: rate(done, startedAt).toFixed(2) });
      },
      log(line) {
        stream.write(`\r\x1b[2K${line}\n`);
        bar.render();
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = startedAt;
  return {
    tick(items) {
      done += items;
      const now = Date.now();
      if (now - lastLine < PLAIN_INTERVAL_MS || done >= total) return;
      lastLine = now;
      const r = rate(done, startedAt);
      stream.write(`mtdiff score: ${done}/${total} items, ${r.toFixed(2)} items/s, ETA ${duration((total - done) / r)}\n`);
    },
    log: (line) => void stream.write(`${line}\n`),
    stop() {},
  };
}
