import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { DEFAULT_CONFIG_FILE, formatIssueLine, pluginNamesHint, readConfigFile } from '../config-file.js';
import { exitCodes } from '../exit-codes.js';
import { databaseOptions, flagOption } from '../command-options.js';
import { checkMessages } from './check-messages.js';

// Compared as data: the stored copy may list its keys in another order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** `kechuang check [config] [--apply]`: every problem as `file:line:col  message`, exit 1 if any. */
export function registerCheck(program: Command, ctx: CliContext): void {
  const m = checkMessages[ctx.lang];
  program
    .command('check')
    .description(m.description)
    .argument('[config]', m.file, DEFAULT_CONFIG_FILE)
    .option('--apply', m.apply)
    .addHelpText('after', m.examples)
    .action(async (file: string, options: Record<string, unknown>, command: Command) => {
      const app = await ctx.app();
      const result = await readConfigFile(file, ctx.io.cwd, ctx.lang, app);
      if (!result.ok) {
        for (const issue of result.issues) ctx.io.out(formatIssueLine(result.shown, issue));
        ctx.io.err(m.problems(result.shown, result.issues.length));
        const hint = pluginNamesHint(result.issues, app, ctx.lang);
        if (hint !== undefined) ctx.io.err(hint);
        ctx.setExitCode(exitCodes.problems);
        return;
      }
      const { config } = result;
      ctx.io.out(m.ok(result.shown));
      ctx.io.out(
        m.summary({
          portfolios: config.portfolios.length,
          teams: config.teams.length,
          categories: config.categories.length,
          rules: config.routing.rules.length,
          slaPolicies: config.slaPolicies.length,
        }),
      );
      if (!flagOption(options, 'apply')) return;
      const office = await ctx.openOffice(databaseOptions(command));
      try {
        const current = await office.session.config.get();
        if (current !== null && canonical(current.config) === canonical(config)) {
          ctx.io.out(m.unchanged(office.officeCode, current.version));
          return;
        }
        const stored = await office.session.config.update(config, current === null ? {} : { version: current.version });
        ctx.io.out(m.applied(office.officeCode, stored.version));
      } finally {
        await office.close();
      }
    });
}
