import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { DEFAULT_CONFIG_FILE, formatIssueLine, readConfigFile } from '../config-file.js';
import { exitCodes } from '../exit-codes.js';
import { checkMessages } from './check-messages.js';

/** `kechuang check [config]`: every problem as `file:line:col  message`, exit 1 if any. */
export function registerCheck(program: Command, ctx: CliContext): void {
  const m = checkMessages[ctx.lang];
  program
    .command('check')
    .description(m.description)
    .argument('[config]', m.file, DEFAULT_CONFIG_FILE)
    .addHelpText('after', m.examples)
    .action(async (file: string) => {
      const result = await readConfigFile(file, ctx.io.cwd, ctx.lang);
      if (!result.ok) {
        for (const issue of result.issues) ctx.io.out(formatIssueLine(result.shown, issue));
        ctx.io.err(m.problems(result.shown, result.issues.length));
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
    });
}
