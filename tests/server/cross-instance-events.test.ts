/**
 * The event stream across instances: two servers, each with its own storage connection, on one
 * database. Writers commit through instance A, concurrently, so transactions commit out of the
 * order they started in; a subscriber listens on instance B, drops its connection half-way and
 * reconnects with Last-Event-ID. It must receive every committed change exactly once: none
 * lost (a naive tail by sequence loses the ones whose transaction committed late), none twice.
 * Run on PostgreSQL and on one SQLite file opened twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, type StorageAdapter } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText } from '@kechuang/demo';
import { createServer, devSignIn } from '@kechuang/server';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';
import { sseReader } from '../../packages/server/src/__fixtures__/sse-reader.js';

/** At least this many changes are committed (each submit writes two or three timeline entries). */
const EVENTS = 1_000;
const WRITERS = 8;

const reachable = await probeDatabase('cross-instance-events.test.ts');
const schema = freshSchemaName();
const dir = mkdtempSync(join(tmpdir(), 'kechuang-sse-'));
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  if (reachable) await dropSchema(schema);
});

interface Change {
  position: string;
  requestId: string;
  version: number;
  index: number;
}

async function run(openStorage: () => StorageAdapter): Promise<{ delivered: number; reconnectedAt: number }> {
  const storageA = openStorage();
  const storageB = openStorage();
  cleanups.push(async () => storageA.close?.(), async () => storageB.close?.());
  const a = createCommunity({ storage: storageA });
  const b = createCommunity({ storage: storageB });
  const directory = generateMengchuang({ enterprises: 20 });
  const office = await a.offices.create(directory.office);
  const demo = await loadDemo(a.as({ kind: 'system', officeId: office.id }), directory);
  await a.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId }).config.update(mengchuangConfigText());
  await b.ready();

  const devB = devSignIn({ community: b, officeIds: [office.id] });
  // Polling only: nothing tells B that A committed, so B must find every change in storage.
  const serverB = createServer({ community: b, resolveActor: devB.resolve, rateLimit: false, events: { pollIntervalMs: 50 } });
  cleanups.push(() => serverB.close());
  const subscribe = (lastEventId?: string) =>
    serverB.fetch(
      new Request('http://instance-b/events', {
        headers: { 'x-kechuang-dev-member': `${office.id}/${demo.stationHeadId}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      }),
    );

  const received: Change[] = [];
  let stream = sseReader(await subscribe());
  expect((await stream.next())?.event).toBe('ready');

  // Writers on A: submits (routed: submitted + assigned entries) and signs-for, concurrently.
  const head = a.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
  const lawyer = a.as({ kind: 'member', officeId: office.id, memberId: demo.lawyerId });
  const communityId = demo.communityId;
  let committed = 0;
  const writing = Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      while (committed < EVENTS) {
        const request = await head.requests.submit({ communityId, channel: 'phone', category: 'legal', title: `尾款未结 ${w}-${committed}` });
        committed += 2;
        if (request.assigneeId === demo.lawyerId && committed % 3 === 0) {
          await lawyer.requests.accept({ requestId: request.id, version: request.version });
          committed += 1;
        }
      }
    }),
  );

  // Read half, drop the connection, and come back with the last id seen.
  let reconnectedAt = 0;
  const readUntil = async (count: number | (() => number)) => {
    const target = () => (typeof count === 'number' ? count : count());
    while (received.length < target()) {
      const event = await stream.next();
      if (!event) throw new Error('The stream ended early.');
      if (event.event !== 'request') continue;
      const change = JSON.parse(event.data) as Change;
      expect(event.id).toBe(change.position);
      received.push(change);
    }
  };
  await readUntil(EVENTS / 2);
  await stream.cancel();
  reconnectedAt = received.length;
  stream = sseReader(await subscribe(received[received.length - 1]!.position));
  expect((await stream.next())?.event).toBe('ready');
  await writing;

  const stored = await storageA.findMany({ model: 'timeline_entry', where: [{ field: 'officeId', value: office.id }] });
  expect(stored.length).toBeGreaterThanOrEqual(EVENTS);
  await readUntil(stored.length);
  // Give a duplicate the chance to show up before concluding there is none.
  const extra = await Promise.race([stream.next(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
  expect(extra?.event === 'request' ? extra.data : null).toBeNull();
  await stream.cancel();

  const key = (requestId: unknown, version: unknown, index: unknown) => `${String(requestId)}#${String(version)}#${String(index)}`;
  const receivedKeys = received.map((c) => key(c.requestId, c.version, c.index));
  expect(new Set(receivedKeys).size).toBe(receivedKeys.length);
  expect(new Set(receivedKeys)).toEqual(new Set(stored.map((row) => key(row['requestId'], row['seq'], row['index']))));
  // Within one request, changes arrive in version order.
  const lastVersion = new Map<string, number>();
  for (const change of received) {
    expect(change.version).toBeGreaterThanOrEqual(lastVersion.get(change.requestId) ?? 0);
    lastVersion.set(change.requestId, change.version);
  }
  return { delivered: received.length, reconnectedAt };
}

describe('the event stream across two instances on one database', () => {
  it.skipIf(!reachable)('PostgreSQL: every change committed through A reaches B exactly once, across a reconnect', async () => {
    const result = await run(() => postgresStorage({ connectionString, schema, max: 6 }));
    console.log(`[cross-instance-events] postgres: ${result.delivered} changes delivered to instance B, reconnected after ${result.reconnectedAt}, none lost or repeated`);
  }, 180_000);

  it('SQLite (one file, two connections): every change reaches B exactly once, across a reconnect', async () => {
    const filename = join(dir, 'shared.sqlite');
    const result = await run(() => sqliteStorage({ filename }));
    console.log(`[cross-instance-events] sqlite: ${result.delivered} changes delivered to instance B, reconnected after ${result.reconnectedAt}, none lost or repeated`);
  }, 180_000);
});
