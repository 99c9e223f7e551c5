import type { QueryExecutorProvider } from 'kysely';
import type { RunStatement } from './claim.js';
import type { FeedStrategy, SqlDialectDescription } from './dialect.js';
import type { TableMap } from './query-sql.js';
import { ident, type SqlText } from './sql-text.js';
import { storageError } from './storage-error.js';

// The hidden columns of feed tables and their upkeep; how each strategy keeps commit order is
// told at FeedStrategy in dialect.ts.

/** The table of SQLite feed counters: one row per feed table, holding the last position handed out. */
export const FEED_COUNTERS_TABLE = 'kechuang_feed_counters';

/** The hidden columns of each strategy. */
export const FEED_COLUMNS: Record<FeedStrategy, readonly string[]> = {
  sqlite: ['_feed'],
  postgres: ['_feed_xid', '_feed_seq'],
};

/** The strategy that applies to `map`'s table, if its model is a feed and the dialect keeps feeds. */
export function feedStrategy(dialect: SqlDialectDescription, map: TableMap): FeedStrategy | undefined {
  return map.definition.feed ? dialect.feed : undefined;
}

/** The index that keeps a feed table's order. */
export function feedIndexName(map: TableMap): string {
  return `kc_feed_${map.table}`;
}

/**
 * Adds the hidden feed columns, their index and (SQLite) the table's counter. Rows that exist
 * before get positions ahead of every new row: on SQLite the next counter values in insertion
 * (rowid) order; on PostgreSQL transaction id 0 (finished long ago) and a sequence value in
 * physical order. Runs inside the migration transaction; idempotent.
 */
export async function migrateFeed(
  run: (build: (q: SqlText) => string) => Promise<unknown>,
  strategy: FeedStrategy,
  map: TableMap,
  present: ReadonlySet<string>
): Promise<void> {
  const table = ident(map.table);
  for (const hidden of FEED_COLUMNS[strategy]) {
    if (Object.values(map.columns).includes(hidden)) {
      throw storageError(
        `The feed model "${map.model}" has a field stored in the column "${hidden}", which the adapter keeps for the feed's order. Rename the field.`,
        { model: map.model }
      );
    }
  }
  if (strategy === 'sqlite') {
    const counters = ident(FEED_COUNTERS_TABLE);
    await run(() => `CREATE TABLE IF NOT EXISTS ${counters} ("table_name" TEXT PRIMARY KEY, "last" INTEGER NOT NULL)`);
    if (!present.has('_feed')) await run(() => `ALTER TABLE ${table} ADD COLUMN "_feed" INTEGER`);
    // Rows without a position (all of them when the column is new; rows written while the model
    // was not a feed) get the next ones, in rowid order, which is insertion order.
    await run(
      (q) =>
        `UPDATE ${table} SET "_feed" = kc_base.last + kc_rows.k FROM ` +
        `(SELECT rowid AS rid, row_number() OVER (ORDER BY rowid) AS k FROM ${table} WHERE "_feed" IS NULL) AS kc_rows, ` +
        `(SELECT coalesce((SELECT "last" FROM ${counters} WHERE "table_name" = ${q.bind(map.table)}), 0) AS last) AS kc_base ` +
        `WHERE ${table}.rowid = kc_rows.rid`
    );
    await run(() => `CREATE UNIQUE INDEX IF NOT EXISTS ${ident(feedIndexName(map))} ON ${table} ("_feed")`);
    // "WHERE true": SQLite needs it to tell an upsert's ON from a join's.
    await run(
      (q) =>
        `INSERT INTO ${counters} ("table_name", "last") SELECT ${q.bind(map.table)}, coalesce(max("_feed"), 0) FROM ${table} WHERE true ` +
        'ON CONFLICT ("table_name") DO UPDATE SET "last" = max("last", excluded."last")'
    );
    return;
  }
  if (!present.has('_feed_xid')) {
    // Existing rows get xid 0 without rewriting the table; only new rows take the writer's id.
    await run(() => `ALTER TABLE ${table} ADD COLUMN "_feed_xid" xid8 NOT NULL DEFAULT '0'`);
    await run(() => `ALTER TABLE ${table} ALTER COLUMN "_feed_xid" SET DEFAULT pg_current_xact_id()`);
  }
  if (!present.has('_feed_seq')) await run(() => `ALTER TABLE ${table} ADD COLUMN "_feed_seq" bigserial`);
  await run(() => `CREATE INDEX IF NOT EXISTS ${ident(feedIndexName(map))} ON ${table} ("_feed_xid", "_feed_seq")`);
}

/**
 * SQLite: takes the next `count` positions of `map`'s table from its counter, in the caller's
 * transaction (which holds the write lock from here to its commit), and returns the first.
 */
export async function allocateFeedPositions(run: RunStatement, map: TableMap, count: number, on: QueryExecutorProvider): Promise<number> {
  const result = await run<{ last: unknown }>(
    map,
    (q) => `UPDATE ${ident(FEED_COUNTERS_TABLE)} SET "last" = "last" + ${q.bindInteger(count)} WHERE "table_name" = ${q.bind(map.table)} RETURNING "last"`,
    on
  );
  const last = result.rows[0]?.last;
  if (last === undefined) {
    throw storageError(`The feed counter of "${map.model}" is missing. Run init() with the schema that declares the model feed: true.`, { model: map.model });
  }
  return Number(last) - count + 1;
}
