import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { databaseOptions } from '../command-options.js';
import { migrateMessages } from './migrate-messages.js';

/** `kechuang migrate`: brings the schema up to date (community.ready()) and prints its version. */
export function registerMigrate(program: Command, ctx: CliContext): void {
  const m = migrateMessages[ctx.lang];
  program
    .command('migrate')
    .description(m.description)
    .addHelpText('after', m.examples)
    .action(async (_options: Record<string, unknown>, command: Command) => {
      const { db } = databaseOptions(command);
      const opened = await ctx.openDatabase({ ...(db === undefined ? {} : { db }), create: true });
      try {
        const { schema } = opened.community;
        ctx.io.out(m.done(opened.where, schema.version, Object.keys(schema.models).length));
      } finally {
        await opened.close();
      }
    });
}
