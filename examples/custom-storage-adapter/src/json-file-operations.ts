import {
  KechuangError,
  checkCount,
  checkOrdering,
  checkWhere,
  cloneRow,
  compareFieldValues,
  isOrGroup,
  matchesWhere,
  modelOf,
  prepareCreateRow,
  prepareUpdatePatch,
  type FieldValue,
  type ModelDefinition,
  type OrderBy,
  type Row,
  type StorageOperations,
  type StorageSchema,
  type Where,
} from '@kechuang/community';
import { storageError } from './storage-error.js';

/** What the operations work on: the schema, and the tables as one transaction (or the committed state) sees them. */
export interface TableAccess {
  schema(): StorageSchema;
  read(model: string): ReadonlyMap<string, Row>;
  /** The table to change: the transaction's own copy, never the committed one. */
  write(model: string): Map<string, Row>;
  /** Throws when the handle may no longer be used. */
  assertOpen(): void;
}

/** The operations every handle has; `aggregate` and `claim` are left to the core (see the capabilities). */
export type TableOperations = Required<Pick<StorageOperations, 'create' | 'createMany' | 'findOne' | 'findMany' | 'count' | 'update' | 'delete'>>;

// One string per list of values; dates are tagged so that a Date never equals its number.
function uniqueKey(row: Row, fields: readonly string[]): string | null {
  const values = fields.map((field) => row[field] ?? null);
  if (values.includes(null)) return null; // as in SQL, a null exempts the row from the constraint
  return JSON.stringify(values.map((value) => (value instanceof Date ? { date: value.getTime() } : value)));
}

function uniqueViolation(model: string, fields: readonly string[], constraint: string): KechuangError {
  return new KechuangError(
    'UNIQUE_VIOLATION',
    `Cannot write to model "${model}": another row already has the same ${fields.join(' + ')} (unique constraint "${constraint}"). ` +
      'Use different values, or update the existing row instead.',
    { model, fields: [...fields], constraint },
  );
}

/** Throws when storing `candidate` (in place of the row with its id) would break a unique constraint. */
export function assertUnique(model: string, definition: ModelDefinition, table: ReadonlyMap<string, Row>, candidate: Row): void {
  for (const { name, fields } of definition.unique ?? []) {
    const key = uniqueKey(candidate, fields);
    if (key === null) continue;
    for (const [id, row] of table) {
      if (id !== candidate['id'] && uniqueKey(row, fields) === key) throw uniqueViolation(model, fields, name);
    }
  }
}

/** Throws when two rows of `table` break one of the model's unique constraints (checked once, on load). */
export function assertUniqueRows(model: string, definition: ModelDefinition, table: ReadonlyMap<string, Row>): void {
  for (const { name, fields } of definition.unique ?? []) {
    const seen = new Set<string>();
    for (const row of table.values()) {
      const key = uniqueKey(row, fields);
      if (key === null) continue;
      if (seen.has(key)) throw uniqueViolation(model, fields, name);
      seen.add(key);
    }
  }
}

function compareRows(a: readonly FieldValue[], b: readonly FieldValue[], orderBy: readonly OrderBy[]): number {
  for (const [i, term] of orderBy.entries()) {
    const result = compareFieldValues(a[i] ?? null, b[i] ?? null);
    if (result !== 0) return term.direction === 'desc' ? -result : result;
  }
  return 0;
}

/** The core's operations over `access`. Each checks everything before it changes anything. */
export function tableOperations(access: TableAccess): TableOperations {
  const definitionOf = (model: string): ModelDefinition => {
    access.assertOpen();
    return modelOf(access.schema(), model);
  };
  const select = (model: string, where: Where): Row[] => {
    checkWhere(model, definitionOf(model), where);
    const table = access.read(model);
    // Guarded updates and most reads name the row by id: look it up instead of scanning.
    const byId = where.find((entry) => !isOrGroup(entry) && entry.field === 'id' && (entry.op ?? 'eq') === 'eq');
    const candidates = byId && !isOrGroup(byId) && typeof byId.value === 'string' ? [table.get(byId.value)].filter((row) => row !== undefined) : [...table.values()];
    return candidates.filter((row) => matchesWhere(row, where));
  };

  const operations: TableOperations = {
    async create({ model, data }) {
      return (await operations.createMany({ model, data: [data] }))[0] as Row;
    },

    async createMany({ model, data }) {
      const definition = definitionOf(model);
      if (!Array.isArray(data)) throw storageError(`createMany on model "${model}" needs an array of rows.`, { model });
      const rows = data.map((row) => prepareCreateRow(model, definition, row));
      // All or none: every row is checked against the table and the rows before it first.
      const staged = new Map(access.read(model));
      for (const row of rows) {
        const id = String(row['id']);
        if (staged.has(id)) throw uniqueViolation(model, ['id'], `${model}.id`);
        assertUnique(model, definition, staged, row);
        staged.set(id, row);
      }
      const table = access.write(model);
      for (const row of rows) table.set(String(row['id']), row);
      return rows.map(cloneRow);
    },

    async findOne({ model, where }) {
      const [first] = select(model, where);
      return first ? cloneRow(first) : null;
    },

    async findMany({ model, where = [], orderBy = [], after, limit, offset }) {
      checkOrdering(model, definitionOf(model), orderBy, after);
      checkCount(model, 'limit', limit);
      checkCount(model, 'offset', offset);
      let rows = select(model, where);
      if (orderBy.length > 0) {
        const keyed = rows.map((row) => ({ row, key: orderBy.map(({ field }) => row[field] ?? null) }));
        keyed.sort((a, b) => compareRows(a.key, b.key, orderBy));
        rows = keyed.filter(({ key }) => !after || compareRows(key, after, orderBy) > 0).map(({ row }) => row);
      }
      const start = offset ?? 0;
      return rows.slice(start, limit === undefined ? undefined : start + limit).map(cloneRow);
    },

    async count({ model, where = [] }) {
      return select(model, where).length;
    },

    async update({ model, where, data }) {
      const definition = definitionOf(model);
      const patch = prepareUpdatePatch(model, definition, data);
      const matched = select(model, where);
      const [current] = matched;
      if (!current) return null; // the guard did not hold
      if (matched.length > 1) {
        throw storageError(`update on model "${model}" matched ${matched.length} rows, but it changes exactly one. Narrow "where" to one row, e.g. by id.`, { model });
      }
      if (patch['id'] !== undefined && patch['id'] !== current['id']) {
        throw storageError(`update cannot change the id of a "${model}" row. Create a new row and delete the old one instead.`, { model });
      }
      const next: Row = { ...current, ...patch };
      assertUnique(model, definition, access.read(model), next);
      access.write(model).set(String(next['id']), next);
      return cloneRow(next);
    },

    async delete({ model, where }) {
      const matched = select(model, where);
      if (matched.length === 0) return 0;
      const table = access.write(model);
      for (const row of matched) table.delete(String(row['id']));
      return matched.length;
    },
  };
  return operations;
}
