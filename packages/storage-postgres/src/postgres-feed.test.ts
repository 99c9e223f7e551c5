import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry, ReadFeedArgs, StorageAdapter, StorageSchema } from '@kechuang/community';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from './pg-test-database.js';
import { postgresStorage } from './postgres-storage.js';

const reachable = await probeDatabase('postgres-feed.test.ts');

const fields = { id: { type: 'string' }, office: { type: 'string' }, n: { type: 'number' } } as const;
const schema: StorageSchema = { version: 2, models: { event: { fields, feed: true, indexes: [{ name: 'event_office', fields: ['office'] }] } } };

// A feed may hold rows back while any transaction on the server is open (other test files
// run beside this one), so readers poll for what they know has committed; a liveness bound.
const PATIENCE_MS = 20_000;

function readFeed(adapter: StorageAdapter, args: Omit<ReadFeedArgs, 'model'>): Promise<FeedEntry[]> {
  if (!adapter.readFeed) throw new Error('postgresStorage must implement readFeed');
  return adapter.readFeed({ model: 'event', ...args });
}

/** Reads on from `after` until `expected` more entries came (or patience ran out). */
async function readOn(adapter: StorageAdapter, after: string | null, expected: number, limit = 7): Promise<{ entries: FeedEntry[]; after: string | null }> {
  const entries: FeedEntry[] = [];
  const deadline = Date.now() + PATIENCE_MS;
  while (entries.length < expected && Date.now() < deadline) {
    const page = await readFeed(adapter, { after, limit });
    entries.push(...page);
    after = page.at(-1)?.position ?? after;
    if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { entries, after };
}

const ids = (entries: readonly FeedEntry[]): string[] => entries.map((entry) => String(entry.row['id']));

/** A transaction on `adapter` that writes row `id`, then stays open until `release` is called. */
function heldTransaction(adapter: StorageAdapter, id: string): { written: Promise<void>; release: () => void; done: Promise<void> } {
  let wrote!: () => void;
  let release!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = adapter.transaction(async (tx) => {
    await tx.create({ model: 'event', data: { id, office: 'o1', n: 0 } });
    wrote();
    await gate;
  });
  return { written, release, done };
}

describe.skipIf(!reachable)(reachable ? 'PostgreSQL feed across instances' : `PostgreSQL feed — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
  const schemaName = freshSchemaName();
  // Two adapters with pools of their own: two app instances on one database.
  let a: StorageAdapter;
  let b: StorageAdapter;

  beforeAll(async () => {
    a = postgresStorage({ connectionString, schema: schemaName, max: 6 });
    b = postgresStorage({ connectionString, schema: schemaName, max: 6 });
    await Promise.all([a.init(schema), b.init(schema)]);
  });
  afterAll(async () => {
    await a?.close?.();
    await b?.close?.();
    await dropSchema(schemaName);
  });

  it('never lets a reader on either instance past a row another instance has not committed yet', async () => {
    await a.create({ model: 'event', data: { id: 'h0', office: 'o1', n: 0 } });
    const start = (await readOn(b, null, 1)).after;
    const t1 = heldTransaction(a, 'h1');
    try {
      await t1.written;
      // Instance B writes later (a later transaction id and sequence) and commits first.
      await b.create({ model: 'event', data: { id: 'h2', office: 'o1', n: 0 } });
      expect(await readFeed(b, { after: start, limit: 10 }), 'B must not deliver its own h2 past A\'s open h1').toStrictEqual([]);
      expect(await readFeed(a, { after: start, limit: 10 })).toStrictEqual([]);
    } finally {
      t1.release();
      await t1.done;
    }
    const onB = await readOn(b, start, 2, 1);
    const onA = await readOn(a, start, 2);
    expect(ids(onB.entries)).toStrictEqual(['h1', 'h2']);
    expect(onA.entries, 'both instances see one order with the same positions').toStrictEqual(onB.entries);
    expect(await readFeed(a, { after: onA.after, limit: 10 })).toStrictEqual([]);
  });

  it('is held back, never losing a row, by a transaction open anywhere on the server, even in another database', async () => {
    const start = (await readOn(a, null, await a.count({ model: 'event' }), 1000)).after;
    // The xmin of a snapshot covers every database of the server, so any open transaction with an id counts.
    const other = new pg.Client({ connectionString: connectionString.replace(/\/[^/?]*(\?|$)/, '/postgres$1') });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      await b.create({ model: 'event', data: { id: 'late', office: 'o2', n: 1 } });
      expect(await readFeed(a, { after: start, limit: 10 }), 'a row committed after the other transaction took its id waits for it').toStrictEqual([]);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    expect(ids((await readOn(a, start, 1)).entries)).toStrictEqual(['late']);
  });

  it('delivers exactly the committed rows once, in one order, to readers on both instances while both write', { timeout: 60_000 }, async () => {
    const office = 'busy';
    const where = [{ field: 'office', value: office }];
    const committed: string[] = [];
    let writing = true;
    const writer = async (adapter: StorageAdapter, name: string): Promise<void> => {
      for (let i = 0; i < 25; i++) {
        const rows = [0, 1, 2].slice(0, 1 + (i % 3)).map((j) => ({ id: `${name}-${i}-${j}`, office, n: j }));
        const rollBack = i % 4 === 3;
        try {
          await adapter.transaction(async (tx) => {
            for (const data of rows) {
              await tx.create({ model: 'event', data });
              await new Promise((resolve) => setTimeout(resolve, i % 3));
            }
            if (rollBack) throw new Error('rolled back on purpose');
          });
          committed.push(...rows.map((row) => row.id));
        } catch (error) {
          if (!rollBack) throw error;
        }
      }
    };
    const reader = async (adapter: StorageAdapter): Promise<FeedEntry[]> => {
      const received: FeedEntry[] = [];
      let after: string | null = null;
      while (writing) {
        const page = await readFeed(adapter, { where, after, limit: 4 });
        received.push(...page);
        after = page.at(-1)?.position ?? after;
        await new Promise((resolve) => setTimeout(resolve, page.length === 0 ? 2 : 0));
      }
      return received;
    };
    const readers = [reader(a), reader(b), reader(a), reader(b)];
    await Promise.all([writer(a, 'a1'), writer(a, 'a2'), writer(b, 'b1'), writer(b, 'b2')]);
    writing = false;
    const partial = await Promise.all(readers);
    const fresh: FeedEntry[] = [];
    for (let after: string | null = null, deadline = Date.now() + PATIENCE_MS; fresh.length < committed.length && Date.now() < deadline; ) {
      const page = await readFeed(b, { where, after, limit: 1000 });
      fresh.push(...page);
      after = page.at(-1)?.position ?? after;
    }
    expect([...ids(fresh)].sort(), 'the feed holds exactly the committed rows').toStrictEqual([...committed].sort());
    for (const [i, received] of partial.entries()) {
      const rest: FeedEntry[] = [];
      for (let after = received.at(-1)?.position ?? null, deadline = Date.now() + PATIENCE_MS; received.length + rest.length < committed.length && Date.now() < deadline; ) {
        const page = await readFeed(i % 2 === 0 ? a : b, { where, after, limit: 50 });
        rest.push(...page);
        after = page.at(-1)?.position ?? after;
      }
      expect([...received, ...rest], `reader ${i} must get every committed row once, in the one order`).toStrictEqual(fresh);
    }
  });

  it('migrates an existing table: its rows come first (transaction id 0, in their stored order), new rows after', async () => {
    const name = freshSchemaName();
    const plain = postgresStorage({ connectionString, schema: name });
    try {
      await plain.init({ version: 1, models: { event: { fields } } });
      for (const id of ['old-b', 'old-a', 'old-c']) await plain.create({ model: 'event', data: { id, office: 'o1', n: 0 } });
      await plain.init(schema);
      expect(plain.capabilities.feed).toBe(true);
      await plain.create({ model: 'event', data: { id: 'new', office: 'o1', n: 0 } });
      const { entries } = await readOn(plain, null, 4);
      expect(ids(entries)).toStrictEqual(['old-b', 'old-a', 'old-c', 'new']);
      expect(entries.slice(0, 3).map((entry) => entry.position.split(':')[0])).toStrictEqual(['0', '0', '0']);
      expect(entries.map((entry) => Object.keys(entry.row).sort())).toStrictEqual(Array.from({ length: 4 }, () => ['id', 'n', 'office']));
      await plain.init(schema);
      expect(await readFeed(plain, { after: entries[1]?.position ?? null, limit: 10 }).then(ids)).toStrictEqual(['old-c', 'new']);
    } finally {
      await plain.close?.();
      await dropSchema(name);
    }
  });

  it('reads through the (xid, seq) index rather than sorting the table', async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schemaName}"`);
      // On a table this small the planner may prefer a sort; forbidding it shows the index serves the order.
      await client.query('SET enable_seqscan = off');
      await client.query('SET enable_sort = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT * FROM "event" WHERE "_feed_xid" < (SELECT pg_snapshot_xmin(pg_current_snapshot())) AND ("_feed_xid", "_feed_seq") > ('0'::xid8, 0::bigint) ORDER BY "_feed_xid", "_feed_seq" LIMIT 100`
      );
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toContain('Index Scan using kc_feed_event');
      expect(text, 'the horizon and the position must both be index conditions').toMatch(/Index Cond: \(\(_feed_xid < .+\) AND \(ROW\(_feed_xid, _feed_seq\) > /);
      expect(text).not.toMatch(/\bSort\b/);
    } finally {
      await client.end();
    }
  });
});
