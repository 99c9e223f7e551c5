import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { flagOption, stringOption } from '../command-options.js';
import { runCalendarCheck } from './calendar-check.js';
import { runCalendarDue } from './calendar-due.js';
import { calendarMessages } from './calendar-messages.js';

/** `kechuang calendar due|check`. */
export function registerCalendar(program: Command, ctx: CliContext): void {
  const m = calendarMessages[ctx.lang];
  const calendar = program.command('calendar').description(m.description);
  calendar
    .command('due')
    .description(m.dueDescription)
    .requiredOption('--from <time>', m.from)
    .option('--days <n>', m.days)
    .option('--hours <n>', m.hours)
    .option('--config <file>', m.config)
    .option('--json', m.json)
    .addHelpText('after', m.dueExamples)
    .action(async (options: Record<string, unknown>) => {
      const pick = (name: string): Record<string, string> => {
        const value = stringOption(options, name);
        return value === undefined ? {} : { [name]: value };
      };
      await runCalendarDue(ctx, { ...pick('from'), ...pick('days'), ...pick('hours'), ...pick('config'), json: flagOption(options, 'json') }, m);
    });
  calendar
    .command('check')
    .description(m.checkDescription)
    .argument('<file>', m.file)
    .addHelpText('after', m.checkExamples)
    .action((file: string) => {
      runCalendarCheck(ctx, file, m);
    });
}
