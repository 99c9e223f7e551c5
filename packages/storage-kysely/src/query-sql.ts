import { isOrGroup } from '@kechuang/community';
import type { FieldValue, ModelDefinition, OrderBy, Row, Where, WhereCondition } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import { ident, type SqlText } from './sql-text.js';

/** `officeId` → `office_id`: the column and table naming of the SQL adapters. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** How one model maps to SQL. */
export interface TableMap {
  model: string;
  table: string;
  definition: ModelDefinition;
  /** field → column */
  columns: Record<string, string>;
}

const tableMaps = new WeakMap<ModelDefinition, TableMap>();

/** The table map of a model; throws when two fields collapse into one column name. */
export function tableMap(model: string, definition: ModelDefinition): TableMap {
  // Every operation asks for its model's map: built once per schema definition.
  const cached = tableMaps.get(definition);
  if (cached && cached.model === model) return cached;
  const map = buildTableMap(model, definition);
  tableMaps.set(definition, map);
  return map;
}

function buildTableMap(model: string, definition: ModelDefinition): TableMap {
  const columns: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const field of Object.keys(definition.fields)) {
    const column = snakeCase(field);
    const other = seen.get(column);
    if (other !== undefined) throw new Error(`Fields "${model}.${other}" and "${model}.${field}" both map to the column "${column}".`);
    seen.set(column, field);
    columns[field] = column;
  }
  return { model, table: snakeCase(model), definition, columns };
}

/** A column reference, quoted. */
export function col(map: TableMap, field: string): string {
  return ident(map.columns[field] ?? field);
}

/** A field value as a bound parameter, encoded by the field's type; null as the `NULL` literal. */
export function param(q: SqlText, map: TableMap, field: string, value: FieldValue): string {
  if (value === null) return 'NULL';
  const type = map.definition.fields[field]?.type ?? 'string';
  return q.bind(q.dialect.encode(type, value));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function list(q: SqlText, map: TableMap, field: string, values: readonly FieldValue[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) text += (i === 0 ? '' : ', ') + param(q, map, field, values[i] ?? null);
  return text;
}

function condition(q: SqlText, map: TableMap, { field, op = 'eq', value }: WhereCondition): string {
  const c = col(map, field);
  const values = Array.isArray(value) ? (value as readonly FieldValue[]) : [];
  switch (op) {
    case 'eq':
      return `${c} = ${param(q, map, field, value as FieldValue)}`;
    case 'ne':
      return `${c} <> ${param(q, map, field, value as FieldValue)}`;
    case 'lt':
      return `${c} < ${param(q, map, field, value as FieldValue)}`;
    case 'lte':
      return `${c} <= ${param(q, map, field, value as FieldValue)}`;
    case 'gt':
      return `${c} > ${param(q, map, field, value as FieldValue)}`;
    case 'gte':
      return `${c} >= ${param(q, map, field, value as FieldValue)}`;
    case 'in':
      return values.length === 0 ? '1 = 0' : `${c} IN (${list(q, map, field, values)})`;
    case 'not_in':
      return values.length === 0 ? '1 = 1' : `${c} NOT IN (${list(q, map, field, values)})`;
    case 'is_null':
      return `${c} IS NULL`;
    case 'is_not_null':
      return `${c} IS NOT NULL`;
    case 'contains':
    case 'starts_with': {
      const text = String(value);
      // SQLite's LIKE ignores ASCII case, so it matches with instr/substr (exact, binary).
      if (q.dialect.textMatch === 'instr') {
        return op === 'contains' ? `instr(${c}, ${q.bind(text)}) > 0` : `substr(${c}, 1, length(${q.bind(text)})) = ${q.bind(text)}`;
      }
      const pattern = op === 'contains' ? `%${escapeLike(text)}%` : `${escapeLike(text)}%`;
      return `${c} LIKE ${q.bind(pattern)} ESCAPE '\\'`;
    }
  }
}

/** `where` as a SQL boolean expression (`1 = 1` when empty). */
export function whereSql(q: SqlText, map: TableMap, where: Where | undefined): string {
  if (!where || where.length === 0) return '1 = 1';
  let text = '';
  for (const entry of where) {
    let part: string;
    if (!isOrGroup(entry)) part = condition(q, map, entry);
    else if (entry.or.length === 0) part = '1 = 0';
    else part = `(${entry.or.map((c) => `(${condition(q, map, c)})`).join(' OR ')})`;
    text += `${text === '' ? '' : ' AND '}(${part})`;
  }
  return text;
}

/** The keyset condition "strictly after `after` in `orderBy` order", as native SQL. */
export function afterSql(q: SqlText, map: TableMap, orderBy: readonly OrderBy[], after: readonly FieldValue[]): string {
  const branches = orderBy.map((term, i) => {
    const equal = orderBy.slice(0, i).map((prev, j) => `${col(map, prev.field)} = ${param(q, map, prev.field, after[j] ?? null)}`);
    const strict = `${col(map, term.field)} ${term.direction === 'desc' ? '<' : '>'} ${param(q, map, term.field, after[i] ?? null)}`;
    return `(${[...equal, strict].join(' AND ')})`;
  });
  return `(${branches.join(' OR ')})`;
}

/** ` ORDER BY …` or nothing. */
export function orderSql(map: TableMap, orderBy: readonly OrderBy[]): string {
  if (orderBy.length === 0) return '';
  return ` ORDER BY ${orderBy.map((t) => `${col(map, t.field)} ${t.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
}

/** A driver row (columns) → a stored row (fields), converted by the schema's field types. */
export function decodeRow(dialect: SqlDialectDescription, map: TableMap, raw: Record<string, unknown>, fields?: readonly string[]): Row {
  const row: Row = {};
  for (const field of fields ?? Object.keys(map.definition.fields)) {
    const value = raw[map.columns[field] ?? field];
    const type = map.definition.fields[field]?.type ?? 'string';
    row[field] = value === null || value === undefined ? null : dialect.decode(type, value);
  }
  return row;
}
