/**
 * A DingTalk-like bot allows 20 messages a minute. Several workers — 4 `createWorker`s on one
 * SQLite file, 4 on PostgreSQL each with its own connection pool (so their transactions really
 * race), and 4 worker processes on PostgreSQL — share that limit through `rate_window` rows:
 * no span of the window ever holds more than 20 sends, whichever instant it starts at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, createWorker, manualClock, type Notifier, type OutboxRecord, type Row, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { seededRandom } from '@kechuang/testing';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';
import { startSink, type LoopbackSink } from './loopback-sink.js';
import { outboxRows, pendingOutboxRow } from './outbox-helpers.js';
import { startWorkerProcess } from './worker-process-handle.js';

const START = new Date('2026-03-02T01:00:00Z');
const MINUTE = 60_000;
const LIMIT = 20;

const reachable = await probeDatabase('shared-rate-limit.test.ts');
const schemas = [freshSchemaName(), freshSchemaName()];
const dir = mkdtempSync(join(tmpdir(), 'kechuang-rate-'));
const sinks: LoopbackSink[] = [];
afterAll(async () => {
  await Promise.all(sinks.map((sink) => sink.close()));
  rmSync(dir, { recursive: true, force: true });
  if (reachable) for (const schema of schemas) await dropSchema(schema);
});

/** Crowded spans: `limit + 1` sends closer together than `windowMs`. */
function crowded(times: readonly number[], limit: number, windowMs: number): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const found: string[] = [];
  for (let i = 0; i + limit < sorted.length; i++) {
    if (sorted[i + limit]! - sorted[i]! < windowMs) found.push(`${limit + 1} sends within ${sorted[i + limit]! - sorted[i]!} ms from ${new Date(sorted[i]!).toISOString()}`);
  }
  return found;
}

function outboxRow(i: number, officeId: string, dueAt: Date): OutboxRecord {
  const id = `rate-${String(i).padStart(4, '0')}`;
  return pendingOutboxRow({ id, officeId, event: 'sla.reminder', notifierId: 'hook', channel: 'dingtalk', title: '诉求即将超时', text: `诉求 ${i} 将于今天 17:00 超时`, toName: '服务站群', at: dueAt });
}

/**
 * 4 workers, each on its own adapter from `open` (or one shared), deliver `rows` messages to a
 * 20/min notifier on an injected clock that creeps forward in random steps.
 */
async function fourWorkers(open: () => StorageAdapter, shared: boolean, rows: number, seed: number) {
  const random = seededRandom(seed);
  const clock = manualClock(START);
  const sends: number[] = [];
  const notifier: Notifier = {
    id: 'hook',
    channel: 'dingtalk',
    rateLimits: [{ limit: LIMIT, windowMs: MINUTE }],
    async send(_message, ctx) {
      sends.push(ctx.now.getTime());
      return { externalId: null };
    },
  };
  const first = open();
  const adapters = shared ? [first, first, first, first] : [first, open(), open(), open()];
  const communities = adapters.map((storage) => createCommunity({ storage, clock, notifiers: [notifier] }));
  const office = await communities[0]!.offices.create({ code: 'cangqian', name: '仓前街道' });
  await first.createMany?.({ model: 'outbox', data: Array.from({ length: rows }, (_, i) => outboxRow(i, office.id, START)) as unknown as Row[] });
  const workers = communities.map((community, i) => createWorker(community, { id: `w${i}`, notify: { batchSize: 6, random: seededRandom(seed + i + 1) } }));
  try {
    for (let round = 0; round < 3_000; round++) {
      await Promise.all(workers.map((w) => w.runOnce()));
      const open = await first.count({ model: 'outbox', where: [{ field: 'status', op: 'ne', value: 'delivered' }] });
      if (open === 0) break;
      clock.advance(Math.floor(random() * 4_000));
    }
    const stored = await outboxRows(first);
    return {
      sends,
      delivered: [...stored.values()].filter((r) => r.status === 'delivered').length,
      attempts: [...stored.values()].map((r) => r.attempts),
      rateLimited: workers.reduce((sum, w) => sum + w.stats.rateLimited, 0),
      lostLeases: workers.reduce((sum, w) => sum + w.stats.lostLeases, 0),
      span: (Math.max(...sends) - Math.min(...sends)) / 1000,
    };
  } finally {
    for (const adapter of new Set(adapters)) await adapter.close?.();
  }
}

function expectShared(name: string, result: Awaited<ReturnType<typeof fourWorkers>>, rows: number): void {
  expect(result.delivered).toBe(rows);
  expect(result.sends).toHaveLength(rows);
  expect(crowded(result.sends, LIMIT, MINUTE)).toEqual([]);
  // Put back for a full window costs no attempt.
  expect(result.attempts.every((a) => a === 1)).toBe(true);
  expect(result.rateLimited).toBeGreaterThan(0);
  console.log(`[shared-rate-limit] ${name}: ${rows} sends over ${result.span.toFixed(0)} s of injected time, at most ${LIMIT} in any ${MINUTE / 1000} s; ${result.rateLimited} put back for a full window, ${result.lostLeases} lost leases`);
}

describe('a 20/min bot shared by 4 workers', () => {
  it('on one SQLite file', { timeout: 60_000 }, async () => {
    const result = await fourWorkers(() => sqliteStorage({ filename: join(dir, 'rate.db') }), true, 90, 11);
    expectShared('4 workers on SQLite', result, 90);
  });

  describe.skipIf(!reachable)(reachable ? 'on PostgreSQL' : `on PostgreSQL — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
    it('4 workers with a connection pool each', { timeout: 60_000 }, async () => {
      const result = await fourWorkers(() => postgresStorage({ connectionString, schema: schemas[0]!, max: 3 }), false, 90, 12);
      expectShared('4 workers on PostgreSQL, 4 pools', result, 90);
    });

    it('4 worker processes, on the real clock (20 per 3 s, scaled down from a minute)', { timeout: 90_000 }, async () => {
      const windowMs = 3_000;
      const rows = 100;
      const sentAt: number[] = [];
      const sink = await startSink((_key, _nth, body) => {
        sentAt.push(Date.parse((JSON.parse(body) as { sentAt: string }).sentAt));
        return { kind: 'ok' };
      });
      sinks.push(sink);
      const target = { kind: 'postgres' as const, connectionString, schema: schemas[1]! };
      const storage = postgresStorage({ connectionString, schema: target.schema, max: 2 });
      try {
        const community = createCommunity({ storage });
        const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
        await storage.createMany?.({ model: 'outbox', data: Array.from({ length: rows }, (_, i) => outboxRow(i, office.id, new Date(0))) as unknown as Row[] });
      } finally {
        await storage.close?.();
      }
      const env = { KECHUANG_NOTIFY_DRAIN: '1', KECHUANG_NOTIFY_RATE_LIMIT: `${LIMIT}/${windowMs}` };
      const children = Array.from({ length: 4 }, () => startWorkerProcess(target, sink.url, env));
      const exits = await Promise.all(children.map((child) => child.closed));
      expect(exits.map((e) => e.code), children.map((c) => c.stderr()).join('\n')).toEqual([0, 0, 0, 0]);
      const done = children.map((child) => child.done());
      expect(sentAt).toHaveLength(rows);
      expect(new Set(sink.requests.map((r) => r.key)).size).toBe(rows);
      expect(crowded(sentAt, LIMIT, windowMs)).toEqual([]);
      expect(done.reduce((sum, d) => sum + (d?.delivered ?? 0), 0)).toBe(rows);
      const perProcess = done.map((d) => d?.delivered ?? 0);
      console.log(
        `[shared-rate-limit] 4 processes on PostgreSQL: ${rows} sends over ${((Math.max(...sentAt) - Math.min(...sentAt)) / 1000).toFixed(1)} s, at most ${LIMIT} in any ${windowMs / 1000} s; ` +
          `delivered per process ${perProcess.join('/')}, ${done.reduce((sum, d) => sum + (d?.rateLimited ?? 0), 0)} put back for a full window`,
      );
    });
  });
});
