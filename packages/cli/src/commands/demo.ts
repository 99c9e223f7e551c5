import type { Command } from 'commander';
import { DEFAULT_SEED, generateMengchuang, runDemoYear, type DemoYearStage } from '@kechuang/demo';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, stringOption } from '../command-options.js';
import { exitCodes } from '../exit-codes.js';
import { createProgress, type Progress } from '../progress.js';
import { demoMessages } from './demo-messages.js';

function wholeNumber(text: string | undefined, name: string, fallback: number, message: (name: string, text: string) => string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new CliError(exitCodes.usage, message(name, text));
  return value;
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

// The composite is a score out of 100, not a share: no percent sign.
function score(rate: number | null): string {
  return rate === null ? '—' : (rate * 100).toFixed(1);
}

/** `kechuang demo`: the Mengchuang Community and its first year, into the database. */
export function registerDemo(program: Command, ctx: CliContext): void {
  const m = demoMessages[ctx.lang];
  program
    .command('demo')
    .description(m.description)
    .option('--seed <n>', m.seed, String(DEFAULT_SEED))
    .option('--enterprises <n>', m.enterprises)
    .addHelpText('after', m.examples)
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { io } = ctx;
      const seed = wholeNumber(stringOption(options, 'seed'), '--seed', DEFAULT_SEED, m.badNumber);
      const enterprisesText = stringOption(options, 'enterprises');
      const enterprises = enterprisesText === undefined ? undefined : wholeNumber(enterprisesText, '--enterprises', 0, m.badNumber);
      const { db } = databaseOptions(command);
      const opened = await ctx.openDatabase({ ...(db === undefined ? {} : { db }), create: true });
      try {
        const demoCode = generateMengchuang({ seed, enterprises: 1 }).office.code;
        if ((await opened.community.offices.findByCode(demoCode)) !== null) throw new CliError(exitCodes.notFound, m.exists(opened.where));
        const others = await opened.storage.count({ model: 'office' });
        io.err(m.loading(opened.where));
        const shown: { progress: Progress | null; stage: DemoYearStage | null } = { progress: null, stage: null };
        const year = await runDemoYear({
          storage: opened.storage,
          seed,
          ...(enterprises === undefined ? {} : { enterprises }),
          onProgress: (done, total, current) => {
            if (current !== shown.stage) {
              shown.progress?.stop();
              shown.stage = current;
              shown.progress = createProgress(io, current === 'directory' ? m.stageDirectory : m.stageYear, total);
            }
            shown.progress?.update(done, total);
          },
        });
        shown.progress?.stop();
        const { summary } = year;
        io.out(m.headline({ collected: summary.collected, resolved: summary.resolved, stillOpen: summary.stillOpen, visits: summary.visits }));
        const metrics = await year.community.metrics.query({ officeId: year.officeId, period: { from: '2025-03-01', to: '2026-02-28' } });
        const { rates } = metrics.total;
        io.out(m.rates({ response: percent(rates.response), resolution: percent(rates.resolution), satisfaction: percent(rates.satisfaction), composite: score(rates.composite) }));
        io.out(m.next(others > 0 ? ` --office ${demoCode}` : ''));
      } finally {
        await opened.close();
      }
    });
}
