import type { Command } from 'commander';
import { usageError } from '../core/errors.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw usageError('eval is not implemented yet');
    });
}
