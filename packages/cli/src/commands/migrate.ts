import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** Placeholder while the command is being written. */
export function registerMigrate(program: Command, _ctx: CliContext): void {
  program.command('migrate');
}
