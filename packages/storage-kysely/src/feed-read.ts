import type { QueryExecutorProvider } from 'kysely';
import { checkWhere, KechuangError, modelOf } from '@kechuang/community';
import type { FeedEntry, ReadFeedArgs, StorageSchema } from '@kechuang/community';
import type { RunStatement } from './claim.js';
import type { FeedStrategy, SqlDialectDescription } from './dialect.js';
import { FEED_COUNTERS_TABLE, feedIndexName, feedStrategy } from './feed-columns.js';
import { decodeRow, tableMap, whereSql, type TableMap } from './query-sql.js';
import { ident, type SqlText } from './sql-text.js';
import { storageError } from './storage-error.js';

/** The most rows one `readFeed` call may ask for (the contract's bound). */
const MAX_LIMIT = 1000;
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

function invalidPosition(model: string, after: unknown): KechuangError {
  const shown = typeof after === 'string' ? JSON.stringify(after.slice(0, 40)) : `A ${typeof after}`;
  return new KechuangError(
    'INVALID_CURSOR',
    `${shown} is not a feed position of "${model}" in this storage. Pass a position readFeed() returned, or start again from the beginning with after: null.`,
    { model }
  );
}

/** A decimal integer without sign or leading zeros, at most `max`; else undefined. */
function decimal(text: string | undefined, max: bigint): bigint | undefined {
  if (text === undefined || !/^(0|[1-9]\d{0,19})$/.test(text)) return undefined;
  const value = BigInt(text);
  return value <= max ? value : undefined;
}

/** A parsed position: the values its SQL condition binds, or null for the beginning. */
type Position = readonly bigint[] | null;

/** SQLite positions are `"42"`; PostgreSQL ones `"<xid>:<seq>"`, e.g. `"1234:98"`. */
function parsePosition(strategy: FeedStrategy, model: string, after: unknown): Position {
  if (after === null || after === undefined) return null;
  if (typeof after === 'string') {
    if (strategy === 'sqlite') {
      const value = decimal(after, BigInt(Number.MAX_SAFE_INTEGER));
      if (value !== undefined) return [value];
    } else {
      const [xid, seq, extra] = after.split(':');
      const values = [decimal(xid, MAX_XID8), decimal(seq, MAX_BIGINT)];
      if (extra === undefined && values[0] !== undefined && values[1] !== undefined) return [values[0], values[1]];
    }
  }
  throw invalidPosition(model, after);
}

/** The statement reading one page of a feed. Fragments are written in text order, so placeholders number in the order they appear. */
function feedSql(q: SqlText, strategy: FeedStrategy, map: TableMap, args: ReadFeedArgs, after: Position): string {
  const table = ident(map.table);
  if (strategy === 'sqlite') {
    // Without ANALYZE statistics SQLite prefers an equality index (the office) and sorts what it
    // finds: every poll would read a whole office. The order index reads only what is new.
    return (
      `SELECT *, "_feed" AS kc_feed FROM ${table} INDEXED BY ${ident(feedIndexName(map))} WHERE ${whereSql(q, map, args.where)} AND ` +
      `${after === null ? '"_feed" IS NOT NULL' : `"_feed" > ${q.bind(after[0])}`} ORDER BY "_feed" LIMIT ${q.bindInteger(args.limit)}`
    );
  }
  // Every transaction below the snapshot's xmin has finished, and any that can still commit has
  // an id at or above it: rows below are final, so a reader never moves past one still to come.
  // The xmin is an InitPlan, computed once per statement from the statement's own snapshot.
  return (
    `SELECT *, "_feed_xid"::text AS kc_feed_xid, "_feed_seq"::text AS kc_feed_seq FROM ${table} ` +
    `WHERE ${whereSql(q, map, args.where)} AND "_feed_xid" < (SELECT pg_snapshot_xmin(pg_current_snapshot()))` +
    `${after === null ? '' : ` AND ("_feed_xid", "_feed_seq") > (${q.bind(String(after[0]))}::xid8, ${q.bind(String(after[1]))}::bigint)`}` +
    ` ORDER BY "_feed_xid", "_feed_seq" LIMIT ${q.bindInteger(args.limit)}`
  );
}

function positionOf(strategy: FeedStrategy, raw: Record<string, unknown>): string {
  return strategy === 'sqlite' ? String(raw['kc_feed']) : `${String(raw['kc_feed_xid'])}:${String(raw['kc_feed_seq'])}`;
}

/**
 * `readFeed()` of the SQL adapter, for dialects that keep feeds (see `FeedStrategy`): the
 * contract's checks, then one indexed statement per page.
 *
 * On PostgreSQL a row is delivered once its transaction is below the xmin of the reading
 * statement's snapshot: every transaction open anywhere on the server when the row's
 * transaction took its id must have finished first. A long-running or idle-in-transaction
 * session therefore holds the feed back for as long as it stays open (set
 * `idle_in_transaction_session_timeout`); it delays delivery and never loses a row.
 */
export function createReadFeed(
  dialect: SqlDialectDescription,
  schema: () => StorageSchema,
  db: QueryExecutorProvider,
  run: RunStatement
): (args: ReadFeedArgs) => Promise<FeedEntry[]> {
  return async (args) => {
    if (typeof args !== 'object' || args === null) throw storageError('readFeed() needs { model, where?, after?, limit }.');
    const { model, limit } = args;
    const map = tableMap(model, modelOf(schema(), model));
    const strategy = feedStrategy(dialect, map);
    if (!strategy) {
      throw storageError(
        `readFeed() only reads models declared with feed: true, and "${model}" is not one. Read it with findMany, or declare the model with feed: true.`,
        { model }
      );
    }
    checkWhere(model, map.definition, args.where ?? []);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw storageError(`readFeed() on "${model}" needs a limit that is an integer from 1 to ${MAX_LIMIT} (got ${String(limit)}).`, { model });
    }
    const after = parsePosition(strategy, model, args.after);
    const result = await run<Record<string, unknown>>(map, (q) => feedSql(q, strategy, map, args, after), db);
    return result.rows.map((raw) => ({ position: positionOf(strategy, raw), row: decodeRow(dialect, map, raw) }));
  };
}

/**
 * `feedEnd()` of the SQL adapter, without a scan. SQLite: the model's counter, the last
 * position handed out (a transaction's positions are taken under the write lock and commit with
 * it). PostgreSQL: just below the snapshot's xmin, so every row of a transaction that can still
 * commit, or committed above the xmin, comes after it.
 */
export function createFeedEnd(
  dialect: SqlDialectDescription,
  schema: () => StorageSchema,
  db: QueryExecutorProvider,
  run: RunStatement
): (args: { model: string }) => Promise<string> {
  return async (args) => {
    const model = typeof args === 'object' && args !== null ? args.model : undefined;
    const map = tableMap(String(model), modelOf(schema(), String(model)));
    const strategy = feedStrategy(dialect, map);
    if (!strategy) throw storageError(`feedEnd() only reads models declared with feed: true, and "${String(model)}" is not one.`, { model });
    if (strategy === 'sqlite') {
      const result = await run<{ last: number | bigint | null }>(map, (q) => `SELECT "last" FROM ${ident(FEED_COUNTERS_TABLE)} WHERE "table_name" = ${q.bind(map.table)}`, db);
      return String(result.rows[0]?.last ?? 0);
    }
    const result = await run<{ xmin: string }>(map, () => `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`, db);
    const xmin = BigInt(result.rows[0]?.xmin ?? '1');
    return `${xmin > 0n ? xmin - 1n : 0n}:${MAX_BIGINT}`;
  };
}
