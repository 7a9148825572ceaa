// Regenerates README's detector table from the detectors' metadata. Usage: npm run docs
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultDetectors } from '../dist/detect/index.js';
import { withDetectorTable } from '../dist/detect/table.js';

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withDetectorTable(readFileSync(readme, 'utf8'), defaultDetectors()));
