import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row, StorageAdapter } from '@kechuang/community';
import { FIRING } from './__fixtures__/firing-recorder.js';
import { submitSlaRequests } from './__fixtures__/sla-office.js';
import { WORKER_ENV, type TestToWorkerMessage, type WorkerProcessMessage } from './__fixtures__/worker-messages.js';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from './pg-test-database.js';
import { postgresStorage } from './postgres-storage.js';

const reachable = await probeDatabase('worker-processes.test.ts');
const schema = freshSchemaName();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (reachable) await dropSchema(schema);
});

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER_SCRIPT = fileURLToPath(new URL('./__fixtures__/worker-process.ts', import.meta.url));
const WORKERS = 4;
const REQUESTS = 20;
const RECORDER_TIMERS_PER_REQUEST = 20;
const SLA_TIMERS_PER_REQUEST = 5;
const LEASE_MS = 2000;
const BATCH_SIZE = 5;
/** The killed worker stalls in the third recorder firing it attempts: two have committed by then. */
const STALL_AT = 3;
/** How long all timers may take to settle before the test gives up and reports where they are. */
const SETTLE_MS = 60_000;

/** A spawned worker process and what it has said so far. */
interface WorkerProcess {
  id: string;
  child: ChildProcess;
  messages: WorkerProcessMessage[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first message (already received or still to come) that `accept` accepts. */
  next(accept: (message: WorkerProcessMessage) => boolean): Promise<WorkerProcessMessage>;
  tell(message: TestToWorkerMessage): void;
}

function startWorker(id: string, stallAt: number): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', WORKER_SCRIPT], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      KECHUANG_TEST_DATABASE_URL: connectionString,
      [WORKER_ENV.schema]: schema,
      [WORKER_ENV.id]: id,
      [WORKER_ENV.stallAt]: String(stallAt),
      [WORKER_ENV.leaseMs]: String(LEASE_MS),
      [WORKER_ENV.batchSize]: String(BATCH_SIZE),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.push(child);
  const messages: WorkerProcessMessage[] = [];
  const stderr: string[] = [];
  const waiters: { accept: (message: WorkerProcessMessage) => boolean; resolve: (message: WorkerProcessMessage) => void }[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  child.on('message', (raw) => {
    const message = raw as WorkerProcessMessage;
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (!waiter.accept(message)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    id,
    child,
    messages,
    stderr,
    exited,
    next(accept) {
      const seen = messages.find(accept);
      if (seen) return Promise.resolve(seen);
      const message = new Promise<WorkerProcessMessage>((resolve) => waiters.push({ accept, resolve }));
      // A worker that dies first fails the wait with what it printed, instead of a bare timeout.
      const died = exited.then(({ code, signal }) => {
        throw new Error(`worker ${id} exited (code ${String(code)}, signal ${String(signal)}) before the awaited message:\n${stderr.join('')}`);
      });
      return Promise.race([message, died]);
    },
    tell(message) {
      child.send(message);
    },
  };
}

/**
 * Locks the rows with NOWAIT and lets go at once: throws if any transaction holds one. A
 * worker stalled in a handler must hold no lock on the timers it leased, since the claim
 * committed before it fired anything.
 */
async function expectUnlocked(ids: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    await client.query('BEGIN');
    const locked = await client.query('SELECT id FROM timer WHERE id = ANY($1::text[]) FOR UPDATE NOWAIT', [ids]);
    expect(locked.rowCount).toBe(ids.length);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function waitUntilSettled(storage: StorageAdapter): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const open = await storage.count({ model: 'timer', where: [{ field: 'status', op: 'in', value: ['pending', 'leased'] }] });
    if (open === 0) return;
    if (Date.now() > deadline) {
      const byStatus = await storage.aggregate?.({ model: 'timer', groupBy: ['status'] });
      throw new Error(`${open} timers are still pending or leased after ${SETTLE_MS} ms: ${JSON.stringify(byStatus)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe.skipIf(!reachable)(
  reachable ? 'worker processes on PostgreSQL' : `worker processes on PostgreSQL — SKIPPED: PostgreSQL unreachable at ${connectionString}`,
  () => {
    it(
      `${WORKERS} worker processes, one killed while holding leases, fire each due timer exactly once`,
      { timeout: 150_000 },
      async () => {
        const storage = postgresStorage({ connectionString, schema, max: 4 });
        try {
          const { system, requestIds } = await submitSlaRequests(storage, REQUESTS, RECORDER_TIMERS_PER_REQUEST);
          const timerCount = REQUESTS * (RECORDER_TIMERS_PER_REQUEST + SLA_TIMERS_PER_REQUEST);
          expect(await storage.count({ model: 'timer', where: [{ field: 'status', value: 'pending' }, { field: 'dueAt', op: 'lt', value: new Date() }] })).toBe(timerCount);

          const workers = Array.from({ length: WORKERS }, (_, i) => startWorker(`w${i}`, i === 0 ? STALL_AT : 0));
          const [victim, ...survivors] = workers as [WorkerProcess, ...WorkerProcess[]];
          // All start together once every process is up, so start-up time does not decide who works.
          await Promise.all(workers.map((w) => w.next((m) => m.type === 'ready')));
          for (const w of workers) w.tell({ type: 'go' });

          const stalled = await victim.next((m) => m.type === 'stalled');
          const held = await storage.findMany({ model: 'timer', where: [{ field: 'leaseOwner', value: victim.id }, { field: 'status', value: 'leased' }] });
          await expectUnlocked(held.map((t) => String(t['id'])));
          victim.child.kill('SIGKILL');
          const death = await victim.exited;
          expect(death.signal).toBe('SIGKILL');

          await waitUntilSettled(storage);
          for (const w of survivors) w.tell({ type: 'stop' });
          await Promise.all(survivors.map((w) => w.next((m) => m.type === 'stopped')));
          await Promise.all(survivors.map((w) => w.exited));

          const timers = await storage.findMany({ model: 'timer', where: [] });
          const firings = await storage.findMany({ model: FIRING, where: [] });
          const reports = workers.flatMap((w) => w.messages.filter((m): m is Extract<WorkerProcessMessage, { type: 'fired' }> => m.type === 'fired'));
          const errors = workers.flatMap((w) => w.messages.filter((m) => m.type === 'error'));
          const recorderTimers = timers.filter((t) => t['kind'] === 'recorder.tick');
          const slaTimers = timers.filter((t) => String(t['kind']).startsWith('sla.'));

          // Every due timer fired, none is left leased, pending or failed.
          expect(timers).toHaveLength(timerCount);
          expect(recorderTimers).toHaveLength(REQUESTS * RECORDER_TIMERS_PER_REQUEST);
          expect(slaTimers).toHaveLength(REQUESTS * SLA_TIMERS_PER_REQUEST);
          expect(countBy(timers, (t) => String(t['status']))).toEqual(new Map([['fired', timerCount]]));

          // Recorder timers: exactly one committed firing each, by one worker, and none unknown.
          const firingsPerTimer = countBy(firings, (f) => String(f['timerId']));
          expect(firings).toHaveLength(recorderTimers.length);
          for (const timer of recorderTimers) expect(firingsPerTimer.get(String(timer['id'])), `firings of timer ${String(timer['id'])}`).toBe(1);

          // Every timer, SLA ones included, was reported fired exactly once, by one worker.
          const reportsPerTimer = countBy(reports, (r) => r.timerId);
          expect(reports).toHaveLength(timerCount);
          for (const timer of timers) expect(reportsPerTimer.get(String(timer['id'])), `reports of timer ${String(timer['id'])}`).toBe(1);
          const firedBy = new Map(reports.map((r) => [r.timerId, r.workerId]));
          for (const firing of firings) expect(firing['workerId'], 'the recorded worker is the one that reported the firing').toBe(firedBy.get(String(firing['timerId'])));

          // The killed worker's leases (the stalled one among them) were taken over after they expired.
          const heldIds = held.map((t) => String(t['id']));
          expect(heldIds, 'the killed worker held the lease of the timer it stalled on').toContain(stalled.type === 'stalled' ? stalled.timerId : '');
          const byId = new Map(timers.map((t) => [String(t['id']), t]));
          for (const id of heldIds) {
            expect(firedBy.get(id), `held timer ${id} must be fired by a surviving worker`).not.toBe(victim.id);
            expect(Number(byId.get(id)?.['attempts']), `held timer ${id} was leased again`).toBeGreaterThanOrEqual(2);
          }

          // SLA escalations took effect once per level: each request ends at level 2, no level twice.
          for (const requestId of requestIds) {
            const { request, timeline } = await system.requests.get(requestId);
            const levels = timeline.filter((e) => e.type === 'escalated').map((e) => Number(e.data['level']));
            expect(new Set(levels).size, `escalation levels of ${requestId}: ${levels.join(', ')}`).toBe(levels.length);
            expect(request.escalationLevel).toBe(2);
          }

          const perWorker = Object.fromEntries(workers.map((w) => [w.id, reports.filter((r) => r.workerId === w.id).length]));
          const summary = {
            timers: timerCount,
            recorderTimers: recorderTimers.length,
            slaTimers: slaTimers.length,
            firedPerWorker: perWorker,
            killed: victim.id,
            leasesHeldByKilledWorker: heldIds.length,
            takenOverBy: Object.fromEntries(countBy(heldIds, (id) => firedBy.get(id) ?? 'none')),
            handlerErrorsRetried: errors.length,
            timersLeasedMoreThanOnce: timers.filter((t: Row) => Number(t['attempts']) > 1).length,
          };
          console.log(`[worker-processes] ${JSON.stringify(summary)}`);
        } finally {
          await storage.close?.();
        }
      }
    );
  }
);
