import { expect, it } from 'vitest';
import type { FeedEntry, ReadFeedArgs, Row } from '@kechuang/community';
import { expectKechuangError, shuffled, type ConformanceContext } from '../conformance-helpers.js';
import { FEED, RECORD } from '../conformance-schema.js';
import { entryIds, feedRow, pause, readFeedOf, readUntil } from '../feed-helpers.js';

/** Commits `batches` one after another, each in its own transaction; returns the ids in commit order. */
async function commitInOrder(ctx: ConformanceContext, batches: readonly (readonly Row[])[]): Promise<string[]> {
  const order: string[] = [];
  for (const batch of batches) {
    await ctx.adapter.transaction(async (tx) => {
      for (const data of batch) await tx.create({ model: FEED, data });
    });
    order.push(...batch.map((row) => String(row['id'])));
  }
  return order;
}

/** Batches of 1–3 rows whose ids do not sort in commit order, in scopes s1/s2. */
function batches(prefix: string, count: number, seed: number): Row[][] {
  const ids = shuffled(
    Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`),
    seed
  );
  const out: Row[][] = [];
  for (let i = 0; i < ids.length; ) {
    const size = 1 + (i % 3);
    out.push(ids.slice(i, i + size).map((id, j) => feedRow(id, (i + j) % 3 === 0 ? 's2' : 's1', i + j)));
    i += size;
  }
  return out;
}

/** readFeed(): every committed row exactly once, in commit order; runs only when capabilities.feed is true. */
export function feedCases(ctx: ConformanceContext): void {
  it('returns committed rows in commit order, each once, across pages of any size', async () => {
    const expected = await commitInOrder(ctx, batches('c', 14, 11));
    const positions = new Map<string, string>();
    for (const limit of [1, 2, 3, 5, 1000]) {
      const { entries, after } = await readUntil(ctx.adapter, { limit, expected: expected.length });
      expect(entryIds(entries), `paging with limit ${limit} must yield every row once, in commit order`).toStrictEqual(expected);
      expect(new Set(entries.map((entry) => entry.position)).size, 'positions must be distinct').toBe(entries.length);
      for (const { position, row } of entries) {
        const seen = positions.get(String(row['id']));
        if (seen !== undefined) expect(position, `row ${String(row['id'])} must keep its position from read to read`).toBe(seen);
        positions.set(String(row['id']), position);
      }
      expect(await readFeedOf(ctx.adapter)({ model: FEED, after, limit }), 'nothing may follow the last row').toStrictEqual([]);
    }
    const stored = await ctx.adapter.findOne({ model: FEED, where: [{ field: 'id', value: expected[0] ?? '' }] });
    const first = (await readFeedOf(ctx.adapter)({ model: FEED, limit: 1 }))[0];
    expect(first?.row, 'a feed row must be the row as findOne returns it').toStrictEqual(stored);
  });

  it('reads on from a position: only rows committed since, in the order they were written', async () => {
    const before = await commitInOrder(ctx, batches('a', 4, 3));
    const { after } = await readUntil(ctx.adapter, { limit: 10, expected: before.length });
    await ctx.adapter.create({ model: FEED, data: feedRow('late1') });
    await ctx.adapter.createMany?.({ model: FEED, data: [feedRow('late3'), feedRow('late2')] });
    await ctx.adapter.transaction(async (tx) => {
      await tx.create({ model: FEED, data: feedRow('late5') });
      await tx.create({ model: FEED, data: feedRow('late4') });
    });
    const expected = ctx.adapter.createMany ? ['late1', 'late3', 'late2', 'late5', 'late4'] : ['late1', 'late5', 'late4'];
    const { entries } = await readUntil(ctx.adapter, { after, limit: 2, expected: expected.length });
    expect(entryIds(entries)).toStrictEqual(expected);
  });

  it('applies where, and keeps the one order and the positions of the unfiltered feed', async () => {
    const order = await commitInOrder(ctx, batches('w', 12, 5));
    const all = (await readUntil(ctx.adapter, { limit: 1000, expected: order.length })).entries;
    const where = [{ field: 'scope', value: 's2' }];
    const s2 = all.filter((entry) => entry.row['scope'] === 's2');
    const filtered = (await readUntil(ctx.adapter, { where, limit: 2, expected: s2.length })).entries;
    expect(filtered, 'a filtered feed is the unfiltered one without the other rows, with the same positions').toStrictEqual(s2);
    // A position from the unfiltered feed resumes a filtered one at the same place.
    const middle = all[5] as FeedEntry;
    const resumed = (await readUntil(ctx.adapter, { where, after: middle.position, limit: 3, expected: s2.filter((e) => all.indexOf(e) > 5).length })).entries;
    expect(resumed).toStrictEqual(all.slice(6).filter((entry) => entry.row['scope'] === 's2'));
    const none = await readFeedOf(ctx.adapter)({ model: FEED, where: [{ field: 'scope', value: 'nowhere' }], limit: 5 });
    expect(none).toStrictEqual([]);
  });

  it('never returns rows of a transaction that rolled back, nor of a refused createMany', async () => {
    await ctx.adapter.create({ model: FEED, data: feedRow('kept1') });
    const failure = new Error('roll back');
    const caught = await ctx.adapter
      .transaction(async (tx) => {
        await tx.create({ model: FEED, data: feedRow('gone1') });
        await tx.create({ model: FEED, data: feedRow('gone2') });
        throw failure;
      })
      .catch((error: unknown) => error);
    expect(caught).toBe(failure);
    if (ctx.adapter.createMany) {
      await expectKechuangError(
        ctx.adapter.createMany({ model: FEED, data: [feedRow('gone3'), feedRow('kept1')] }),
        'UNIQUE_VIOLATION',
        'createMany repeating an existing id'
      );
    }
    await ctx.adapter.create({ model: FEED, data: feedRow('kept2') });
    const { entries, after } = await readUntil(ctx.adapter, { limit: 10, expected: 2 });
    expect(entryIds(entries)).toStrictEqual(['kept1', 'kept2']);
    expect(await readFeedOf(ctx.adapter)({ model: FEED, after, limit: 10 })).toStrictEqual([]);
  });

  it('holds back an open transaction, and whatever commits after it started writing, until it commits', async () => {
    await ctx.adapter.create({ model: FEED, data: feedRow('before') });
    const start = (await readUntil(ctx.adapter, { limit: 10, expected: 1 })).after;
    let wrote!: () => void;
    let release!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t1 = ctx.adapter.transaction(async (tx) => {
      await tx.create({ model: FEED, data: feedRow('a') });
      wrote();
      await gate;
    });
    await written;
    // Databases that run transactions side by side commit T2 while T1 is open; the others queue
    // T2 behind T1, so it is started but not awaited.
    const t2 = ctx.adapter.transaction(async (tx) => {
      await tx.create({ model: FEED, data: feedRow('b') });
    });
    const concurrent = ctx.capabilities.skipLocked;
    let before: FeedEntry[] | undefined;
    const early = (async () => {
      if (concurrent) await t2;
      return readFeedOf(ctx.adapter)({ model: FEED, after: start, limit: 10 });
    })();
    try {
      // Where reads wait for the open transaction (SQLite's single connection), this read can
      // only finish after T1; elsewhere it must not wait, and finishes while T1 is open.
      before = concurrent ? await early : await Promise.race([early, pause(200).then(() => undefined)]);
      if (before !== undefined) {
        expect(entryIds(before), 'while T1 is open, neither its row a nor b (written after a) may be read').toStrictEqual([]);
      }
    } finally {
      release();
      await Promise.all([t1, t2]);
    }
    const afterwards = before ?? (await early);
    const ids = entryIds(afterwards);
    if (ids.includes('b')) {
      expect(ids.indexOf('a'), 'a read returning b must return a before it').toBeGreaterThanOrEqual(0);
      expect(ids.indexOf('a')).toBeLessThan(ids.indexOf('b'));
    }
    const rest = await readUntil(ctx.adapter, { after: afterwards.at(-1)?.position ?? start, limit: 1, expected: 2 - afterwards.length });
    const all = [...ids, ...entryIds(rest.entries)];
    expect([...all].sort(), 'after T1 commits, reading on returns a and b, each exactly once').toStrictEqual(['a', 'b']);
    expect(await readFeedOf(ctx.adapter)({ model: FEED, after: rest.after, limit: 10 })).toStrictEqual([]);
  });

  it('skips deleted rows and never hands a position out again, even after deleting the newest rows', async () => {
    await commitInOrder(ctx, [[feedRow('d1')], [feedRow('d2')], [feedRow('d3')]]);
    const first = await readUntil(ctx.adapter, { limit: 10, expected: 3 });
    await ctx.adapter.delete({ model: FEED, where: [{ field: 'id', op: 'in', value: ['d2', 'd3'] }] });
    await ctx.adapter.create({ model: FEED, data: feedRow('d4') });
    const next = await readUntil(ctx.adapter, { after: first.after, limit: 10, expected: 1 });
    expect(entryIds(next.entries), 'a row created after the newest rows were deleted must still come after the reader').toStrictEqual(['d4']);
    const again = await readUntil(ctx.adapter, { limit: 10, expected: 2 });
    expect(entryIds(again.entries), 'deleted rows are not returned').toStrictEqual(['d1', 'd4']);
  });

  it('hides its order keeping: reads, updates, claims and aggregates return the schema fields only', async () => {
    await ctx.adapter.create({ model: FEED, data: feedRow('h1', 's1', 1) });
    await ctx.adapter.create({ model: FEED, data: feedRow('h2', 's2', 2) });
    const fields = ['at', 'id', 'n', 'scope'];
    const keys = (row: Row | null | undefined): string[] => Object.keys(row ?? {}).sort();
    expect(keys(await ctx.adapter.findOne({ model: FEED, where: [{ field: 'id', value: 'h1' }] }))).toStrictEqual(fields);
    for (const row of await ctx.adapter.findMany({ model: FEED, orderBy: [{ field: 'id' }] })) expect(keys(row)).toStrictEqual(fields);
    expect(keys(await ctx.adapter.update({ model: FEED, where: [{ field: 'id', value: 'h1' }], data: { n: 10 } }))).toStrictEqual(fields);
    if (ctx.capabilities.claim && ctx.adapter.claim) {
      const claimed = await ctx.adapter.claim({ model: FEED, where: [{ field: 'n', value: 2 }], orderBy: [{ field: 'id' }], limit: 5, set: { n: 20 } });
      expect(claimed.map(keys)).toStrictEqual([fields]);
    }
    if (ctx.capabilities.aggregate && ctx.adapter.aggregate) {
      const groups = await ctx.adapter.aggregate({ model: FEED, groupBy: ['scope'] });
      expect(groups.map((g) => [g.group['scope'], g.count]).sort()).toStrictEqual([['s1', 1], ['s2', 1]]);
    }
    expect(await ctx.adapter.count({ model: FEED })).toBe(2);
    for (const entry of (await readUntil(ctx.adapter, { limit: 10, expected: 2 })).entries) expect(keys(entry.row)).toStrictEqual(fields);
  });

  it('feedEnd: tailing from its position returns only rows committed after it', async () => {
    const feedEnd = ctx.adapter.feedEnd?.bind(ctx.adapter);
    if (!feedEnd) return expect(ctx.adapter.feedEnd, 'an adapter with capabilities.feed must implement feedEnd').toBeDefined();
    await commitInOrder(ctx, [[feedRow('e1')], [feedRow('e2'), feedRow('e3')]]);
    const end = await feedEnd({ model: FEED });
    expect(end, 'a position is a short string without whitespace').toMatch(/^\S{1,64}$/);
    expect(await readFeedOf(ctx.adapter)({ model: FEED, after: end, limit: 10 }), 'nothing committed before feedEnd follows it').toStrictEqual([]);
    await commitInOrder(ctx, [[feedRow('e4')], [feedRow('e5')]]);
    const { entries } = await readUntil(ctx.adapter, { after: end, limit: 1, expected: 2 });
    expect(entryIds(entries)).toStrictEqual(['e4', 'e5']);
    await expectKechuangError(feedEnd({ model: RECORD }), 'STORAGE_ERROR', 'feedEnd of a model without feed: true');
  });

  it('refuses a malformed position with INVALID_CURSOR', async () => {
    await ctx.adapter.create({ model: FEED, data: feedRow('x1') });
    const malformed: unknown[] = ['', ' ', 'not a position', 'abc:def', '-1', '1.5', '\n', '1\n', ' 1', '💥', '99999999999999999999999999999999:1:2', 42, {}, []];
    for (const after of malformed) {
      await expectKechuangError(
        readFeedOf(ctx.adapter)({ model: FEED, after: after as string, limit: 5 }),
        'INVALID_CURSOR',
        `readFeed with after = ${JSON.stringify(after)}`
      );
    }
  });

  it('refuses a model without feed: true, an unknown model, a bad where and a limit outside 1..1000 with STORAGE_ERROR', async () => {
    const bad: [string, ReadFeedArgs][] = [
      ['a model without feed: true', { model: RECORD, limit: 5 }],
      ['an unknown model', { model: 'kit_missing', limit: 5 }],
      ['an unknown field in where', { model: FEED, where: [{ field: 'nope', value: 1 }], limit: 5 }],
      ['a where value of the wrong type', { model: FEED, where: [{ field: 'n', value: 'one' }], limit: 5 }],
      ['limit 0', { model: FEED, limit: 0 }],
      ['limit 1001', { model: FEED, limit: 1001 }],
      ['a fractional limit', { model: FEED, limit: 1.5 }],
      ['no limit', { model: FEED } as ReadFeedArgs],
    ];
    for (const [what, args] of bad) await expectKechuangError(readFeedOf(ctx.adapter)(args), 'STORAGE_ERROR', `readFeed with ${what}`);
  });
}
