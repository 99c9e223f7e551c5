/**
 * SIGKILL a worker process in the middle of delivering notifications, 10 times, on SQLite (a
 * WAL file) and PostgreSQL. The sink runs here, in the test process, and pulls the trigger
 * itself: on odd kills the moment a request arrives (a send in flight, unanswered), on even
 * kills just after it answered 200 (delivered, but the row not yet marked so). After each kill
 * no outbox row is lost or half-written; after the last, a clean worker drains the outbox once
 * the dead worker's leases expire: every row is delivered, except the events the sink refuses
 * outright, which are dead letters; a message reached the sink twice only as a retry carrying
 * the same idempotency key.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, type OutboxRecord, type Row, type StorageAdapter } from '@kechuang/community';
import { seededRandom } from '@kechuang/testing';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';
import { openCrashStorage, type CrashTarget } from '../durability/crash-storage.js';
import { startSink, type LoopbackSink, type SinkAnswer } from './loopback-sink.js';
import { outboxRows, pendingOutboxRow } from './outbox-helpers.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process-handle.js';

const KILLS = 10;
const ROWS = 600;
/** Events the sink refuses with HTTP 400: they must end dead, whatever the kills did. */
const POISON = 6;
const SEED = Number(process.env['KECHUANG_CRASH_SEED'] ?? Date.now() % 2_147_483_647);
const START = new Date('2026-03-02T01:00:00Z');
console.log(`[crash-dispatch] seed ${SEED} (rerun with KECHUANG_CRASH_SEED=${SEED})`);

const reachable = await probeDatabase('crash-dispatch.test.ts');
const schema = freshSchemaName();
const sqliteDir = mkdtempSync(join(tmpdir(), 'kechuang-notify-crash-'));
const sinks: LoopbackSink[] = [];
afterAll(async () => {
  await Promise.all(sinks.map((sink) => sink.close()));
  rmSync(sqliteDir, { recursive: true, force: true });
  if (reachable) await dropSchema(schema);
});

function outboxRow(i: number, officeId: string): OutboxRecord {
  const id = `crash-${String(i).padStart(4, '0')}`;
  return pendingOutboxRow({ id, officeId, notifierId: 'hook', channel: 'webhook', idempotencyKey: `request.assign:${id}:hook`, text: `诉求 ${i} 已分派给您`, toName: '对接系统', data: { n: i }, at: START });
}

async function withStorage<T>(target: CrashTarget, fn: (storage: StorageAdapter) => Promise<T>): Promise<T> {
  const storage = openCrashStorage(target);
  try {
    const community = createCommunity({ storage });
    await community.ready();
    return await fn(storage);
  } finally {
    await storage.close?.();
  }
}

/** What must hold after any kill: every row there, in a known state, and delivered only if the sink took it. */
function checkRows(rows: Map<string, OutboxRecord>, sink: LoopbackSink, keys: ReadonlySet<string>, poison: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (rows.size !== ROWS) problems.push(`${rows.size} outbox rows, expected ${ROWS}`);
  for (const row of rows.values()) {
    if (!['pending', 'leased', 'delivered', 'dead'].includes(row.status)) problems.push(`${row.id}: status ${row.status}`);
    const answered = (sink.byKey.get(row.idempotencyKey) ?? []).filter((r) => r.answer.kind === 'ok');
    if (row.status === 'delivered' && (answered.length === 0 || row.deliveredAt === null)) problems.push(`${row.id}: delivered, but the sink never answered 200`);
    if (row.status === 'dead' && !poison.has(row.idempotencyKey)) problems.push(`${row.id}: dead (${row.lastError}) though the sink only refuses the poison events`);
    if (row.status === 'leased' && (row.leaseOwner === null || row.leaseExpiresAt === null)) problems.push(`${row.id}: leased without an owner or expiry`);
  }
  for (const key of sink.byKey.keys()) if (!keys.has(key)) problems.push(`the sink got a request with an unknown key ${key}`);
  return problems;
}

async function killLoop(target: CrashTarget, name: string): Promise<void> {
  const random = seededRandom(SEED + (target.kind === 'sqlite' ? 0 : 1));
  const rowsWritten = await withStorage(target, async (storage) => {
    const community = createCommunity({ storage });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const rows = Array.from({ length: ROWS }, (_, i) => outboxRow(i, office.id));
    for (let i = 0; i < rows.length; i += 100) await storage.createMany?.({ model: 'outbox', data: rows.slice(i, i + 100) as unknown as Row[] });
    return rows;
  });
  const keys = new Set(rowsWritten.map((row) => row.idempotencyKey));
  const poison = new Set<string>();
  while (poison.size < POISON) poison.add(rowsWritten[Math.floor(random() * ROWS)]!.idempotencyKey);

  // The sink's own answers: 15% 503 by a seeded coin, 400 for the poison events; and the trigger.
  let trigger: { at: number; child: WorkerProcess; afterAnswer: boolean } | null = null;
  const sink = await startSink((key): SinkAnswer => {
    if (trigger && sink.requests.length + 1 >= trigger.at) {
      const { child, afterAnswer } = trigger;
      trigger = null;
      if (afterAnswer) setTimeout(child.kill, Math.floor(random() * 3));
      else {
        child.kill();
        return { kind: 'hold', ms: 5_000 };
      }
    }
    if (poison.has(key)) return { kind: 'status', status: 400 };
    return random() < 0.15 ? { kind: 'status', status: 503 } : { kind: 'ok' };
  });
  sinks.push(sink);

  const log: string[] = [];
  let walLeftBehind = 0;
  for (let kill = 1; kill <= KILLS; kill++) {
    const child = startWorkerProcess(target, sink.url);
    await child.ready;
    const before = sink.requests.length;
    const afterAnswer = kill % 2 === 0;
    trigger = { at: before + 10 + Math.floor(random() * 40), child, afterAnswer };
    const { signal } = await child.closed;
    expect(signal, child.stderr()).toBe('SIGKILL');
    if (target.kind === 'sqlite' && existsSync(`${target.filename}-wal`)) walLeftBehind++;
    const rows = await withStorage(target, outboxRows);
    const problems = checkRows(rows, sink, keys, poison);
    expect(problems.slice(0, 20)).toEqual([]);
    const counts = { pending: 0, leased: 0, delivered: 0, dead: 0 };
    for (const row of rows.values()) counts[row.status]++;
    log.push(`kill ${kill} (${afterAnswer ? 'just after a 200' : 'with a request in flight'}) after ${sink.requests.length - before} requests: ${JSON.stringify(counts)}`);
  }
  for (const line of log) console.log(`[crash-dispatch] ${name} ${line}`);

  // A clean worker drains what is left once the last dead worker's leases expire.
  const drain = startWorkerProcess(target, sink.url, { KECHUANG_NOTIFY_DRAIN: '1' });
  await drain.ready;
  const { code } = await drain.closed;
  expect(code, drain.stderr()).toBe(0);
  expect(drain.done(), drain.stderr()).not.toBeNull();

  const rows = await withStorage(target, outboxRows);
  expect(checkRows(rows, sink, keys, poison).slice(0, 20)).toEqual([]);
  const notDelivered = [...rows.values()].filter((row) => row.status !== 'delivered' && !poison.has(row.idempotencyKey)).map((row) => `${row.id}: ${row.status}`);
  expect(notDelivered).toEqual([]);
  const poisonRows = [...rows.values()].filter((row) => poison.has(row.idempotencyKey));
  expect(poisonRows.map((row) => row.status)).toEqual(Array.from({ length: POISON }, () => 'dead'));

  // Twice at the sink only as a retry of the same message under the same key.
  let twice = 0;
  for (const [key, requests] of sink.byKey) {
    const taken = requests.filter((r) => r.answer.kind === 'ok');
    if (taken.length > 1) twice++;
    const bodies = new Set(requests.map((r) => (JSON.parse(r.body) as { id: string; idempotencyKey: string }).idempotencyKey));
    expect([...bodies]).toEqual([key]);
    const attempts = requests.map((r) => r.attemptHeader ?? 0);
    expect(attempts.every((a, i) => i === 0 || a > attempts[i - 1]!), `${key}: attempts ${attempts.join(',')}`).toBe(true);
  }
  if (target.kind === 'sqlite') expect(walLeftBehind).toBe(KILLS);
  const answered = sink.requests.filter((r) => r.answer.kind === 'ok').length;
  console.log(
    `[crash-dispatch] ${name} totals: ${KILLS} kills, ${ROWS} rows: ${ROWS - POISON} delivered, ${POISON} dead (refused with 400); ` +
      `${sink.requests.length} requests (${answered} answered 200, ${sink.requests.filter((r) => r.answer.kind === 'status' && r.answer.status === 503).length} 503, ` +
      `${sink.requests.filter((r) => r.answer.kind === 'hold').length} in flight at a kill); ${twice} messages taken twice (each a retry with the same idempotency key)` +
      (target.kind === 'sqlite' ? `; WAL left behind after ${walLeftBehind} kills` : ''),
  );
}

describe('SIGKILL during notification delivery on sqliteStorage (WAL file)', () => {
  it(`loses no outbox row across ${KILLS} kills, and delivers every one afterwards`, { timeout: 120_000 }, async () => {
    await killLoop({ kind: 'sqlite', filename: join(sqliteDir, 'notify-crash.db') }, 'sqlite');
  });
});

describe.skipIf(!reachable)(
  reachable ? 'SIGKILL during notification delivery on postgresStorage' : `SIGKILL during notification delivery on postgresStorage — SKIPPED: PostgreSQL unreachable at ${connectionString}`,
  () => {
    it(`loses no outbox row across ${KILLS} kills, and delivers every one afterwards`, { timeout: 120_000 }, async () => {
      await killLoop({ kind: 'postgres', connectionString, schema }, 'postgres');
    });
  },
);
