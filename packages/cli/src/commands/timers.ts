import type { Command } from 'commander';
import { isKechuangError, type CommunitySession, type FailedTimerListInput, type TimerRecord } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, flagOption, stringOption } from '../command-options.js';
import { exitCodes } from '../exit-codes.js';
import { formatLocal } from '../parse-time.js';
import { createProgress } from '../progress.js';
import { formatTable } from '../text-width.js';
import { timersMessages } from './timers-messages.js';

/** Every failed timer the filters let through, page after page. */
async function allFailed(session: CommunitySession, filter: Pick<FailedTimerListInput, 'kind' | 'requestId'>): Promise<TimerRecord[]> {
  const timers: TimerRecord[] = [];
  let after: string | null = null;
  do {
    const page = await session.timers.failed({ ...filter, limit: 500, ...(after === null ? {} : { after }) });
    timers.push(...page.items);
    after = page.nextCursor;
  } while (after !== null);
  return timers;
}

function filterOf(options: Record<string, unknown>): Pick<FailedTimerListInput, 'kind' | 'requestId'> {
  const kind = stringOption(options, 'kind');
  const requestId = stringOption(options, 'request');
  return { ...(kind === undefined ? {} : { kind }), ...(requestId === undefined ? {} : { requestId }) };
}

/** `kechuang timers failed|retry`: the timers' dead letters, as `session.timers` gives them. */
export function registerTimers(program: Command, ctx: CliContext): void {
  const m = timersMessages[ctx.lang];
  const timers = program.command('timers').description(m.description);
  timers
    .command('failed')
    .description(m.failedDescription)
    .option('--kind <kind>', m.kind)
    .option('--request <id>', m.request)
    .option('--json', m.json)
    .addHelpText('after', m.failedExamples)
    .action(async (options: Record<string, unknown>, command: Command) => {
      const office = await ctx.openOffice(databaseOptions(command));
      try {
        const failed = await allFailed(office.session, filterOf(options));
        if (flagOption(options, 'json')) {
          ctx.io.out(JSON.stringify(failed, null, 2));
          return;
        }
        if (failed.length === 0) {
          ctx.io.out(m.none);
          return;
        }
        const { timeZone } = await office.session.office.get();
        const rows = failed.map((t) => [t.id, t.kind, t.requestId ?? '-', String(t.attempts), t.failedAt === null ? '-' : formatLocal(t.failedAt, timeZone, ctx.lang), t.lastError ?? '']);
        for (const line of formatTable([m.header, ...rows])) ctx.io.out(line);
        ctx.io.out(m.count(failed.length));
        ctx.io.out(m.retryHint);
      } finally {
        await office.close();
      }
    });
  timers
    .command('retry')
    .description(m.retryDescription)
    .argument('[id]', m.id)
    .option('--all', m.all)
    .option('--kind <kind>', m.kind)
    .option('--request <id>', m.request)
    .addHelpText('after', m.retryExamples)
    .action(async (id: string | undefined, options: Record<string, unknown>, command: Command) => {
      const all = flagOption(options, 'all');
      const filter = filterOf(options);
      if (id === undefined && !all) throw new CliError(exitCodes.usage, m.idOrAll);
      if (id !== undefined && all) throw new CliError(exitCodes.usage, m.idAndAll);
      if (!all && Object.keys(filter).length > 0) throw new CliError(exitCodes.usage, m.filtersNeedAll);
      const office = await ctx.openOffice(databaseOptions(command));
      try {
        if (id !== undefined) {
          try {
            const timer = await office.session.timers.retry({ id });
            ctx.io.out(m.retriedOne(timer.id, timer.kind));
          } catch (error) {
            if (!isKechuangError(error, 'INVALID_TRANSITION')) throw error;
            throw new CliError(exitCodes.notFound, m.notFailed(id, String(error.details.state)));
          }
          return;
        }
        // Listed first: a retried timer leaves the list, so paging while retrying would skip some.
        const failed = await allFailed(office.session, filter);
        const progress = createProgress(ctx.io, m.retrying, failed.length);
        let done = 0;
        for (const timer of failed) {
          await office.session.timers.retry({ id: timer.id });
          progress.update(++done);
        }
        progress.stop();
        ctx.io.out(failed.length === 0 ? m.none : m.retried(done));
      } finally {
        await office.close();
      }
    });
}
