import { Option, type Command } from 'commander';
import { parseLanguage, parseMode, parsePositiveInt } from './inputs.js';

/** Options every analysing command shares, declared once. */
export function addCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--mode <mode>', 'comparable (other articles on the story) or parallel (translations, in order)').default('comparable').argParser(parseMode))
    .option('--source-lang <lang>', 'language the MT was translated from (ISO 639-1); default: detected from the text', parseLanguage)
    .option('--allow-non-english-refs', 'use reference files that are not English (refused otherwise)')
    .option('--glossary <file>', 'CSV glossary: source term, required English term, forbidden variants')
    .option('--max-bytes <n>', 'refuse input files larger than this', parsePositiveInt)
    .option('--model <name>', 'model name from models/registry.json')
    .option('--allow-remote', 'allow downloading a model not found in models/ (network access)');
}
