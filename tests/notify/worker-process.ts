/**
 * A worker process for the notification fault tests. Usage (cwd: the repository root):
 *
 *   node --conditions=source --import tsx tests/notify/worker-process.ts sqlite <file> <sink-url>
 *   node --conditions=source --import tsx tests/notify/worker-process.ts postgres <schema> <sink-url>
 *
 * (for PostgreSQL the URL comes from KECHUANG_TEST_DATABASE_URL). It prints `READY <pid>`,
 * then delivers the outbox to the sink with a started worker until it is killed. With
 * KECHUANG_NOTIFY_DRAIN=1 it stops once no row is pending or leased, prints
 * `DONE <delivered> <rateLimited>` (its worker's counts), and exits. KECHUANG_NOTIFY_RATE_LIMIT
 * (`<limit>/<windowMs>`) gives the sink's notifier that rate limit.
 */
import { writeSync } from 'node:fs';
import { createCommunity, createWorker } from '@kechuang/community';
import { openCrashStorage, parseTargetArgs } from '../durability/crash-storage.js';
import { loopbackNotifier } from './loopback-notifier.js';
import { WORKER_PROCESS_NOTIFY } from './worker-process-settings.js';

const say = (line: string): void => void writeSync(1, `${line}\n`);

const args = process.argv.slice(2);
const target = parseTargetArgs(args, process.env);
const url = args[2];
if (!url) throw new Error('Expected the sink URL as the third argument.');

const rate = process.env['KECHUANG_NOTIFY_RATE_LIMIT']?.split('/').map(Number);
const rateLimits = rate ? [{ limit: rate[0] ?? 0, windowMs: rate[1] ?? 0 }] : undefined;

const storage = openCrashStorage(target);
const community = createCommunity({ storage, notifiers: [loopbackNotifier({ id: 'hook', url, ...(rateLimits ? { rateLimits } : {}) })] });
await community.ready();
const worker = createWorker(community, { id: `child-${process.pid}`, pollIntervalMs: 20, notify: WORKER_PROCESS_NOTIFY });
worker.on('error', (error) => process.stderr.write(`worker error: ${error instanceof Error ? error.stack : String(error)}\n`));
say(`READY ${process.pid}`);
worker.start();

if (process.env['KECHUANG_NOTIFY_DRAIN'] === '1') {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const open = await storage.count({ model: 'outbox', where: [{ field: 'status', op: 'in', value: ['pending', 'leased'] }] });
    if (open === 0) break;
  }
  await worker.stop();
  await storage.close?.();
  say(`DONE ${worker.stats.delivered} ${worker.stats.rateLimited}`);
}
