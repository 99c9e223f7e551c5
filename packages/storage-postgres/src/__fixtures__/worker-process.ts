/**
 * One worker process of the multi-process timer test: `node --conditions=source --import tsx`
 * runs it with the schema and worker settings in its environment (see WORKER_ENV). It reports
 * every firing over IPC, starts on `go`, and on `stop` stops, says `stopped` and exits.
 */
import { createCommunity, createWorker, type TimerRecord } from '@kechuang/community';
import { postgresStorage } from '../postgres-storage.js';
import { firingRecorder } from './firing-recorder.js';
import { WORKER_ENV, type TestToWorkerMessage, type WorkerProcessMessage } from './worker-messages.js';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`worker-process.ts needs ${name} in its environment.`);
  return value;
}

const connectionString = env('KECHUANG_TEST_DATABASE_URL');
const schema = env(WORKER_ENV.schema);
const workerId = env(WORKER_ENV.id);
const stallAt = Number(process.env[WORKER_ENV.stallAt] ?? 0);
const leaseMs = Number(env(WORKER_ENV.leaseMs));
const batchSize = Number(env(WORKER_ENV.batchSize));

// Resolves once the message is handed to the channel, so a later message never overtakes it.
function send(message: WorkerProcessMessage): Promise<void> {
  const channel = process.send?.bind(process);
  if (!channel) throw new Error('worker-process.ts must be spawned with an IPC channel.');
  return new Promise((resolve, reject) => {
    channel(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

let attempts = 0;
async function maybeStall(timer: TimerRecord): Promise<void> {
  attempts += 1;
  if (attempts !== stallAt) return;
  await send({ type: 'stalled', workerId, timerId: timer.id });
  // Holds the firing transaction and the batch's leases until the test kills the process.
  await new Promise<never>(() => undefined);
}

const storage = postgresStorage({ connectionString, schema, max: 3 });
const community = createCommunity({ storage, plugins: [firingRecorder({ workerId, beforeRecord: maybeStall })] });
await community.ready();
const worker = createWorker(community, { id: workerId, batchSize, leaseMs, pollIntervalMs: 100 });
worker.on('fired', (timer) => void send({ type: 'fired', workerId, timerId: timer.id, kind: timer.kind }));
worker.on('error', (error, timer, final) => void send({ type: 'error', workerId, timerId: timer?.id ?? null, message: error instanceof Error ? error.message : String(error), final }));

process.on('message', (message: TestToWorkerMessage) => {
  if (message.type === 'go') worker.start();
  if (message.type === 'stop') {
    void (async () => {
      await worker.stop();
      await storage.close?.();
      await send({ type: 'stopped', workerId });
      process.disconnect();
    })();
  }
});
await send({ type: 'ready', workerId });
