import { Option, type Command } from 'commander';
import { parseConfidence, parseLanguage, parseMode, parsePositiveInt } from './inputs.js';

/** Options every analysing command shares, declared once. */
export function addCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--mode <mode>', 'comparable (other articles on the story) or parallel (translations, in order)').default('comparable').argParser(parseMode))
    .option('--source-lang <lang>', 'language the MT was translated from (ISO 639-1); default: detected from the text', parseLanguage)
    .option('--allow-non-english-refs', 'use reference files that are not English (refused otherwise)')
    .option('--glossary <file>', 'CSV glossary: source term, required English term, forbidden variants')
    .option('--max-bytes <n>', 'refuse input files larger than this', parsePositiveInt)
    .option('--model <name>', 'model name from models/registry.json')
    .option('--min-confidence <x>', 'show flags at least this confident (0-1; default: the calibrated precision-first threshold)', parseConfidence)
    .option('--all-flags', 'show every flag, also the low-confidence hints the default hides')
    .option('--config <file>', 'project settings (JSON); default: mtdiff.config.json in the working directory, if there is one')
    .option('--allow-remote', 'allow downloading a model not found in models/ (network access)');
}
