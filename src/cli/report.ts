import type { Command } from 'commander';
import { usageError } from '../core/errors.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw usageError('report is not implemented yet');
    });
}
