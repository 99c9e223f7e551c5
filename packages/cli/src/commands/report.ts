import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, stringOption } from '../command-options.js';
import { exitCodes } from '../exit-codes.js';
import { reportMessages } from './report-messages.js';

const FORMATS = { html: 'html', md: 'markdown', markdown: 'markdown', csv: 'csv', json: 'json' } as const;
const UNITS = ['community', 'park', 'portfolio', 'category', 'assignee', 'team', 'channel'] as const;

/** `kechuang report`: the monthly report, written to a file or to standard output. */
export function registerReport(program: Command, ctx: CliContext): void {
  const m = reportMessages[ctx.lang];
  program
    .command('report')
    .description(m.description)
    .requiredOption('--period <YYYY-MM>', m.period)
    .addOption(new Option('--format <format>', m.format).choices(Object.keys(FORMATS)).default('html'))
    .option('--out <file>', m.out)
    .addOption(new Option('--unit <unit>', m.unit).choices(UNITS).default('park'))
    .option('--since <YYYY-MM-DD>', m.since)
    .addHelpText('after', m.examples)
    .action(async (options: Record<string, unknown>, command: Command) => {
      const month = stringOption(options, 'period') ?? '';
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliError(exitCodes.usage, m.badPeriod(month));
      const formatName = stringOption(options, 'format') ?? 'html';
      const format = FORMATS[formatName as keyof typeof FORMATS];
      const unit = (stringOption(options, 'unit') ?? 'park') as (typeof UNITS)[number];
      const since = stringOption(options, 'since');
      const office = await ctx.openOffice(databaseOptions(command));
      try {
        const report = await office.session.reports.monthly({ month, format, locale: ctx.lang, unit, ...(since === undefined ? {} : { since }) });
        const out = stringOption(options, 'out');
        if (out === '-') {
          ctx.io.out(report.body);
          return;
        }
        const file = path.resolve(ctx.io.cwd, out ?? report.filename);
        writeFileSync(file, report.body, 'utf8');
        ctx.io.out(m.wrote(path.relative(ctx.io.cwd, file) || file, month));
      } finally {
        await office.close();
      }
    });
}
