import { Option, type Command } from 'commander';
import { createAnalyzer } from '../analyze.js';
import { readText } from '../io/read.js';
import { parseMqmTsv } from '../eval/mqm-tsv.js';
import { requireReference } from '../eval/collect.js';
import { evaluateMqm, itemRecord, type FoldMode } from '../eval/run.js';
import { identities, refuseInputAsOutput } from '../io/same-file.js';
import { writeFileAtomic } from '../io/write.js';
import { formatEvalText } from '../eval/format.js';
import { formatOption } from './format-option.js';
import { parsePositiveInt } from './inputs.js';
import { stderrProgress } from './progress.js';

interface EvalMqmOptions {
  referenceSystem: string;
  format: 'text' | 'json';
  folds: FoldMode;
  includeHuman?: boolean;
  sourceLang: string;
  maxBytes?: number;
  model?: string;
  items?: string;
}

/** MQM files are far larger than articles (the full WMT21 TED zh-en file is ~20 MB). */
const MQM_MAX_BYTES = 256 * 1024 * 1024;

export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure agreement with expert judgments');
  evalCmd
    .command('mqm')
    .description('score every system segment of an MQM TSV (google/wmt-mqm-human-evaluation format) and compare with the experts')
    .argument('<file>', 'MQM TSV: system, doc, doc_id, seg_id, rater, source, target, category, severity')
    .option('--reference-system <name>', 'system whose translations serve as the reference', 'refB')
    .addOption(formatOption(['text', 'json'] as const, 'text', 'text (conclusion first) or json'))
    .addOption(new Option('--folds <by>', 'cross-validation: fit on the other talks, measure on each').choices(['talk', 'none']).default('talk'))
    .option('--include-human', 'also evaluate human translations (systems named ref*) other than the reference')
    .option('--source-lang <lang>', 'language the segments were translated from (ISO 639-1)', 'zh')
    .option('--max-bytes <n>', 'refuse files larger than this', parsePositiveInt)
    .option('--model <name>', 'model name from models/registry.json')
    .option('--items <file>', 'also write every system segment (features, scores, flags, expert errors) as JSON Lines')
    .action(async (file: string, opts: EvalMqmOptions) => {
      if (opts.items) refuseInputAsOutput(opts.items, identities([file]), '--items');
      const segments = parseMqmTsv(readText(file, { maxBytes: opts.maxBytes ?? MQM_MAX_BYTES }), file);
      requireReference(segments, opts.referenceSystem);
      const analyzer = await createAnalyzer({ model: opts.model });
      const { report, items } = await evaluateMqm(
        analyzer,
        file,
        segments,
        { referenceSystem: opts.referenceSystem, includeHuman: opts.includeHuman === true, folds: opts.folds, sourceLang: opts.sourceLang },
        stderrProgress(),
      );
      if (opts.items) writeFileAtomic(opts.items, items.map((it) => JSON.stringify(itemRecord(it))).join('\n') + '\n');
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatEvalText(report));
    });
}
