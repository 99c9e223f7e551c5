import { sql, type RawBuilder } from 'kysely';
import { isOrGroup } from '@kechuang/community';
import type { FieldValue, ModelDefinition, OrderBy, Row, Where, WhereCondition } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';

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

type Sql = RawBuilder<unknown>;

/** A column reference. */
export function col(map: TableMap, field: string): Sql {
  return sql.ref(map.columns[field] ?? field);
}

/** A field value as a bound parameter, encoded by the field's type. */
export function param(dialect: SqlDialectDescription, map: TableMap, field: string, value: FieldValue): Sql {
  if (value === null) return sql`NULL`;
  const type = map.definition.fields[field]?.type ?? 'string';
  return sql.val(dialect.encode(type, value));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function condition(dialect: SqlDialectDescription, map: TableMap, { field, op = 'eq', value }: WhereCondition): Sql {
  const c = col(map, field);
  const v = (item: unknown): Sql => param(dialect, map, field, item as FieldValue);
  const list = Array.isArray(value) ? (value as readonly FieldValue[]) : [];
  switch (op) {
    case 'eq':
      return sql`${c} = ${v(value)}`;
    case 'ne':
      return sql`${c} <> ${v(value)}`;
    case 'lt':
      return sql`${c} < ${v(value)}`;
    case 'lte':
      return sql`${c} <= ${v(value)}`;
    case 'gt':
      return sql`${c} > ${v(value)}`;
    case 'gte':
      return sql`${c} >= ${v(value)}`;
    case 'in':
      return list.length === 0 ? sql`1 = 0` : sql`${c} IN (${sql.join(list.map(v))})`;
    case 'not_in':
      return list.length === 0 ? sql`1 = 1` : sql`${c} NOT IN (${sql.join(list.map(v))})`;
    case 'is_null':
      return sql`${c} IS NULL`;
    case 'is_not_null':
      return sql`${c} IS NOT NULL`;
    case 'contains':
    case 'starts_with': {
      const text = String(value);
      // SQLite's LIKE ignores ASCII case, so it matches with instr/substr (exact, binary).
      if (dialect.textMatch === 'instr') {
        return op === 'contains' ? sql`instr(${c}, ${text}) > 0` : sql`substr(${c}, 1, length(${text})) = ${text}`;
      }
      const pattern = op === 'contains' ? `%${escapeLike(text)}%` : `${escapeLike(text)}%`;
      return sql`${c} LIKE ${pattern} ESCAPE '\\'`;
    }
  }
}

/** `where` as a SQL boolean expression (`1 = 1` when empty). */
export function whereSql(dialect: SqlDialectDescription, map: TableMap, where: Where | undefined): Sql {
  const parts = (where ?? []).map((entry) => {
    if (!isOrGroup(entry)) return condition(dialect, map, entry);
    if (entry.or.length === 0) return sql`1 = 0`;
    return sql`(${sql.join(entry.or.map((c) => sql`(${condition(dialect, map, c)})`), sql` OR `)})`;
  });
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts.map((p) => sql`(${p})`), sql` AND `);
}

/** The keyset condition "strictly after `after` in `orderBy` order", as native SQL. */
export function afterSql(dialect: SqlDialectDescription, map: TableMap, orderBy: readonly OrderBy[], after: readonly FieldValue[]): Sql {
  const branches = orderBy.map((term, i) => {
    const equal = orderBy.slice(0, i).map((prev, j) => sql`${col(map, prev.field)} = ${param(dialect, map, prev.field, after[j] ?? null)}`);
    const cmp = term.direction === 'desc' ? sql`<` : sql`>`;
    const strict = sql`${col(map, term.field)} ${cmp} ${param(dialect, map, term.field, after[i] ?? null)}`;
    return sql`(${sql.join([...equal, strict], sql` AND `)})`;
  });
  return sql`(${sql.join(branches, sql` OR `)})`;
}

/** `ORDER BY …` or nothing. */
export function orderSql(map: TableMap, orderBy: readonly OrderBy[]): Sql {
  if (orderBy.length === 0) return sql``;
  const terms = orderBy.map((t) => sql`${col(map, t.field)} ${t.direction === 'desc' ? sql`DESC` : sql`ASC`}`);
  return sql` ORDER BY ${sql.join(terms)}`;
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
