import { storageError } from './storage-error.js';
import { cloneFieldValue } from './clone-row.js';
import { checkCondition } from './evaluate-where.js';
import {
  isOrGroup,
  type FieldDefinition,
  type FieldType,
  type KeysetCursor,
  type ModelDefinition,
  type OrderBy,
  type Row,
  type StorageSchema,
  type Where,
} from './types.js';

// Checks of queries and rows against the schema handed to `init`. An adapter that accepted
// what a SQL database would reject would hide bugs in the core until it met a real database,
// so these are deliberately as strict as SQL (and stricter where SQL would silently coerce).

const FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>(['string', 'number', 'boolean', 'date', 'json']);
const MAX_JSON_DEPTH = 100;


/** A value as messages show it, e.g. `the string "abc"`, `a Date`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return `a value of type ${typeof value}`;
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

function fitsType(type: FieldType, value: unknown): boolean {
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
      return isJsonValue(value, 0);
  }
}

const EXPECTED: Record<FieldType, string> = {
  string: 'a string',
  number: 'a finite number',
  boolean: 'true or false',
  date: 'a valid Date',
  json: 'a JSON value (plain objects, arrays, strings, finite numbers, booleans, null; no Dates, undefined or cycles)',
};

export function fieldOf(model: string, definition: ModelDefinition, field: string, usedIn: string): FieldDefinition {
  const found = Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
  if (!found) {
    throw storageError(
      `Unknown field "${field}" on model "${model}" in ${usedIn}. Known fields: ${Object.keys(definition.fields).join(', ')}. ` +
        'Fix the field name or add the field to the schema passed to init().',
      { model, field }
    );
  }
  return found;
}

function checkValue(model: string, field: string, definition: FieldDefinition, value: unknown, usedIn: string): void {
  if (value === null) {
    if (definition.nullable) return;
    throw storageError(
      `Field "${model}.${field}" is not nullable but got null in ${usedIn}. Pass ${EXPECTED[definition.type]}, ` +
        'or mark the field `nullable: true` in the schema.',
      { model, field }
    );
  }
  if (!fitsType(definition.type, value)) {
    throw storageError(
      `Field "${model}.${field}" is a ${definition.type} field but got ${describe(value)} in ${usedIn}. ` +
        `Pass ${EXPECTED[definition.type]}.`,
      { model, field }
    );
  }
}

function checkFieldList(model: string, definition: ModelDefinition, kind: string, name: string, fields: readonly string[]): void {
  if (fields.length === 0)
    throw storageError(`The ${kind} "${name}" of model "${model}" lists no fields; list at least one.`, { model });
  for (const field of fields) fieldOf(model, definition, field, `the ${kind} "${name}"`);
}

/** Throws `STORAGE_ERROR` explaining the first thing wrong with `schema`. */
export function checkSchema(schema: StorageSchema): void {
  if (typeof schema !== 'object' || schema === null || typeof schema.models !== 'object' || schema.models === null) {
    throw storageError('init() needs a schema of the form { version, models: { name: { fields: { … } } } }.');
  }
  for (const [model, definition] of Object.entries(schema.models)) {
    for (const [field, fieldDefinition] of Object.entries(definition.fields)) {
      if (!FIELD_TYPES.has(fieldDefinition.type)) {
        throw storageError(
          `Field "${model}.${field}" has unknown type "${String(fieldDefinition.type)}". Use one of: ${[...FIELD_TYPES].join(
            ', '
          )}.`,
          { model, field }
        );
      }
    }
    const id = definition.fields['id'];
    if (!id || id.type !== 'string' || id.nullable) {
      throw storageError(`Model "${model}" needs a non-nullable string field "id"; every model is keyed by it.`, { model });
    }
    for (const constraint of definition.unique ?? [])
      checkFieldList(model, definition, 'unique constraint', constraint.name, constraint.fields);
    for (const index of definition.indexes ?? []) checkFieldList(model, definition, 'index', index.name, index.fields);
  }
}

/** The definition of `model`, or `STORAGE_ERROR` naming the models that do exist. */
export function modelOf(schema: StorageSchema, model: string): ModelDefinition {
  const found = Object.hasOwn(schema.models, model) ? schema.models[model] : undefined;
  if (!found) {
    throw storageError(
      `Unknown model "${model}". Known models: ${Object.keys(schema.models).join(', ') || '(none)'}. ` +
        'Fix the model name or add the model to the schema passed to init().',
      { model }
    );
  }
  return found;
}

function checkDataEntries(model: string, definition: ModelDefinition, data: Row, usedIn: string): Row {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw storageError(`The data for ${usedIn} on model "${model}" must be an object of field values.`, { model });
  }
  const copy: Row = {};
  for (const [field, value] of Object.entries(data)) {
    const fieldDefinition = fieldOf(model, definition, field, `the data for ${usedIn}`);
    if (value === undefined) {
      throw storageError(
        `Field "${model}.${field}" is undefined in the data for ${usedIn}. Pass null to store no value, or leave the key out.`,
        { model, field }
      );
    }
    checkValue(model, field, fieldDefinition, value, `the data for ${usedIn}`);
    copy[field] = cloneFieldValue(value);
  }
  return copy;
}

/**
 * A checked deep copy of `data` for `create`: every field known and of its type, every
 * field present (nullable ones left out become null, like a SQL column without a default).
 */
export function prepareCreateRow(model: string, definition: ModelDefinition, data: Row): Row {
  const copy = checkDataEntries(model, definition, data, 'create');
  const row: Row = {};
  for (const [field, fieldDefinition] of Object.entries(definition.fields)) {
    const value = copy[field];
    if (value !== undefined) row[field] = value;
    else if (fieldDefinition.nullable) row[field] = null;
    else {
      throw storageError(`Field "${model}.${field}" is required by create but missing. Pass ${EXPECTED[fieldDefinition.type]}.`, {
        model,
        field,
      });
    }
  }
  return row;
}

/** A checked deep copy of `data` for `update`: only the fields it names. */
export function prepareUpdatePatch(model: string, definition: ModelDefinition, data: Row): Row {
  return checkDataEntries(model, definition, data, 'update');
}

/** Checks that `where` names known, filterable fields and compares them with values of their type. */
export function checkWhere(model: string, definition: ModelDefinition, where: Where): void {
  if (!Array.isArray(where))
    throw storageError(`"where" on model "${model}" must be an array of conditions and OR groups.`, { model });
  const conditions = where.flatMap((entry) => (isOrGroup(entry) ? entry.or : [entry]));
  for (const condition of conditions) {
    const { field, op = 'eq', value } = condition;
    const fieldDefinition = fieldOf(model, definition, field, 'where');
    checkCondition(condition);
    if (op === 'is_null' || op === 'is_not_null') continue;
    if (fieldDefinition.type === 'json') {
      throw storageError(
        `Field "${model}.${field}" is a json field and can only be filtered with is_null/is_not_null, since SQL databases ` +
          `compare JSON differently. Move what you need to filter on ("${op}") into a field of its own.`,
        { model, field }
      );
    }
    if ((op === 'contains' || op === 'starts_with') && fieldDefinition.type !== 'string') {
      throw storageError(
        `Operator "${op}" only works on string fields, but "${model}.${field}" is a ${fieldDefinition.type} field.`,
        {
          model,
          field,
        }
      );
    }
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== null && item !== undefined && !fitsType(fieldDefinition.type, item)) {
        throw storageError(
          `where compares the ${fieldDefinition.type} field "${model}.${field}" with ${describe(item)}. Pass ${
            EXPECTED[fieldDefinition.type]
          }.`,
          { model, field }
        );
      }
    }
  }
}

function isUniqueAlone(definition: ModelDefinition, field: string): boolean {
  if (field === 'id') return true;
  return (definition.unique ?? []).some((constraint) => constraint.fields.length === 1 && constraint.fields[0] === field);
}

/** Checks ordering terms, and the cursor against them (non-nullable fields, unique last term). */
export function checkOrdering(
  model: string,
  definition: ModelDefinition,
  orderBy: readonly OrderBy[],
  after: KeysetCursor | undefined
): void {
  for (const { field, direction } of orderBy) {
    const fieldDefinition = fieldOf(model, definition, field, 'orderBy');
    if (fieldDefinition.type === 'json') {
      throw storageError(`Cannot order by the json field "${model}.${field}"; order by a scalar field.`, { model, field });
    }
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
      throw storageError(`orderBy direction for "${model}.${field}" must be "asc" or "desc" (got ${describe(direction)}).`, {
        model,
        field,
      });
    }
  }
  if (after === undefined) return;
  if (!Array.isArray(after) || after.length !== orderBy.length || orderBy.length === 0) {
    throw storageError(
      `The keyset cursor "after" on model "${model}" must hold one value per orderBy term ` +
        `(${orderBy.length} terms, got ${
          Array.isArray(after) ? after.length : describe(after)
        }). Build it from the last row's ordering fields.`,
      { model }
    );
  }
  const last = orderBy[orderBy.length - 1];
  if (last && !isUniqueAlone(definition, last.field)) {
    throw storageError(
      `Keyset paging on model "${model}" needs a unique last orderBy term, but "${last.field}" is not unique on its own. ` +
        'End orderBy with { field: "id" }.',
      { model, field: last.field }
    );
  }
  orderBy.forEach(({ field }, index) => {
    const fieldDefinition = fieldOf(model, definition, field, 'orderBy');
    if (fieldDefinition.nullable) {
      throw storageError(
        `Keyset paging on model "${model}" cannot order by the nullable field "${field}". Use non-nullable ordering fields, or page with offset.`,
        { model, field }
      );
    }
    checkValue(model, field, { type: fieldDefinition.type }, after[index], `the keyset cursor "after"`);
  });
}

/** Checks a limit or offset: a non-negative integer when given. */
export function checkCount(model: string, name: 'limit' | 'offset', value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0) {
    throw storageError(`"${name}" on model "${model}" must be a non-negative integer (got ${describe(value)}).`, { model });
  }
}

/** Checks the fields of an aggregate's `groupBy`. */
export function checkGroupBy(model: string, definition: ModelDefinition, groupBy: readonly string[]): void {
  if (!Array.isArray(groupBy)) throw storageError(`"groupBy" on model "${model}" must be an array of field names.`, { model });
  for (const field of groupBy) {
    if (fieldOf(model, definition, field, 'groupBy').type === 'json') {
      throw storageError(`Cannot group by the json field "${model}.${field}"; group by a scalar field.`, { model, field });
    }
  }
}
