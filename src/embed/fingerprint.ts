import { createHash } from 'node:crypto';
import type { Embedder } from './embedder.js';

/**
 * Fixed probe texts: short news sentences with a name, a figure and a compound, enough to touch every kernel.
 * Changing them changes every fingerprint, so they never change.
 */
const PROBE = [
  'Hamas released 33 hostages on Saturday.',
  'The ceasefire talks in Doha resumed after a two-week pause, officials said.',
  'Prime Minister Netanyahu rejected the proposal.',
];

/**
 * A digest of the exact vectors this machine's runtime computes for the probe texts. The int8 model's outputs
 * are bit-identical across batch sizes on one machine, but CPU kernels (AVX-512 VNNI on AMD, AMX on Intel) round
 * differently before quantisation, which moves cosines in the third decimal: byte-for-byte comparisons of
 * outputs are only meaningful between machines with the same fingerprint.
 */
export async function kernelFingerprint(embedder: Embedder): Promise<string> {
  const hash = createHash('sha256').update(embedder.id);
  for (const e of await embedder.encode(PROBE)) {
    hash.update(Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength));
    for (const v of e.tokenVectors) if (v) hash.update(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}
