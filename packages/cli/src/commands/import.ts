import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** Placeholder: the import command is written separately and replaces this file. */
export function registerImport(program: Command, _ctx: CliContext): void {
  program.command('import');
}
