import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '@kechuang/community';
import { postgresDialect, sqliteDialect } from './dialect.js';
import { afterSql, orderSql, tableMap, whereSql } from './query-sql.js';
import { ident, SqlText } from './sql-text.js';

const definition: ModelDefinition = {
  fields: {
    id: { type: 'string' },
    title: { type: 'string', nullable: true },
    dueAt: { type: 'date' },
    done: { type: 'boolean' },
  },
};
const map = tableMap('workItem', definition);

describe('SQL text for PostgreSQL', () => {
  it('numbers placeholders in text order and encodes values by field type', () => {
    const q = new SqlText(postgresDialect);
    const text = `${whereSql(q, map, [
      { field: 'done', value: true },
      { or: [{ field: 'title', op: 'in', value: ['a', 'b'] }, { field: 'title', value: null }] },
    ])} AND ${afterSql(q, map, [{ field: 'dueAt' }, { field: 'id', direction: 'desc' }], [new Date(5), 'x'])}`;
    expect(text).toBe(
      '("done" = $1) AND ((("title" IN ($2, $3)) OR ("title" = NULL))) AND ' +
        '(("due_at" > $4) OR ("due_at" = $5 AND "id" < $6))'
    );
    expect(q.params).toEqual([true, 'a', 'b', new Date(5), new Date(5), 'x']);
  });

  it('escapes LIKE patterns and writes the constant conditions of empty lists', () => {
    const q = new SqlText(postgresDialect);
    const text = whereSql(q, map, [
      { field: 'title', op: 'contains', value: '50%_\\' },
      { field: 'id', op: 'in', value: [] },
      { field: 'id', op: 'not_in', value: [] },
      { or: [] },
    ]);
    expect(text).toBe(`("title" LIKE $1 ESCAPE '\\') AND (1 = 0) AND (1 = 1) AND (1 = 0)`);
    expect(q.params).toEqual(['%50\\%\\_\\\\%']);
  });
});

describe('SQL text for SQLite', () => {
  it('uses positional placeholders, instr/substr text matching and integer LIMITs', () => {
    const q = new SqlText(sqliteDialect);
    const text = `${whereSql(q, map, [
      { field: 'title', op: 'starts_with', value: 'Ab' },
      { field: 'dueAt', op: 'gte', value: new Date(7) },
    ])}${orderSql(map, [{ field: 'dueAt', direction: 'desc' }, { field: 'id' }])} LIMIT ${q.bindInteger(3)}`;
    expect(text).toBe('(substr("title", 1, length(?)) = ?) AND ("due_at" >= ?) ORDER BY "due_at" DESC, "id" ASC LIMIT ?');
    expect(q.params).toEqual(['Ab', 'Ab', 7, 3n]);
  });

  it('writes an empty where as always true', () => {
    const q = new SqlText(sqliteDialect);
    expect(whereSql(q, map, undefined)).toBe('1 = 1');
    expect(q.params).toEqual([]);
  });
});

describe('ident', () => {
  it('double-quotes identifiers, doubling inner quotes', () => {
    expect(ident('work_item')).toBe('"work_item"');
    expect(ident('a"b')).toBe('"a""b"');
  });
});
