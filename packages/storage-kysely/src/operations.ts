import type { QueryExecutorProvider } from 'kysely';
import { KechuangError } from '@kechuang/community';
import type { FindManyArgs, Row, StorageOperations, StorageSchema, Where } from '@kechuang/community';
import { checkCount, isOrGroup, checkOrdering, checkWhere, modelOf, prepareCreateRow, prepareUpdatePatch } from '@kechuang/community';
import { storageError } from './storage-error.js';
import { createAggregate } from './aggregate.js';
import { createClaim, type RunStatement } from './claim.js';
import { allocateFeedPositions, feedStrategy } from './feed-columns.js';
import type { SqlDialectDescription } from './dialect.js';
import { afterSql, col, decodeRow, orderSql, param, tableMap, whereSql, type TableMap } from './query-sql.js';
import { execute, ident, type SqlText } from './sql-text.js';

/** What the operations need: the schema, the dialect, and a way to run a guarded update atomically. */
export interface OperationContext {
  schema(): StorageSchema;
  dialect: SqlDialectDescription;
  /** Runs `fn` so that its statements are atomic: directly inside a transaction, else in a new one. */
  atomic<T>(fn: (db: QueryExecutorProvider) => Promise<T>): Promise<T>;
}

function mapError(error: unknown, dialect: SqlDialectDescription, map: TableMap): unknown {
  if (error instanceof KechuangError) return error;
  if (!dialect.isUniqueViolation(error)) {
    // Every driver failure leaves the adapter typed, with the driver's error as the cause.
    const message = error instanceof Error ? error.message : String(error);
    return storageError(`The database refused an operation on "${map.model}": ${message}`, { model: map.model }, error);
  }
  const byColumn = Object.fromEntries(Object.entries(map.columns).map(([field, column]) => [column, field]));
  const columns = dialect.violatedColumns?.(error);
  let fields = columns?.map((column) => byColumn[column] ?? column);
  if (!fields) {
    const name = dialect.uniqueConstraintName?.(error);
    fields = name === `${map.table}_pkey` ? ['id'] : (map.definition.unique ?? []).find((u) => u.name === name)?.fields ?? [];
  }
  return new KechuangError(
    'UNIQUE_VIOLATION',
    `A "${map.model}" row with the same ${fields.join(' + ') || 'unique values'} already exists.`,
    { model: map.model, fields },
    { cause: error }
  );
}

/** Whether `where` pins the primary key with a top-level `id = value`. */
function selectsById(where: Where): boolean {
  return where.some((entry) => !isOrGroup(entry) && entry.field === 'id' && (entry.op ?? 'eq') === 'eq');
}

/** Runs statements on `db` (or the executor given), turning driver errors into the contract's. */
export function createRunner(dialect: SqlDialectDescription, db: QueryExecutorProvider): RunStatement {
  return async <R>(map: TableMap, build: (q: SqlText) => string, on = db) => {
    try {
      return await execute<R>(on, dialect, build);
    } catch (error) {
      throw mapError(error, dialect, map);
    }
  };
}

/** The storage operations over one executor (the root Kysely instance or a transaction). */
export function createOperations(ctx: OperationContext, db: QueryExecutorProvider): StorageOperations {
  const { dialect } = ctx;
  const mapOf = (model: string): TableMap => tableMap(model, modelOf(ctx.schema(), model));
  const checked = (map: TableMap, w: Where | undefined): Where => {
    checkWhere(map.model, map.definition, w ?? []);
    return w ?? [];
  };
  const run = createRunner(dialect, db);
  const columns = (map: TableMap, fields: readonly string[]): string => fields.map((f) => col(map, f)).join(', ');
  // `position`: the row's place in a SQLite feed, in the hidden last column.
  const values = (q: SqlText, map: TableMap, fields: readonly string[], row: Row, position?: number): string =>
    `(${fields.map((f) => param(q, map, f, row[f] ?? null)).join(', ')}${position === undefined ? '' : `, ${q.bindInteger(position)}`})`;
  // Feeds kept by a counter take positions in the inserting transaction: the insert and the
  // counter change run together (`first` is the position of the first row), all or none.
  // `within`: an executor that is already atomic (the caller's ctx.atomic), so none is opened.
  const withPositions = async (
    map: TableMap,
    count: number,
    insert: (on: QueryExecutorProvider, first?: number) => Promise<unknown>,
    within?: QueryExecutorProvider
  ): Promise<void> => {
    if (feedStrategy(dialect, map) !== 'sqlite') await insert(within ?? db);
    else if (within) await insert(within, await allocateFeedPositions(run, map, count, within));
    else await ctx.atomic(async (tx) => insert(tx, await allocateFeedPositions(run, map, count, tx)));
  };
  const insertColumns = (map: TableMap, fields: readonly string[], first: number | undefined): string =>
    `${columns(map, fields)}${first === undefined ? '' : ', "_feed"'}`;
  const sets = (q: SqlText, map: TableMap, patch: Row): string =>
    Object.keys(patch)
      .map((f) => `${col(map, f)} = ${param(q, map, f, patch[f] ?? null)}`)
      .join(', ');

  async function findMany(args: FindManyArgs): Promise<Row[]> {
    const map = mapOf(args.model);
    const orderBy = args.orderBy ?? [];
    checkOrdering(map.model, map.definition, orderBy, args.after);
    checkCount(map.model, 'limit', args.limit);
    checkCount(map.model, 'offset', args.offset);
    const w = checked(map, args.where);
    const { after, limit, offset } = args;
    const result = await run<Record<string, unknown>>(map, (q) => {
      let text = `SELECT * FROM ${ident(map.table)} WHERE ${whereSql(q, map, w)}`;
      if (after) text += ` AND ${afterSql(q, map, orderBy, after)}`;
      text += orderSql(map, orderBy);
      // An OFFSET needs a LIMIT before it, and databases spell "no limit" differently (-1, ALL):
      // a limit no table reaches works on all of them.
      if (limit !== undefined) text += ` LIMIT ${q.bindInteger(limit)}`;
      else if (offset) text += ` LIMIT ${q.bindInteger(Number.MAX_SAFE_INTEGER)}`;
      if (offset) text += ` OFFSET ${q.bindInteger(offset)}`;
      return text;
    });
    return result.rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function create({ model, data: input }: { model: string; data: Row }): Promise<Row> {
    const map = mapOf(model);
    const data = prepareCreateRow(model, map.definition, input);
    const fields = Object.keys(map.definition.fields);
    await withPositions(map, 1, (on, first) =>
      run(map, (q) => `INSERT INTO ${ident(map.table)} (${insertColumns(map, fields, first)}) VALUES ${values(q, map, fields, data, first)}`, on)
    );
    // The stored row is the checked input: every conversion the adapter makes round-trips
    // exactly, so reading it back (RETURNING) would only cost a decode. `data` is already the
    // checks' deep copy, shared with no caller.
    return data;
  }

  async function createMany({ model, data: inputs }: { model: string; data: readonly Row[] }): Promise<Row[]> {
    const map = mapOf(model);
    if (!Array.isArray(inputs)) throw storageError(`createMany on "${model}" needs an array of rows.`, { model });
    const rows = inputs.map((input) => prepareCreateRow(model, map.definition, input));
    if (rows.length === 0) return [];
    const fields = Object.keys(map.definition.fields);
    // Keep each statement well inside the databases' bound-parameter limits (SQLite 32766, PostgreSQL 65535).
    const perStatement = Math.max(1, Math.min(500, Math.floor(30_000 / fields.length)));
    const insert = (offset: number, chunk: readonly Row[], on: QueryExecutorProvider, first?: number) =>
      run(
        map,
        (q) =>
          `INSERT INTO ${ident(map.table)} (${insertColumns(map, fields, first)}) VALUES ${chunk
            .map((row, i) => values(q, map, fields, row, first === undefined ? undefined : first + offset + i))
            .join(', ')}`,
        on
      );
    if (rows.length <= perStatement) await withPositions(map, rows.length, (on, first) => insert(0, rows, on, first));
    else {
      await ctx.atomic((tx) =>
        withPositions(
          map,
          rows.length,
          async (on, first) => {
            for (let i = 0; i < rows.length; i += perStatement) await insert(i, rows.slice(i, i + perStatement), on, first);
          },
          tx
        )
      );
    }
    // As for create: the checked copies are what was stored.
    return rows;
  }

  async function update({ model, where: input, data: patch }: { model: string; where: Where; data: Row }): Promise<Row | null> {
    const map = mapOf(model);
    const data = prepareUpdatePatch(model, map.definition, patch);
    const w = checked(map, input);
    const changes = Object.keys(data).length > 0;
    if (dialect.returning && changes && selectsById(w)) {
      // The primary key picks at most one row, so one UPDATE … RETURNING is the whole
      // guarded update: no row back means the guard did not hold.
      const updated = await run<Record<string, unknown>>(
        map,
        (q) => `UPDATE ${ident(map.table)} SET ${sets(q, map, data)} WHERE ${whereSql(q, map, w)} RETURNING *`
      );
      const raw = updated.rows[0];
      return raw ? decodeRow(dialect, map, raw) : null;
    }
    const id = col(map, 'id');
    return ctx.atomic(async (on) => {
      const matched = await run<{ id: unknown }>(map, (q) => `SELECT ${id} AS id FROM ${ident(map.table)} WHERE ${whereSql(q, map, w)} LIMIT 2`, on);
      if (matched.rows.length > 1) {
        throw storageError(`update on "${model}" matched more than one row; a guarded update must select exactly one (add the id).`, { model });
      }
      const key = matched.rows[0]?.id;
      if (key === undefined) return null;
      if (changes) {
        const returning = dialect.returning ? ' RETURNING *' : '';
        const updated = await run<Record<string, unknown>>(
          map,
          (q) => `UPDATE ${ident(map.table)} SET ${sets(q, map, data)} WHERE ${id} = ${q.bind(key)} AND ${whereSql(q, map, w)}${returning}`,
          on
        );
        if (dialect.returning) {
          const raw = updated.rows[0];
          return raw ? decodeRow(dialect, map, raw) : null;
        }
        // A concurrent writer changed the row between the SELECT and the UPDATE: the guard lost.
        if (updated.numAffectedRows === 0n) return null;
      }
      const reread = await run<Record<string, unknown>>(map, (q) => `SELECT * FROM ${ident(map.table)} WHERE ${id} = ${q.bind(key)}`, on);
      const raw = reread.rows[0];
      return raw ? decodeRow(dialect, map, raw) : null;
    });
  }

  return {
    create,
    createMany,
    findOne: async ({ model, where: w }) => (await findMany({ model, where: w, limit: 1 }))[0] ?? null,
    findMany,
    count: async ({ model, where: input }) => {
      const map = mapOf(model);
      const w = checked(map, input);
      const result = await run<{ n: unknown }>(map, (q) => `SELECT count(*) AS n FROM ${ident(map.table)} WHERE ${whereSql(q, map, w)}`);
      return Number(result.rows[0]?.n ?? 0);
    },
    update,
    delete: async ({ model, where: input }) => {
      const map = mapOf(model);
      const w = checked(map, input);
      const result = await run(map, (q) => `DELETE FROM ${ident(map.table)} WHERE ${whereSql(q, map, w)}`);
      return Number(result.numAffectedRows ?? 0n);
    },
    aggregate: createAggregate(dialect, mapOf, run),
    claim: createClaim(ctx, db, run),
  };
}
