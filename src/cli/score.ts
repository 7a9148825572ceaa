import type { Command } from 'commander';
import { usageError } from '../core/errors.js';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw usageError('score is not implemented yet');
    });
}
