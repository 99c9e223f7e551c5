import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { databaseOptions } from '../command-options.js';
import { migrateMessages } from './migrate-messages.js';

/**
 * `kechuang migrate`: brings the schema up to date (community.ready()) and prints its version.
 * With `--app` the community has the app's plugins, so their tables and fields are created too.
 */
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
        const app = await ctx.app();
        for (const installed of opened.community.plugins) {
          const stored = app?.plugins.find((plugin) => plugin.id === installed.id)?.definition.schema;
          const tables = Object.keys(stored?.models ?? {});
          const fields = Object.entries(stored?.fields ?? {}).flatMap(([model, added]) => Object.keys(added ?? {}).map((field) => `${model}.${field}`));
          ctx.io.out(m.plugin(`${installed.id} ${installed.version}`, tables, fields));
        }
      } finally {
        await opened.close();
      }
    });
}
