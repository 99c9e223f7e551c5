import type { QueryExecutorProvider, QueryResult } from 'kysely';
import { compareFieldValues, modelOf, prepareClaim } from '@kechuang/community';
import type { ClaimArgs, FieldValue, OrderBy, Row } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import type { OperationContext } from './operations.js';
import { col, decodeRow, orderSql, param, tableMap, whereSql, type TableMap } from './query-sql.js';
import { ident, type SqlText } from './sql-text.js';
import { storageError } from './storage-error.js';

interface CheckedClaim {
  map: TableMap;
  patch: Row;
  increment: readonly string[];
}

// The same checks, in the same words, as every other adapter's claim.
function checkClaim(map: TableMap, args: ClaimArgs): CheckedClaim {
  return { map, ...prepareClaim(map.model, map.definition, args) };
}

function setSql(q: SqlText, { map, patch, increment }: CheckedClaim): string {
  const sets = [
    ...Object.keys(patch).map((f) => `${col(map, f)} = ${param(q, map, f, patch[f] ?? null)}`),
    ...increment.map((f) => `${col(map, f)} = ${col(map, f)} + 1`),
  ];
  return sets.join(', ');
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

/**
 * Runs the statement `build` writes into a fresh {@link SqlText}, turning driver errors (unique
 * violations) into the contract's errors.
 */
export type RunStatement = <R = unknown>(map: TableMap, build: (q: SqlText) => string, on?: QueryExecutorProvider) => Promise<QueryResult<R>>;

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
    const table = ident(map.table);
    const id = col(map, 'id');
    const result = await run<Record<string, unknown>>(
      map,
      (q) =>
        `UPDATE ${table} SET ${setSql(q, claim)} FROM (` +
        `SELECT ${id} FROM ${table} WHERE ${whereSql(q, map, args.where)}${orderSql(map, args.orderBy)} LIMIT ${q.bindInteger(args.limit)} FOR UPDATE SKIP LOCKED` +
        `) AS kc_claimed WHERE ${table}.${id} = kc_claimed.${id} RETURNING ${table}.*`,
      db
    );
    return result.rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function selectThenUpdate(claim: CheckedClaim, args: ClaimArgs, on: QueryExecutorProvider): Promise<Row[]> {
    const { map } = claim;
    const table = ident(map.table);
    const id = col(map, 'id');
    const lock = dialect.skipLocked ? ' FOR UPDATE SKIP LOCKED' : '';
    const picked = await run<{ id: unknown }>(
      map,
      (q) => `SELECT ${id} AS id FROM ${table} WHERE ${whereSql(q, map, args.where)}${orderSql(map, args.orderBy)} LIMIT ${q.bindInteger(args.limit)}${lock}`,
      on
    );
    const ids = picked.rows.map((raw) => String(raw.id));
    if (ids.length === 0) return [];
    const inIds = (q: SqlText): string => `${id} IN (${ids.map((value) => q.bind(value)).join(', ')})`;
    const returning = dialect.returning ? ' RETURNING *' : '';
    const updated = await run<Record<string, unknown>>(map, (q) => `UPDATE ${table} SET ${setSql(q, claim)} WHERE ${inIds(q)}${returning}`, on);
    const rows = dialect.returning ? updated.rows : (await run<Record<string, unknown>>(map, (q) => `SELECT * FROM ${table} WHERE ${inIds(q)}`, on)).rows;
    return rows.map((raw) => decodeRow(dialect, map, raw));
  }

  async function guardedUpdates(claim: CheckedClaim, args: ClaimArgs, on: QueryExecutorProvider): Promise<Row[]> {
    const { map, patch, increment } = claim;
    const table = ident(map.table);
    const id = col(map, 'id');
    const candidates = await run<Record<string, unknown>>(
      map,
      (q) => `SELECT * FROM ${table} WHERE ${whereSql(q, map, args.where)}${orderSql(map, args.orderBy)} LIMIT ${q.bindInteger(args.limit)}`,
      on
    );
    // A concurrent claimer that took a row first changed one of these fields (or took it out
    // of `where`). JSON is left out: databases disagree on comparing it.
    const scalars = [...Object.keys(patch), ...increment].filter((f) => map.definition.fields[f]?.type !== 'json');
    const returning = dialect.returning ? ' RETURNING *' : '';
    const claimed: Row[] = [];
    for (const raw of candidates.rows) {
      const old = decodeRow(dialect, map, raw);
      const key = String(old['id']);
      const unchanged = (q: SqlText): string =>
        scalars
          .map((f) => {
            const value = old[f] ?? null;
            return value === null ? ` AND ${col(map, f)} IS NULL` : ` AND ${col(map, f)} = ${param(q, map, f, value)}`;
          })
          .join('');
      const updated = await run<Record<string, unknown>>(
        map,
        (q) => `UPDATE ${table} SET ${setSql(q, claim)} WHERE ${id} = ${q.bind(key)} AND (${whereSql(q, map, args.where)})${unchanged(q)}${returning}`,
        on
      );
      if (dialect.returning) {
        const row = updated.rows[0];
        if (row) claimed.push(decodeRow(dialect, map, row));
      } else if (Number(updated.numAffectedRows ?? 0n) > 0) {
        const reread = await run<Record<string, unknown>>(map, (q) => `SELECT * FROM ${table} WHERE ${id} = ${q.bind(key)}`, on);
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
