import type { Command } from 'commander';
import { usageError } from '../core/errors.js';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw usageError('review is not implemented yet');
    });
}
