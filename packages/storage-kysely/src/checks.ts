import { KechuangError, isOrGroup } from '@kechuang/community';
import type { FieldDefinition, FieldType, ModelDefinition, OrderBy, Row, StorageSchema, Where } from '@kechuang/community';

// Checks of queries and rows against the schema given to init(). A database would coerce
// many mistakes silently (SQLite stores anything anywhere), so they are refused up front with
// STORAGE_ERROR, as strictly as the in-memory adapter does.

/** A `STORAGE_ERROR` with details. */
export function storageError(message: string, details: Record<string, unknown> = {}, cause?: unknown): KechuangError {
  return new KechuangError('STORAGE_ERROR', message, details, cause === undefined ? undefined : { cause });
}

function isJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 100) return false;
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((item) => isJson(item, depth + 1));
}

/** Whether `value` (not null) fits a field of `type`. */
export function fitsType(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'json':
      return isJson(value, 0);
  }
}

/** The definition of `model`, or STORAGE_ERROR. */
export function modelOf(schema: StorageSchema, model: string): ModelDefinition {
  const found = Object.hasOwn(schema.models, model) ? schema.models[model] : undefined;
  if (!found) {
    throw storageError(`Unknown model "${model}". Known models: ${Object.keys(schema.models).join(', ') || '(none)'}.`, { model });
  }
  return found;
}

/** The definition of `field` on `model`, or STORAGE_ERROR. */
export function fieldOf(model: string, definition: ModelDefinition, field: string, usedIn: string): FieldDefinition {
  const found = Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
  if (!found) {
    throw storageError(`Unknown field "${field}" on model "${model}" in ${usedIn}. Known fields: ${Object.keys(definition.fields).join(', ')}.`, {
      model,
      field,
    });
  }
  return found;
}

function checkValue(model: string, field: string, definition: FieldDefinition, value: unknown, usedIn: string): void {
  if (value === undefined) throw storageError(`Field "${model}.${field}" is undefined in ${usedIn}; pass null or leave the key out.`, { model, field });
  if (value === null) {
    if (definition.nullable) return;
    throw storageError(`Field "${model}.${field}" is not nullable but got null in ${usedIn}.`, { model, field });
  }
  if (!fitsType(definition.type, value)) {
    throw storageError(`Field "${model}.${field}" is a ${definition.type} field; ${usedIn} gave a value of another type.`, { model, field });
  }
}

/** Checks `data` for create (every required field present) or update (only named fields). */
export function checkData(model: string, definition: ModelDefinition, data: Row, mode: 'create' | 'update'): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw storageError(`The data for ${mode} on model "${model}" must be an object of field values.`, { model });
  }
  for (const [field, value] of Object.entries(data)) checkValue(model, field, fieldOf(model, definition, field, mode), value, mode);
  if (mode === 'update') return;
  for (const [field, fieldDefinition] of Object.entries(definition.fields)) {
    if (!fieldDefinition.nullable && (data[field] === undefined || !Object.hasOwn(data, field))) {
      throw storageError(`Field "${model}.${field}" is required by create but missing.`, { model, field });
    }
  }
}

const OPERATORS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'contains', 'starts_with', 'is_null', 'is_not_null']);

/** Checks every condition of `where`: known fields and operators, values of the field's type. */
export function checkWhere(model: string, definition: ModelDefinition, where: Where): void {
  if (!Array.isArray(where)) throw storageError(`"where" on model "${model}" must be an array.`, { model });
  const conditions = where.flatMap((entry) => (isOrGroup(entry) ? entry.or : [entry]));
  for (const { field, op = 'eq', value } of conditions) {
    const fieldDefinition = fieldOf(model, definition, field, 'where');
    if (!OPERATORS.has(op)) throw storageError(`Unknown where operator "${String(op)}" on "${model}.${field}".`, { model, field });
    if (op === 'is_null' || op === 'is_not_null') {
      if (value !== undefined) throw storageError(`Operator "${op}" on "${model}.${field}" takes no value.`, { model, field });
      continue;
    }
    if (fieldDefinition.type === 'json') {
      throw storageError(`The json field "${model}.${field}" can only be filtered with is_null/is_not_null.`, { model, field });
    }
    if ((op === 'contains' || op === 'starts_with') && fieldDefinition.type !== 'string') {
      throw storageError(`Operator "${op}" only works on string fields; "${model}.${field}" is ${fieldDefinition.type}.`, { model, field });
    }
    const isList = op === 'in' || op === 'not_in';
    if (isList !== Array.isArray(value)) {
      throw storageError(`Operator "${op}" on "${model}.${field}" ${isList ? 'needs an array value' : 'takes a single value; use "in" for a list'}.`, {
        model,
        field,
      });
    }
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === null || item === undefined) {
        throw storageError(`Operator "${op}" on "${model}.${field}" got null; use is_null/is_not_null to test for null.`, { model, field });
      }
      if (!fitsType(fieldDefinition.type, item)) {
        throw storageError(`where compares the ${fieldDefinition.type} field "${model}.${field}" with a value of another type.`, { model, field });
      }
    }
  }
}

/** Checks ordering terms and the keyset cursor against them. */
export function checkOrdering(model: string, definition: ModelDefinition, orderBy: readonly OrderBy[], after: readonly unknown[] | undefined): void {
  for (const { field, direction } of orderBy) {
    if (fieldOf(model, definition, field, 'orderBy').type === 'json') throw storageError(`Cannot order by the json field "${model}.${field}".`, { model, field });
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw storageError(`Bad orderBy direction on "${model}.${field}".`, { model, field });
  }
  if (after === undefined) return;
  if (!Array.isArray(after) || after.length !== orderBy.length || orderBy.length === 0) {
    throw storageError(`The keyset cursor "after" on model "${model}" must hold one value per orderBy term.`, { model });
  }
  const last = orderBy[orderBy.length - 1];
  const uniqueAlone = (field: string): boolean =>
    field === 'id' || (definition.unique ?? []).some((u) => u.fields.length === 1 && u.fields[0] === field);
  if (last && !uniqueAlone(last.field)) throw storageError(`Keyset paging on "${model}" needs a unique last orderBy term; end with id.`, { model });
  orderBy.forEach(({ field }, index) => {
    const fieldDefinition = fieldOf(model, definition, field, 'orderBy');
    if (fieldDefinition.nullable) throw storageError(`Keyset paging cannot order by the nullable field "${model}.${field}".`, { model, field });
    checkValue(model, field, { type: fieldDefinition.type }, after[index], 'the keyset cursor');
  });
}

/** Checks a limit or offset: a non-negative integer when given. */
export function checkCount(model: string, name: 'limit' | 'offset', value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw storageError(`"${name}" on "${model}" must be a non-negative integer.`, { model });
}
