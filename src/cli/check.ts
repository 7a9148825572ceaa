import { Option, type Command } from 'commander';
import { createAnalyzer } from '../analyze.js';
import { formatJson } from '../format/json.js';
import { formatText } from '../format/text.js';
import { addCommonOptions } from './options.js';
import { analyzeOptions, readInputs, warnAnalysis, type CommonOptions } from './inputs.js';
import { stderrProgress } from './progress.js';

interface CheckOptions extends CommonOptions {
  format: 'text' | 'json';
}

export function registerCheck(program: Command): void {
  addCommonOptions(
    program
      .command('check')
      .description('analyse one machine-translated article against reference articles')
      .argument('<mt>', 'the machine-translated article (UTF-8 text)')
      .argument('<refs...>', 'English reference articles on the same story')
      .addOption(new Option('-f, --format <format>', 'text (for people) or json (stable contract)').choices(['text', 'json']).default('text')),
  ).action(async (mtPath: string, refPaths: string[], opts: CheckOptions) => {
    const { mt, refs } = readInputs(mtPath, refPaths, opts);
    const analyzer = await createAnalyzer({ model: opts.model, allowRemote: opts.allowRemote });
    const analysis = await analyzer.analyze(mt, refs, analyzeOptions(opts), stderrProgress());
    warnAnalysis(analysis);
    process.stdout.write(opts.format === 'json' ? formatJson(analysis) : formatText(analysis));
  });
}
