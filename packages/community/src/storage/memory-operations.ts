import { storageError } from './storage-error.js';
import { checkAggregate } from './aggregate-checks.js';
import { aggregateRows } from './aggregate-rows.js';
import { cloneRow } from './clone-row.js';
import { compareFieldValues, compileWhere } from './evaluate-where.js';
import {
  checkCount,
  checkOrdering,
  checkWhere,
  modelOf,
  prepareCreateRow,
  prepareUpdatePatch,
} from './schema-checks.js';
import { findConflict, idOf, uniqueViolation, type TableView, type WritableTable } from './memory-table.js';
import {
  isOrGroup,
  type FieldValue,
  type ModelDefinition,
  type OrderBy,
  type Row,
  type StorageOperations,
  type StorageSchema,
  type Where,
} from './types.js';

/** What read operations work on: a schema and a set of tables. */
export interface ReadAccess {
  schema(): StorageSchema;
  read(model: string): TableView;
  /** Throws when the handle may no longer be used (a transaction that has finished). */
  assertUsable(): void;
}

/** What write operations additionally need: a table they may change. */
export interface WriteAccess extends ReadAccess {
  /** The table of `model` to change: the transaction's overlay, never the committed table. */
  write(model: string): WritableTable;
}

type ReadOperations = Required<Pick<StorageOperations, 'findOne' | 'findMany' | 'count' | 'aggregate'>>;
type WriteOperations = Required<Pick<StorageOperations, 'create' | 'createMany' | 'update' | 'delete'>>;

function orderValues(row: Row, orderBy: readonly OrderBy[]): FieldValue[] {
  return orderBy.map(({ field }) => row[field] ?? null);
}

function compareTuples(a: readonly FieldValue[], b: readonly FieldValue[], orderBy: readonly OrderBy[]): number {
  for (let i = 0; i < a.length; i++) {
    const result = compareFieldValues(a[i] ?? null, b[i] ?? null);
    if (result !== 0) return orderBy[i]?.direction === 'desc' ? -result : result;
  }
  return 0;
}

// Most reads and every guarded update name the row by id: look it up instead of scanning.
function candidates(table: TableView, where: Where): Iterable<Row> {
  for (const entry of where) {
    if (isOrGroup(entry) || entry.field !== 'id' || (entry.op ?? 'eq') !== 'eq' || typeof entry.value !== 'string') continue;
    const row = table.get(entry.value);
    return row ? [row] : [];
  }
  return table.values();
}

function select(access: ReadAccess, model: string, where: Where): { definition: ModelDefinition; rows: Row[] } {
  access.assertUsable();
  const definition = modelOf(access.schema(), model);
  checkWhere(model, definition, where);
  const matches = compileWhere(where);
  return { definition, rows: [...candidates(access.read(model), where)].filter(matches) };
}

/** `findOne`, `findMany`, `count` and `aggregate` over `access`; every row handed out is a copy. */
export function createReadOperations(access: ReadAccess): ReadOperations {
  return {
    async findOne({ model, where }) {
      const [first] = select(access, model, where).rows;
      return first ? cloneRow(first) : null;
    },

    async findMany({ model, where = [], orderBy = [], after, limit, offset }) {
      const { definition, rows } = select(access, model, where);
      checkOrdering(model, definition, orderBy, after);
      checkCount(model, 'limit', limit);
      checkCount(model, 'offset', offset);
      let ordered = rows;
      if (orderBy.length > 0) {
        const keyed = rows.map((row) => ({ row, values: orderValues(row, orderBy) }));
        keyed.sort((a, b) => compareTuples(a.values, b.values, orderBy));
        const position = after;
        ordered = (position ? keyed.filter(({ values }) => compareTuples(values, position, orderBy) > 0) : keyed).map(
          ({ row }) => row
        );
      }
      const start = offset ?? 0;
      const page = ordered.slice(start, limit === undefined ? undefined : start + limit);
      return page.map(cloneRow);
    },

    async count({ model, where = [] }) {
      return select(access, model, where).rows.length;
    },

    async aggregate(args) {
      const { definition, rows } = select(access, args.model, args.where ?? []);
      checkAggregate(args.model, definition, args);
      return aggregateRows(rows, args);
    },
  };
}

/**
 * `create`, `update` and `delete` over `access`. Each checks everything before changing
 * anything, so a failed operation leaves the tables as they were.
 */
export function createWriteOperations(access: WriteAccess): WriteOperations {
  const operations: WriteOperations = {
    async create({ model, data }) {
      access.assertUsable();
      const definition = modelOf(access.schema(), model);
      const row = prepareCreateRow(model, definition, data);
      const table = access.read(model);
      if (table.has(idOf(row))) throw uniqueViolation(model, ['id'], `${model}.id`);
      const conflict = findConflict(model, definition, table, row);
      if (conflict) throw conflict;
      access.write(model).put(row);
      return cloneRow(row);
    },

    async createMany({ model, data }) {
      const created: Row[] = [];
      try {
        for (const row of data) created.push(await operations.create({ model, data: row }));
      } catch (error) {
        // All or none: take back the rows this call already put.
        for (const row of created) access.write(model).remove(idOf(row));
        throw error;
      }
      return created;
    },

    async update({ model, where, data }) {
      const { definition, rows } = select(access, model, where);
      const patch = prepareUpdatePatch(model, definition, data);
      const [current, ...others] = rows;
      if (!current) return null;
      if (others.length > 0) {
        throw storageError(
          `update on model "${model}" matched ${rows.length} rows, but it changes exactly one. ` +
            'Narrow "where" to a single row, e.g. by id.',
          { model, matched: rows.length }
        );
      }
      const id = idOf(current);
      if (patch['id'] !== undefined && patch['id'] !== id) {
        throw storageError(
          `update cannot change the id of a row on model "${model}" ("${id}"). Create a new row and delete the old one instead.`,
          { model, id }
        );
      }
      const next: Row = { ...current, ...patch };
      const conflict = findConflict(model, definition, access.read(model), next);
      if (conflict) throw conflict;
      access.write(model).put(next);
      return cloneRow(next);
    },

    async delete({ model, where }) {
      const { rows } = select(access, model, where);
      if (rows.length === 0) return 0;
      const table = access.write(model);
      for (const row of rows) table.remove(idOf(row));
      return rows.length;
    },
  };
  return operations;
}
