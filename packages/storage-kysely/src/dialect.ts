import type { FieldType, FieldValue, JsonValue } from '@kechuang/community';

/**
 * What the adapter needs to know about a SQL database beyond what Kysely abstracts. `sqlite`
 * and `postgres` are built in ({@link sqliteDialect}, {@link postgresDialect}); describe any
 * other database with an object of this shape.
 *
 * @example MariaDB
 * MariaDB has no `UPDATE … RETURNING`. Run it with `sql_mode` including `ANSI_QUOTES`, since
 * the adapter quotes names with double quotes.
 * ```ts
 * const mariadb: SqlDialectDescription = {
 *   name: 'mariadb',
 *   returning: false,
 *   skipLocked: true,
 *   serialize: false,
 *   columnType: (type) => ({ string: 'VARCHAR(255) COLLATE utf8mb4_bin', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATETIME(3)', json: 'LONGTEXT' })[type],
 *   encode: (type, value) => (type === 'json' ? JSON.stringify(value) : value),
 *   decode: (type, raw) => (type === 'json' ? JSON.parse(String(raw)) : type === 'boolean' ? Boolean(raw) : type === 'date' ? new Date(raw as string) : (raw as FieldValue)),
 *   textMatch: 'like',
 *   partialIndexes: false,
 *   isUniqueViolation: (error) => (error as { errno?: number }).errno === 1062,
 *   listColumnsSql: 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
 * };
 * ```
 */
export interface SqlDialectDescription {
  /** A short name, also the adapter's `id`, e.g. `sqlite`. */
  name: string;
  /** `UPDATE … RETURNING` / `INSERT … RETURNING` in one round trip. */
  returning: boolean;
  /**
   * `FOR UPDATE SKIP LOCKED` is available. `claim()` then locks the rows it takes and skips
   * rows other claims hold: in one `UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) … RETURNING`
   * (PostgreSQL syntax) when {@link returning} is true too, else as a locking select and an
   * update in one transaction. Without it, `claim()` relies on {@link serialize}, or falls back
   * to guarded updates.
   */
  skipLocked: boolean;
  /**
   * Whether the database has one connection that transactions must not interleave on
   * (SQLite): the adapter then runs transactions and root-handle operations one at a time.
   */
  serialize: boolean;
  /** The column type for a field type, including any collation that gives binary string order. */
  columnType(type: FieldType): string;
  /** A field value → the value bound as a parameter (never null: nulls are handled before). */
  encode(type: FieldType, value: Exclude<FieldValue, null>): unknown;
  /** A value read from the driver → the field value (never null). Converts by the schema's type. */
  decode(type: FieldType, raw: unknown): FieldValue;
  /** How `contains` and `starts_with` are written: `instr` (SQLite) or `like` (escaped, case-sensitive LIKE). */
  textMatch: 'instr' | 'like';
  /** Whether `error` from the driver is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * The columns a unique violation names, when the driver says (SQLite's message does); else
   * `undefined` and the constraint name from {@link uniqueConstraintName} is used.
   */
  violatedColumns?(error: unknown): string[] | undefined;
  /** The violated constraint's name, when the driver says (PostgreSQL's `constraint`). */
  uniqueConstraintName?(error: unknown): string | undefined;
  /**
   * SQL run first in the migration transaction to serialise concurrent `init()`s of app
   * instances sharing a database (PostgreSQL: a transaction-scoped advisory lock per schema).
   */
  migrationLockSql?: string;
  /**
   * The placeholder of the `index`-th bound parameter (from 1) in the SQL text the adapter
   * writes: `$1, $2, …` on PostgreSQL. Leave it out for positional `?` (SQLite, MySQL).
   */
  placeholder?(index: number): string;
  /** SQL listing a table's column names as rows with a `name` column; one `?` stands for the table name. */
  listColumnsSql: string;
  /**
   * Whether `CREATE UNIQUE INDEX … WHERE` (a partial index) is available; unique indexes then
   * leave out rows with a null in their fields, which take no part in the constraint anyway.
   * @default true
   */
  partialIndexes?: boolean;
  /**
   * How a grouping key is written in `GROUP BY` and `PARTITION BY` of aggregates. SQLite writes
   * `+"col"`: otherwise its planner reads a whole office through an index on the grouping
   * column (to get the groups presorted) instead of the month through the index of the
   * where-clause's range, about four times slower on a million rows.
   * @default the column itself
   */
  groupKey?(column: string): string;
  /**
   * How feeds keep their order ({@link FeedStrategy}); the adapter reports
   * `capabilities.feed` and implements `readFeed()` only when set.
   * @default undefined (no feeds: `feed: true` models are plain tables)
   */
  feed?: FeedStrategy;
}

/**
 * How a `feed: true` model's rows keep their commit order for `readFeed()`, in hidden columns
 * that no operation returns (reads decode the schema's fields only):
 *
 * - `'sqlite'`: `_feed INTEGER`, filled at insert time from a per-table counter in
 *   `kechuang_feed_counters`, raised in the inserting transaction. Correct only where the
 *   database holds one write lock from a transaction's first write to its commit (SQLite does,
 *   across processes too): positions are then handed out in commit order, and a reader never
 *   sees a gap that fills later. The counter only grows, so deleting rows (even the newest)
 *   never lets a position be handed out twice, as `max(_feed) + 1` or SQLite's rowid would.
 * - `'postgres'` (PostgreSQL 13 or later): `_feed_xid xid8 DEFAULT pg_current_xact_id()` (the
 *   writing transaction) and `_feed_seq bigserial` (the order within and across transactions).
 *   A reader takes only rows whose transaction is below its snapshot's xmin, so has finished,
 *   ordered by (xid, seq); any transaction that can still commit has an id at or above xmin.
 */
export type FeedStrategy = 'sqlite' | 'postgres';

function errorProp(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null && key in error ? (error as Record<string, unknown>)[key] : undefined;
}

function toDate(raw: unknown): Date {
  if (raw instanceof Date) return new Date(raw.getTime());
  if (typeof raw === 'number' || typeof raw === 'bigint') return new Date(Number(raw));
  return new Date(String(raw));
}

function toNumber(raw: unknown): number {
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`A number column returned ${String(raw)}, which is not a finite number.`);
  if (typeof raw !== 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new Error(`A number column returned ${String(raw)}, beyond the safe integer range.`);
  }
  return value;
}

/**
 * SQLite: strings as TEXT (BINARY collation: code point order, case-sensitive), numbers as
 * REAL, booleans as INTEGER 0/1, dates as INTEGER milliseconds since 1970 (UTC; exact, and
 * ordered numerically), JSON as TEXT (JSON.stringify / JSON.parse, only for `json` fields).
 */
export const sqliteDialect: SqlDialectDescription = {
  name: 'sqlite',
  returning: true,
  skipLocked: false,
  serialize: true,
  groupKey: (column) => `+${column}`,
  feed: 'sqlite',
  columnType: (type) => ({ string: 'TEXT', number: 'REAL', boolean: 'INTEGER', date: 'INTEGER', json: 'TEXT' })[type],
  encode(type, value) {
    if (type === 'boolean') return value ? 1 : 0;
    if (type === 'date') return (value as Date).getTime();
    if (type === 'json') return JSON.stringify(value);
    return value;
  },
  decode(type, raw) {
    switch (type) {
      case 'boolean':
        return raw === 1 || raw === 1n || raw === true;
      case 'date':
        return toDate(raw);
      case 'json':
        return JSON.parse(String(raw)) as JsonValue;
      case 'number':
        return toNumber(raw);
      case 'string':
        return String(raw);
    }
  },
  textMatch: 'instr',
  isUniqueViolation: (error) => {
    const code = errorProp(error, 'code');
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  violatedColumns(error) {
    const message = errorProp(error, 'message');
    const match = typeof message === 'string' ? /constraint failed: (.+)$/.exec(message) : null;
    return match?.[1]?.split(', ').map((qualified) => qualified.slice(qualified.indexOf('.') + 1));
  },
  listColumnsSql: 'SELECT name FROM pragma_table_info(?)',
};

/**
 * PostgreSQL: strings as `text COLLATE "C"` (code point order, case-sensitive comparisons),
 * numbers as `double precision`, booleans as `boolean`, dates as `timestamptz` (millisecond
 * values survive), JSON as `jsonb` (sent as JSON text; node-postgres parses it on the way out).
 */
export const postgresDialect: SqlDialectDescription = {
  name: 'postgres',
  returning: true,
  skipLocked: true,
  serialize: false,
  feed: 'postgres',
  columnType: (type) =>
    ({ string: 'text COLLATE "C"', number: 'double precision', boolean: 'boolean', date: 'timestamptz', json: 'jsonb' })[type],
  encode(type, value) {
    if (type === 'json') return JSON.stringify(value);
    if (type === 'date') return new Date((value as Date).getTime());
    return value;
  },
  decode(type, raw) {
    switch (type) {
      case 'boolean':
        return raw === true || raw === 't';
      case 'date':
        return toDate(raw);
      // node-postgres parses jsonb afresh for every row, so the value is already unshared; a
      // driver that returns text would need its own dialect.
      case 'json':
        return raw as JsonValue;
      case 'number':
        return toNumber(raw);
      case 'string':
        return String(raw);
    }
  },
  textMatch: 'like',
  placeholder: (index) => `$${index}`,
  isUniqueViolation: (error) => errorProp(error, 'code') === '23505',
  uniqueConstraintName: (error) => {
    const name = errorProp(error, 'constraint');
    return typeof name === 'string' ? name : undefined;
  },
  migrationLockSql: "SELECT pg_advisory_xact_lock(hashtext('kechuang_migrations:' || coalesce(current_schema(), '')))",
  listColumnsSql: 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
};

/** A built-in dialect by name, or the description given. */
export function resolveDialect(dialect: 'sqlite' | 'postgres' | SqlDialectDescription): SqlDialectDescription {
  if (dialect === 'sqlite') return sqliteDialect;
  if (dialect === 'postgres') return postgresDialect;
  return dialect;
}
