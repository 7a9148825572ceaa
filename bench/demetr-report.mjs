// Summary of a DEMETR flag dump. Usage: node bench/demetr-report.mjs [bench/results/demetr-flags.jsonl] [--all]
import { readFileSync } from 'node:fs';
import { argv, stdout } from 'node:process';
import { markdownSummary, readDump, summarise } from './lib/demetr-score.mjs';

const file = argv.slice(2).find((a) => !a.startsWith('--')) ?? 'bench/results/demetr-flags.jsonl';
const all = argv.includes('--all');
const dump = readDump(readFileSync(file, 'utf8'));
stdout.write(`${markdownSummary(summarise(dump, all ? (flags) => flags : undefined))}\n`);
