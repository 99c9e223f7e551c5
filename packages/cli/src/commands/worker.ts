import process from 'node:process';
import type { Command } from 'commander';
import { createWorker } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { databaseOptions, flagOption } from '../command-options.js';
import { workerMessages } from './worker-messages.js';

/** Rounds `--once` runs at most: enough to drain any backlog a day can build, never endless. */
const MAX_ONCE_ROUNDS = 10_000;

/** `kechuang worker`: fires due timers and delivers notifications until stopped, or once. */
export function registerWorker(program: Command, ctx: CliContext): void {
  const m = workerMessages[ctx.lang];
  program
    .command('worker')
    .description(m.description)
    .option('--once', m.once)
    .addHelpText('after', m.examples)
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { io } = ctx;
      const { db, office } = databaseOptions(command);
      // With --office the office must exist; the worker itself serves every office in the database.
      const opened = office === undefined ? await ctx.openDatabase({ ...(db === undefined ? {} : { db }), create: false }) : await ctx.openOffice({ ...(db === undefined ? {} : { db }), office });
      try {
        const worker = createWorker(opened.community);
        let fired = 0;
        worker.on('fired', (timer) => {
          fired++;
          io.out(m.fired(timer.kind, timer.requestId));
        });
        worker.on('error', (error) => io.err(m.problem(error instanceof Error ? error.message : String(error))));
        io.out(m.started(opened.where, worker.id));
        const app = await ctx.app();
        if (app !== undefined) {
          const plugins = opened.community.plugins.map((plugin) => `${plugin.id} ${plugin.version}`);
          io.out(m.withApp(app.shown, plugins, app.notifiers.map((notifier) => `${notifier.id} (${notifier.channel})`)));
        }
        if (app === undefined || app.notifiers.length === 0) {
          const pending = await opened.storage.count({ model: 'outbox', where: [{ field: 'status', value: 'pending' }] });
          io.out(m.noNotifiers(pending));
        }
        if (app === undefined) io.out(m.noApp);
        if (flagOption(options, 'once')) {
          for (let round = 0; round < MAX_ONCE_ROUNDS && (await worker.runOnce()) > 0; round++);
        } else {
          await new Promise<void>((resolve) => {
            const stop = (): void => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              io.err(m.stopping);
              void worker.stop().then(resolve);
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
            worker.start();
          });
        }
        io.out(m.totals({ fired, ...worker.stats }));
      } finally {
        await opened.close();
      }
    });
}
