// Prints (or, with --write FILE, records) the embedding-kernel fingerprint of this machine: the example report's
// byte-for-byte test compares only on machines whose runtime computes the same vectors (src/embed/fingerprint.ts).
// Usage: npm run build && node scripts/kernel-fingerprint.mjs [--write test/fixtures/report/example-kernel.json]
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadEmbedder } from '../dist/embed/embedder.js';
import { kernelFingerprint } from '../dist/embed/fingerprint.js';
import { writeFileAtomic } from '../dist/io/write.js';

const { values } = parseArgs({ options: { write: { type: 'string' } } });
const fingerprint = await kernelFingerprint(await loadEmbedder());
const record = { fingerprint, cpu: cpus()[0]?.model ?? 'unknown', note: 'machine that generated reports/004_105117b8f2f418e5.md' };
if (values.write) writeFileAtomic(values.write, `${JSON.stringify(record, null, 2)}\n`);
process.stdout.write(`${fingerprint}\n`);
