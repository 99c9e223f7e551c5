import { sql, type QueryExecutorProvider } from 'kysely';
import { KechuangError } from '@kechuang/community';
import type { AggregateArgs, FieldValue, FindManyArgs, Row, StorageOperations, StorageSchema, Where } from '@kechuang/community';
import { checkCount, checkGroupBy, isOrGroup, checkOrdering, checkWhere, modelOf, prepareCreateRow, prepareUpdatePatch } from '@kechuang/community';
import { storageError } from './storage-error.js';
import { createClaim } from './claim.js';
import type { SqlDialectDescription } from './dialect.js';
import { afterSql, col, decodeRow, orderSql, param, tableMap, whereSql, type TableMap } from './query-sql.js';

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

/** The storage operations over one executor (the root Kysely instance or a transaction). */
export function createOperations(ctx: OperationContext, db: QueryExecutorProvider): StorageOperations {
  const { dialect } = ctx;
  const mapOf = (model: string): TableMap => tableMap(model, modelOf(ctx.schema(), model));
  const where = (map: TableMap, w: Where | undefined): ReturnType<typeof whereSql> => {
    checkWhere(map.model, map.definition, w ?? []);
    return whereSql(dialect, map, w);
  };
  const run = async <R>(map: TableMap, query: { execute(db: QueryExecutorProvider): Promise<{ rows: R[]; numAffectedRows?: bigint }> }, on = db) => {
    try {
      return await query.execute(on);
    } catch (error) {
      throw mapError(error, dialect, map);
    }
  };
  const select = (map: TableMap): ReturnType<typeof sql.table> => sql.table(map.table);

  async function findMany(args: FindManyArgs): Promise<Row[]> {
    const map = mapOf(args.model);
    const orderBy = args.orderBy ?? [];
    checkOrdering(map.model, map.definition, orderBy, args.after);
    checkCount(map.model, 'limit', args.limit);
    checkCount(map.model, 'offset', args.offset);
    let condition = where(map, args.where);
    if (args.after) condition = sql`${condition} AND ${afterSql(dialect, map, orderBy, args.after)}`;
    const limit = args.limit !== undefined ? sql` LIMIT ${args.limit}` : args.offset ? sql` LIMIT -1` : sql``;
    const offset = args.offset ? sql` OFFSET ${args.offset}` : sql``;
    // PostgreSQL has no LIMIT -1; use LIMIT ALL there.
    const fixedLimit = args.limit === undefined && args.offset && dialect.name !== 'sqlite' ? sql` LIMIT ALL` : limit;
    const result = await run(
      map,
      sql<Record<string, unknown>>`SELECT * FROM ${select(map)} WHERE ${condition}${orderSql(map, orderBy)}${fixedLimit}${offset}`
    );
    return result.rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function create({ model, data: input }: { model: string; data: Row }): Promise<Row> {
    const map = mapOf(model);
    const data = prepareCreateRow(model, map.definition, input);
    const fields = Object.keys(map.definition.fields);
    const values = fields.map((f) => param(dialect, map, f, data[f] ?? null));
    const insert = sql`INSERT INTO ${select(map)} (${sql.join(fields.map((f) => col(map, f)))}) VALUES (${sql.join(values)})`;
    await run(map, insert);
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
    const insert = (chunk: Row[], on: QueryExecutorProvider) =>
      run(
        map,
        sql`INSERT INTO ${select(map)} (${sql.join(fields.map((f) => col(map, f)))}) VALUES ${sql.join(
          chunk.map((row) => sql`(${sql.join(fields.map((f) => param(dialect, map, f, row[f] ?? null)))})`),
        )}`,
        on,
      );
    if (rows.length <= perStatement) await insert(rows, db);
    else {
      await ctx.atomic(async (on) => {
        for (let i = 0; i < rows.length; i += perStatement) await insert(rows.slice(i, i + perStatement), on);
      });
    }
    // As for create: the checked copies are what was stored.
    return rows;
  }

  async function update({ model, where: w, data: input }: { model: string; where: Where; data: Row }): Promise<Row | null> {
    const map = mapOf(model);
    const data = prepareUpdatePatch(model, map.definition, input);
    const condition = where(map, w);
    const sets = Object.keys(data).map((f) => sql`${col(map, f)} = ${param(dialect, map, f, data[f] ?? null)}`);
    if (dialect.returning && sets.length > 0 && selectsById(w)) {
      // The primary key picks at most one row, so one UPDATE … RETURNING is the whole
      // guarded update: no row back means the guard did not hold.
      const updated = await run(map, sql<Record<string, unknown>>`UPDATE ${select(map)} SET ${sql.join(sets)} WHERE ${condition} RETURNING *`);
      const raw = updated.rows[0];
      return raw ? decodeRow(dialect, map, raw) : null;
    }
    return ctx.atomic(async (on) => {
      const matched = await run(map, sql<{ id: string }>`SELECT ${col(map, 'id')} AS id FROM ${select(map)} WHERE ${condition} LIMIT 2`, on);
      if (matched.rows.length > 1) {
        throw storageError(`update on "${model}" matched more than one row; a guarded update must select exactly one (add the id).`, { model });
      }
      const id = matched.rows[0]?.id;
      if (id === undefined) return null;
      const guard = sql`${col(map, 'id')} = ${id} AND ${condition}`;
      if (sets.length > 0) {
        const returning = dialect.returning ? sql` RETURNING *` : sql``;
        const updated = await run(map, sql<Record<string, unknown>>`UPDATE ${select(map)} SET ${sql.join(sets)} WHERE ${guard}${returning}`, on);
        if (dialect.returning) {
          const raw = updated.rows[0];
          return raw ? decodeRow(dialect, map, raw) : null;
        }
        // A concurrent writer changed the row between the SELECT and the UPDATE: the guard lost.
        if (updated.numAffectedRows === 0n) return null;
      }
      const reread = await run(map, sql<Record<string, unknown>>`SELECT * FROM ${select(map)} WHERE ${col(map, 'id')} = ${id}`, on);
      const raw = reread.rows[0];
      return raw ? decodeRow(dialect, map, raw) : null;
    });
  }

  async function aggregate({ model, where: w, groupBy }: AggregateArgs): Promise<{ group: Row; count: number }[]> {
    const map = mapOf(model);
    checkGroupBy(model, map.definition, groupBy);
    const condition = where(map, w);
    const keys = groupBy.map((f) => col(map, f));
    const selected = groupBy.length > 0 ? sql`${sql.join(keys)}, ` : sql``;
    const grouping = groupBy.length > 0 ? sql` GROUP BY ${sql.join(keys)}` : sql``;
    const result = await run(map, sql<Record<string, unknown>>`SELECT ${selected}count(*) AS kc_count FROM ${select(map)} WHERE ${condition}${grouping}`);
    return result.rows
      .filter((raw) => groupBy.length > 0 || Number(raw['kc_count']) > 0)
      .map((raw) => ({ group: decodeRow(dialect, map, raw, groupBy), count: Number(raw['kc_count']) }));
  }

  return {
    create,
    createMany,
    findOne: async ({ model, where: w }) => (await findMany({ model, where: w, limit: 1 }))[0] ?? null,
    findMany,
    count: async ({ model, where: w }) => {
      const map = mapOf(model);
      const result = await run(map, sql<{ n: unknown }>`SELECT count(*) AS n FROM ${select(map)} WHERE ${where(map, w)}`);
      return Number(result.rows[0]?.n ?? 0);
    },
    update,
    delete: async ({ model, where: w }) => {
      const map = mapOf(model);
      const result = await run(map, sql`DELETE FROM ${select(map)} WHERE ${where(map, w)}`);
      return Number(result.numAffectedRows ?? 0n);
    },
    aggregate,
    claim: createClaim(ctx, db, run),
  };
}
