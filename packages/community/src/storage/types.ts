/**
 * The storage adapter contract.
 *
 * Deliberately small and generic: the core owns the schema, every type conversion and
 * tenant scoping (each query it sends names the office), so an adapter only has to move rows
 * faithfully. Prove an adapter with `testStorageAdapter` from `@kechuang/testing`.
 */

/** The value types a field may hold. Adapters convert them to and from their native types. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'json';

/** A JSON value, as stored in `json` fields. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value in a row: `date` fields hold `Date`, `json` fields hold any {@link JsonValue}. */
export type FieldValue = string | number | boolean | Date | null | JsonValue;

/** A stored record: field name → value. Every model has a string `id`. */
export type Row = Record<string, FieldValue>;

/** One field of a model. */
export interface FieldDefinition {
  /** What the field holds: `string`, `number`, `boolean`, `date` or `json`. */
  type: FieldType;
  /** Whether null is allowed. @default false */
  nullable?: boolean;
}

/** One model (table) of the schema. */
export interface ModelDefinition {
  /** Field name → definition; `id` (string) must be among them. */
  fields: Record<string, FieldDefinition>;
  /**
   * Sets of fields whose values must be unique together. As in SQL, a row with a null in any
   * of the fields takes no part in the constraint.
   */
  unique?: {
    /** The constraint's or index's name, unique in the model. */
    name: string;
    /** The fields, in order. */
    fields: string[];
  }[];
  /** Secondary indexes that serve the core's list queries; SQL adapters create them. */
  indexes?: {
    /** The constraint's or index's name, unique in the model. */
    name: string;
    /** The fields, in order. */
    fields: string[];
  }[];
  /**
   * Rows are append-only and can be read back in commit order with
   * {@link StorageAdapter.readFeed}. The core only creates rows of such a model (deleting old
   * ones, e.g. for retention, is allowed: positions are never handed out again). SQL adapters
   * keep the order in hidden columns that no operation returns.
   * @default false
   */
  feed?: boolean;
}

/** The whole schema the core hands an adapter: model name → definition. */
export interface StorageSchema {
  /** Raised whenever the models or fields change, so SQL adapters can migrate. */
  version: number;
  /** The models, by name. */
  models: Record<string, ModelDefinition>;
}

/** The comparison operators every adapter must support. */
export type WhereOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'starts_with'
  | 'is_null'
  | 'is_not_null';

/**
 * One condition on a field. `eq` is the default operator. `in`/`not_in` take an array (an
 * empty `in` matches nothing, an empty `not_in` matches everything); `is_null`/`is_not_null`
 * take no value; `contains`/`starts_with` match strings case-sensitively.
 * Comparing with `eq`/`ne` against null is not allowed: use `is_null`/`is_not_null`.
 */
export interface WhereCondition {
  /** The field tested. */
  field: string;
  /** The operator. @default 'eq' */
  op?: WhereOperator;
  /** The value compared with: an array for `in`/`not_in`, nothing for `is_null`/`is_not_null`. */
  value?: FieldValue | readonly FieldValue[];
}

/** A group of conditions of which at least one must hold. */
export interface WhereOrGroup {
  /** The alternatives; an empty list matches nothing. */
  or: readonly WhereCondition[];
}

/** Conditions and OR groups, all of which must hold (AND). An empty list matches every row. */
export type Where = readonly (WhereCondition | WhereOrGroup)[];

/**
 * One ordering term. Strings order by Unicode code point (SQL `COLLATE "C"` / SQLite
 * `BINARY`), numbers numerically, dates by time, booleans false before true. Where nulls sort
 * is not specified: the core never orders by a nullable field.
 */
export interface OrderBy {
  /** The field ordered by. */
  field: string;
  /** Ascending or descending. @default 'asc' */
  direction?: 'asc' | 'desc';
}

/**
 * A keyset position: the values of the ordering fields of the last row already seen, in
 * the same order as `orderBy`. Ordering fields used with a cursor must not be nullable, and
 * the last ordering term must be unique (the core always ends with `id`).
 */
export type KeysetCursor = readonly FieldValue[];

/** Arguments of {@link StorageAdapter.findMany}. */
export interface FindManyArgs {
  /** The model to read. */
  model: string;
  /** Which rows. @default [] (every row) */
  where?: Where;
  /** The order; without it the order is unspecified. */
  orderBy?: readonly OrderBy[];
  /** Return only rows strictly after this position in `orderBy` order. */
  after?: KeysetCursor;
  /** The most rows to return; all when absent. */
  limit?: number;
  /** Skip the first `offset` matching rows (prefer `after` for paging). */
  offset?: number;
}

/** What an adapter can do beyond the required contract. */
export interface StorageCapabilities {
  /** Real atomic transactions with rollback. The core refuses to run without them. */
  transactions: boolean;
  /** `aggregate()` is implemented: counts, conditional counts and percentiles, grouped, in the database. */
  aggregate: boolean;
  /**
   * Concurrent claims never wait for one another: a claim skips rows that another open claim
   * or transaction has locked (`FOR UPDATE SKIP LOCKED`) instead of queueing behind it.
   * Informational, and only meaningful with {@link claim}; adapters that serialise every
   * write (SQLite, memory) report false, since there is nothing to skip.
   */
  skipLocked: boolean;
  /** `UPDATE … RETURNING` in one round trip. Informational: `update` must return the row either way. */
  returning: boolean;
  /**
   * `claim()` is implemented: atomically taking up to n matching rows that no concurrent
   * claimer takes too. Optional so that adapters written before it keep compiling; absent
   * means false, and the core then leases rows with guarded updates instead.
   * @default false
   */
  claim?: boolean;
  /**
   * `readFeed()` is implemented: rows of models with `feed: true` can be tailed in commit
   * order, exactly once, from any number of readers.
   * @default false
   */
  feed?: boolean;
}

/**
 * A nearest-rank percentile of a number field over a group's rows where the field is not null:
 * with those n values in ascending order, the value at 1-based position ⌈n × permille / 1000⌉
 * (integer arithmetic, so every adapter lands on the same row); null when n is 0.
 */
export interface AggregatePercentile {
  /** A `number` field. */
  field: string;
  /** The percentile in thousandths: 500 is the median, 900 the 90th percentile; an integer from 1 to 1000. */
  permille: number;
}

/**
 * Arguments of {@link StorageAdapter.aggregate}: count the rows matching `where`, grouped by
 * fields, and optionally how many rows of each group also match further conditions and
 * percentiles of number fields.
 */
export interface AggregateArgs {
  /** The model to count. */
  model: string;
  /** Which rows. @default [] (every row) */
  where?: Where;
  /** The fields to group by; empty for one group over every matching row. */
  groupBy: readonly string[];
  /**
   * Named conditional counts: for each name, how many rows of the group also match that
   * where-clause (SQL `count(CASE WHEN … THEN 1 END)`). An empty clause counts every row.
   * @default {}
   */
  counts?: Readonly<Record<string, Where>>;
  /** Named nearest-rank percentiles, per group. @default {} */
  percentiles?: Readonly<Record<string, AggregatePercentile>>;
}

/**
 * One group of an {@link AggregateArgs aggregate}: the grouping values, the number of rows, and
 * the conditional counts and percentiles asked for, under their names.
 */
export interface AggregateGroup {
  /** The group's values of the `groupBy` fields. */
  group: Row;
  /** How many rows the group has. */
  count: number;
  /** One entry per name in `counts`. */
  counts: Record<string, number>;
  /** One entry per name in `percentiles`; null where the group has no non-null value. */
  percentiles: Record<string, number | null>;
}

/**
 * Arguments of {@link StorageOperations.claim}: take up to `limit` rows matching `where`, in
 * `orderBy` order, and change each with `set` and `increment`.
 */
export interface ClaimArgs {
  /** The model to claim rows of. */
  model: string;
  /** Which rows may be claimed. Make `set`/`increment` take a claimed row out of it, or later claims take it again. */
  where: Where;
  /** Which matching rows are taken first; end it with `id` for a deterministic order. */
  orderBy: readonly OrderBy[];
  /** The most rows to take: a non-negative integer. */
  limit: number;
  /** Field values written to every claimed row (checked like `update` data; never `id`). */
  set?: Row;
  /**
   * Non-nullable number fields raised by one on every claimed row, e.g. `version`,
   * `attempts`; none may also be in `set`.
   */
  increment?: readonly string[];
}

/**
 * Arguments of {@link StorageAdapter.readFeed}.
 *
 * @example
 * ```ts
 * const args: ReadFeedArgs = { model: 'timeline_entry', where: [{ field: 'officeId', value: 'o1' }], after: lastPosition, limit: 100 };
 * ```
 */
export interface ReadFeedArgs {
  /** A model with `feed: true`. */
  model: string;
  /** Which rows to return; positions still follow the model's one global order. @default [] */
  where?: Where;
  /**
   * A position from an earlier call (of any `where`) on the same model and database, or
   * null/absent to read from the beginning.
   */
  after?: string | null;
  /** The most rows to return: an integer from 1 to 1000. */
  limit: number;
}

/** One row of a feed and its position. */
export interface FeedEntry {
  /**
   * Where the row stands in the model's feed: an opaque, short (at most 64 characters) ASCII
   * string without whitespace, e.g. `"42"` or `"1234:98"`. Fit for an SSE `id:` line; hand it
   * back as `after` to read on. The same row has the same position in every read.
   */
  position: string;
  /** The row, exactly as `findOne` returns it (no hidden columns). */
  row: Row;
}

/** The operations available inside and outside a transaction. */
export interface StorageOperations {
  /** Inserts a row; returns it as stored. A unique violation throws `UNIQUE_VIOLATION`. */
  create(args: { model: string; data: Row }): Promise<Row>;
  /**
   * Inserts several rows of one model, all or none (as one statement where the database
   * allows), and returns them as stored, in order. Optional: the core falls back to `create`
   * per row. A unique violation throws `UNIQUE_VIOLATION` and inserts nothing.
   */
  createMany?(args: { model: string; data: readonly Row[] }): Promise<Row[]>;
  /** The first row matching `where`, or null. */
  findOne(args: { model: string; where: Where }): Promise<Row | null>;
  /** Rows matching `where`, ordered and paged. Without `orderBy` the order is unspecified. */
  findMany(args: FindManyArgs): Promise<Row[]>;
  /** How many rows match `where`. */
  count(args: { model: string; where?: Where }): Promise<number>;
  /**
   * A guarded single-row update: `where` both selects the row and states the condition it must
   * still meet (e.g. `id = ? AND version = ?`). Returns the updated row, or null when no row
   * matched. If more than one row matches, the adapter must throw `STORAGE_ERROR`.
   * A unique violation throws `UNIQUE_VIOLATION` and changes nothing.
   */
  update(args: { model: string; where: Where; data: Row }): Promise<Row | null>;
  /** Deletes every row matching `where`; returns how many. */
  delete(args: { model: string; where: Where }): Promise<number>;
  /**
   * Counts, conditional counts and percentiles grouped by fields, in no particular order.
   * Without `groupBy` there is exactly one group, even over no rows; with it,
   * only groups that have rows. Only when `capabilities.aggregate` is true: the core then pushes
   * its metrics down to the database, and computes them from `findMany` rows otherwise.
   */
  aggregate?(args: AggregateArgs): Promise<AggregateGroup[]>;
  /**
   * Atomically takes up to `limit` rows matching `where`, in `orderBy` order, skipping rows a
   * concurrent claim is taking, applies `set` and `increment` to each, and returns the updated
   * rows in `orderBy` order (an empty array when nothing matches). Concurrent claims never
   * return the same row. On the adapter itself a claim is its own transaction, committed
   * when it returns, so no lock outlives the call; on `tx` it commits or rolls back with the
   * transaction. Bad arguments throw `STORAGE_ERROR`, a unique violation `UNIQUE_VIOLATION`.
   * Only when `capabilities.claim` is true.
   */
  claim?(args: ClaimArgs): Promise<Row[]>;
}

/**
 * A storage adapter.
 *
 * @example
 * ```ts
 * import { createCommunity, memoryStorage } from '@kechuang/community';
 * const community = createCommunity({ storage: memoryStorage() });
 * ```
 */
export interface StorageAdapter extends StorageOperations {
  /** A short name for messages, e.g. `memory`, `sqlite`. */
  readonly id: string;
  /** What the adapter can do beyond the required contract. */
  readonly capabilities: StorageCapabilities;
  /**
   * Called once by the core before first use with the full schema (plugin models included).
   * SQL adapters create or migrate tables here. Calling it again with the same schema is a no-op.
   */
  init(schema: StorageSchema): Promise<void>;
  /**
   * Runs `fn` atomically: every operation on `tx` commits together when `fn` resolves and
   * none does when it throws (the error is re-thrown). Operations inside must use `tx`, never
   * the adapter itself. An operation that fails inside `fn` (e.g. UNIQUE_VIOLATION) leaves the
   * transaction unusable on some databases, so the core lets such errors end the transaction
   * rather than catching them inside `fn`.
   */
  transaction<T>(fn: (tx: StorageOperations) => Promise<T>): Promise<T>;
  /**
   * Reads the committed rows of a `feed: true` model in commit order, strictly after the
   * position `after`, at most `limit` of them, each with its position. Only when
   * `capabilities.feed` is true; adapter-level only (never on `tx`, and not from inside a
   * transaction callback).
   *
   * Calling it again and again, each time with the position of the last entry returned (or the
   * same `after` when nothing came back), returns every committed row matching `where` exactly
   * once, in one total order, even when transactions commit in another order than the one in
   * which they started or wrote:
   *
   * - rows of a transaction that rolls back never appear;
   * - a row of a transaction still open is held back, and with it everything ordered after it,
   *   so a reader never moves past a row that may still commit; a read may therefore return
   *   fewer rows than exist, or none, and the rest comes in later calls;
   * - a transaction's rows come in the order it wrote them, and a transaction that started
   *   after another committed comes after it;
   * - `where` only filters: the order and the positions are one order per model, so the same row
   *   has the same position whichever `where` read it, and a position from one `where` resumes
   *   another;
   * - a deleted row is not returned; positions are never handed out again.
   *
   * How long a row is held back depends on the adapter: on memory and SQLite, until it commits.
   * On PostgreSQL, until every transaction that was open when the row's transaction took its
   * id has finished, so a long-running or idle-in-transaction session anywhere on the server
   * (any database) delays the feed for as long as it stays open; it never loses rows.
   *
   * Errors: a model without `feed: true`, an unknown model, a bad `where` or a `limit` outside
   * 1..1000 throw `STORAGE_ERROR`; an `after` that is not a position of this adapter throws
   * `INVALID_CURSOR` (start again from the beginning with null).
   *
   * @example Tailing a feed
   * ```ts
   * let after: string | null = null;
   * for (;;) {
   *   const entries = await storage.readFeed({ model: 'timeline_entry', where: [{ field: 'officeId', value: officeId }], after, limit: 100 });
   *   for (const { position, row } of entries) send(position, row);
   *   after = entries.at(-1)?.position ?? after;
   *   if (entries.length === 0) await sleep(500);
   * }
   * ```
   */
  readFeed?(args: ReadFeedArgs): Promise<FeedEntry[]>;
  /**
   * Where to start tailing a feed from now: a position such that `readFeed` after it returns
   * the rows committed after this call and none committed before — except that, where
   * transactions run side by side (PostgreSQL), rows of transactions still open, or committed
   * while an older one was still open, come after it rather than being lost. Costs no scan
   * of the feed. Only when `capabilities.feed` is true; a model without `feed: true` throws
   * STORAGE_ERROR.
   *
   * @example
   * ```ts
   * let after = await storage.feedEnd!({ model: 'timeline_entry' });
   * const fresh = await storage.readFeed!({ model: 'timeline_entry', after, limit: 100 });
   * ```
   */
  feedEnd?(args: { model: string }): Promise<string>;
  /** Releases connections. */
  close?(): Promise<void>;
}

/** Type guard: whether a where-entry is an OR group. */
export function isOrGroup(entry: WhereCondition | WhereOrGroup): entry is WhereOrGroup {
  return 'or' in entry;
}
