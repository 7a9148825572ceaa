/**
 * `--shard K/N`: shard K (1-based) takes the entries at positions K-1, K-1+N, K-1+2N, ... (0-based, counting
 * every non-blank manifest line, bad ones included). Each entry yields exactly one record, so the shards'
 * outputs together hold every record of the unsharded run once; taking their records round-robin
 * (shard 1, shard 2, ..., shard N, shard 1, ...) restores the unsharded order exactly.
 */
import { InvalidArgumentError } from 'commander';

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!(n >= 1 && k >= 1 && k <= n)) throw new InvalidArgumentError('use K/N with 1 <= K <= N, e.g. 2/4');
  return { index: k - 1, count: n };
}

export function inShard(position: number, shard: Shard | undefined): boolean {
  return !shard || position % shard.count === shard.index;
}

export function selectShard<T>(entries: readonly T[], shard: Shard | undefined): T[] {
  return entries.filter((_, position) => inShard(position, shard));
}
