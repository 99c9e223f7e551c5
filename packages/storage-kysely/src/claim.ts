import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { KechuangError, checkCount, checkOrdering, checkWhere, compareFieldValues, modelOf, prepareUpdatePatch } from '@kechuang/community';
import type { ClaimArgs, FieldValue, OrderBy, Row } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import type { OperationContext } from './operations.js';
import { col, decodeRow, orderSql, param, tableMap, whereSql, type TableMap } from './query-sql.js';
import { storageError } from './storage-error.js';

type Sql = RawBuilder<unknown>;

interface CheckedClaim {
  map: TableMap;
  patch: Row;
  increment: readonly string[];
}

function claimError(model: string, message: string, details: Record<string, unknown> = {}): KechuangError {
  return storageError(`claim on model "${model}": ${message}`, { model, ...details });
}

// The same rules, in the same words, as the in-memory adapter's claim, so both refuse alike.
function checkClaim(map: TableMap, args: ClaimArgs): CheckedClaim {
  const { model, definition } = map;
  const { where, orderBy, limit, set = {}, increment = [] } = args;
  checkWhere(model, definition, where);
  if (!Array.isArray(orderBy)) throw claimError(model, '"orderBy" must be an array of ordering terms; end it with { field: "id" }.');
  checkOrdering(model, definition, orderBy, undefined);
  if (limit === undefined) throw claimError(model, '"limit" is required: say how many rows to take at most.');
  checkCount(model, 'limit', limit);
  const patch = prepareUpdatePatch(model, definition, set);
  if (Object.hasOwn(patch, 'id')) throw claimError(model, '"set" cannot change the id of the rows it claims.', { field: 'id' });
  if (!Array.isArray(increment)) throw claimError(model, '"increment" must be an array of number field names.');
  const seen = new Set<string>();
  for (const field of increment) {
    const fieldDefinition = typeof field === 'string' && Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
    if (!fieldDefinition) throw claimError(model, `cannot increment the unknown field ${JSON.stringify(field)}.`, { field });
    if (fieldDefinition.type !== 'number' || fieldDefinition.nullable) {
      throw claimError(model, `"increment" only raises non-nullable number fields, but "${field}" is a ${fieldDefinition.nullable ? 'nullable ' : ''}${fieldDefinition.type} field.`, { field });
    }
    if (seen.has(field) || Object.hasOwn(patch, field)) throw claimError(model, `"${field}" is named twice in "set"/"increment"; name it once.`, { field });
    seen.add(field);
  }
  if (seen.size === 0 && Object.keys(patch).length === 0) {
    throw claimError(model, 'give "set" or "increment": a claim must change the rows it takes so that later claims skip them.');
  }
  return { map, patch, increment: [...seen] };
}

function setSql(dialect: SqlDialectDescription, { map, patch, increment }: CheckedClaim): Sql {
  const sets = [
    ...Object.keys(patch).map((f) => sql`${col(map, f)} = ${param(dialect, map, f, patch[f] ?? null)}`),
    ...increment.map((f) => sql`${col(map, f)} = ${col(map, f)} + 1`),
  ];
  return sql.join(sets);
}

// RETURNING and `IN (…)` hand rows back in no particular order; the contract promises orderBy's.
function sortRows(rows: Row[], orderBy: readonly OrderBy[]): Row[] {
  const key = (row: Row): FieldValue[] => orderBy.map(({ field }) => row[field] ?? null);
  return rows
    .map((row) => ({ row, values: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < orderBy.length; i++) {
        const result = compareFieldValues(a.values[i] ?? null, b.values[i] ?? null);
        if (result !== 0) return orderBy[i]?.direction === 'desc' ? -result : result;
      }
      return 0;
    })
    .map(({ row }) => row);
}

/** Runs a statement, turning driver errors (unique violations) into the contract's errors. */
export type RunStatement = <R>(map: TableMap, query: RawBuilder<R>, on: QueryExecutorProvider) => Promise<{ rows: R[]; numAffectedRows?: bigint }>;

/**
 * `claim()` over one executor. Three strategies, by what the database offers:
 *
 * - `skipLocked` and `returning` (PostgreSQL): one statement,
 *   `UPDATE t SET … FROM (SELECT id … ORDER BY … LIMIT n FOR UPDATE SKIP LOCKED) c WHERE t.id = c.id RETURNING t.*`.
 *   On the adapter itself it autocommits, so no lock outlives the call.
 * - `skipLocked` without `returning`, or a serialising database (SQLite): select the ids (with
 *   `FOR UPDATE SKIP LOCKED` where available), then one `UPDATE … WHERE id IN (…)`, in one
 *   transaction; the lock or the serialisation keeps concurrent claims apart.
 * - anything else: a guarded update per selected row inside one transaction, each re-checking
 *   `where` and the old values of the changed fields, so a row another claimer took is skipped.
 */
export function createClaim(ctx: OperationContext, db: QueryExecutorProvider, run: RunStatement): (args: ClaimArgs) => Promise<Row[]> {
  const { dialect } = ctx;

  async function oneStatement(claim: CheckedClaim, args: ClaimArgs): Promise<Row[]> {
    const { map } = claim;
    const table = sql.table(map.table);
    const picked = sql`SELECT ${col(map, 'id')} FROM ${table} WHERE ${whereSql(dialect, map, args.where)}${orderSql(map, args.orderBy)} LIMIT ${args.limit} FOR UPDATE SKIP LOCKED`;
    const id = sql.ref(`${map.table}.${map.columns['id'] ?? 'id'}`);
    const result = await run(
      map,
      sql<Record<string, unknown>>`UPDATE ${table} SET ${setSql(dialect, claim)} FROM (${picked}) AS kc_claimed WHERE ${id} = kc_claimed.${col(map, 'id')} RETURNING ${table}.*`,
      db
    );
    return result.rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function selectThenUpdate(claim: CheckedClaim, args: ClaimArgs, on: QueryExecutorProvider): Promise<Row[]> {
    const { map } = claim;
    const table = sql.table(map.table);
    const lock = dialect.skipLocked ? sql` FOR UPDATE SKIP LOCKED` : sql``;
    const picked = await run(
      map,
      sql<{ id: unknown }>`SELECT ${col(map, 'id')} AS id FROM ${table} WHERE ${whereSql(dialect, map, args.where)}${orderSql(map, args.orderBy)} LIMIT ${args.limit}${lock}`,
      on
    );
    const ids = picked.rows.map((raw) => String(raw.id));
    if (ids.length === 0) return [];
    const inIds = sql`${col(map, 'id')} IN (${sql.join(ids.map((value) => sql.val(value)))})`;
    const returning = dialect.returning ? sql` RETURNING *` : sql``;
    const updated = await run(map, sql<Record<string, unknown>>`UPDATE ${table} SET ${setSql(dialect, claim)} WHERE ${inIds}${returning}`, on);
    const rows = dialect.returning ? updated.rows : (await run(map, sql<Record<string, unknown>>`SELECT * FROM ${table} WHERE ${inIds}`, on)).rows;
    return rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function guardedUpdates(claim: CheckedClaim, args: ClaimArgs, on: QueryExecutorProvider): Promise<Row[]> {
    const { map, patch, increment } = claim;
    const table = sql.table(map.table);
    const condition = whereSql(dialect, map, args.where);
    const candidates = await run(map, sql<Record<string, unknown>>`SELECT * FROM ${table} WHERE ${condition}${orderSql(map, args.orderBy)} LIMIT ${args.limit}`, on);
    const claimed: Row[] = [];
    for (const raw of candidates.rows) {
      const old = decodeRow(dialect, map, raw);
      // A concurrent claimer that took the row first changed one of these fields (or took it
      // out of `where`). JSON is left out: databases disagree on comparing it.
      const scalars = [...Object.keys(patch), ...increment].filter((f) => map.definition.fields[f]?.type !== 'json');
      const unchanged = scalars.map((f) => {
        const value = old[f] ?? null;
        return value === null ? sql`${col(map, f)} IS NULL` : sql`${col(map, f)} = ${param(dialect, map, f, value)}`;
      });
      const guard = sql.join([sql`${col(map, 'id')} = ${sql.val(String(old['id']))}`, sql`(${condition})`, ...unchanged], sql` AND `);
      const returning = dialect.returning ? sql` RETURNING *` : sql``;
      const updated = await run(map, sql<Record<string, unknown>>`UPDATE ${table} SET ${setSql(dialect, claim)} WHERE ${guard}${returning}`, on);
      if (dialect.returning) {
        const row = updated.rows[0];
        if (row) claimed.push(decodeRow(dialect, map, row));
      } else if (Number(updated.numAffectedRows ?? 0n) > 0) {
        const reread = await run(map, sql<Record<string, unknown>>`SELECT * FROM ${table} WHERE ${col(map, 'id')} = ${sql.val(String(old['id']))}`, on);
        const row = reread.rows[0];
        if (row) claimed.push(decodeRow(dialect, map, row));
      }
    }
    return claimed;
  }

  return async (args) => {
    if (typeof args !== 'object' || args === null) throw storageError('claim() needs { model, where, orderBy, limit, set?, increment? }.');
    const map = tableMap(args.model, modelOf(ctx.schema(), args.model));
    const claim = checkClaim(map, args);
    if (args.limit === 0) return [];
    let rows: Row[];
    if (dialect.skipLocked && dialect.returning) rows = await oneStatement(claim, args);
    else if (dialect.skipLocked || dialect.serialize) rows = await ctx.atomic((on) => selectThenUpdate(claim, args, on));
    else rows = await ctx.atomic((on) => guardedUpdates(claim, args, on));
    return sortRows(rows, args.orderBy);
  };
}
