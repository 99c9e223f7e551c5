import { describe, expect, it } from 'vitest';
import { isKechuangError, type ModelDefinition } from '@kechuang/community';
import type { QueryResult } from 'kysely';
import { createAggregate } from './aggregate.js';
import { aggregatePlan, aggregateSql, decodeGroups } from './aggregate-sql.js';
import type { RunStatement } from './claim.js';
import { postgresDialect, sqliteDialect, type SqlDialectDescription } from './dialect.js';
import { tableMap } from './query-sql.js';
import { SqlText } from './sql-text.js';

const definition: ModelDefinition = {
  fields: {
    id: { type: 'string' },
    parkId: { type: 'string', nullable: true },
    outcome: { type: 'string', nullable: true },
    respondOnTime: { type: 'boolean', nullable: true },
    respondWorkMs: { type: 'number', nullable: true },
    createdAt: { type: 'date' },
    attributes: { type: 'json' },
  },
};
const map = tableMap('request', definition);
const june = [{ field: 'createdAt', op: 'gte', value: new Date(1000) }] as const;

describe('aggregate SQL', () => {
  it('writes counts as one grouped statement, placeholders numbered in text order (PostgreSQL)', () => {
    const q = new SqlText(postgresDialect);
    const text = aggregateSql(q, map, {
      model: 'request',
      where: june,
      groupBy: ['parkId'],
      counts: { onTime: [{ field: 'respondOnTime', value: true }], resolved: [{ field: 'outcome', op: 'in', value: ['solved', 'explained'] }], all: [] },
    });
    expect(text).toBe(
      'SELECT "park_id" AS kc_g0, count(*) AS kc_count, count(CASE WHEN (("respond_on_time" = $1)) THEN 1 END) AS kc_c0, ' +
        'count(CASE WHEN (("outcome" IN ($2, $3))) THEN 1 END) AS kc_c1, count(CASE WHEN (1 = 1) THEN 1 END) AS kc_c2 ' +
        'FROM "request" WHERE ("created_at" >= $4) GROUP BY "park_id"'
    );
    expect(q.params).toEqual([true, 'solved', 'explained', new Date(1000)]);
  });

  it('ranks percentiles with window functions and integer products only, one window per field (SQLite)', () => {
    const q = new SqlText(sqliteDialect);
    const text = aggregateSql(q, map, {
      model: 'request',
      where: june,
      groupBy: ['parkId'],
      counts: { onTime: [{ field: 'respondOnTime', value: true }] },
      percentiles: { p50: { field: 'respondWorkMs', permille: 500 }, p90: { field: 'respondWorkMs', permille: 900 } },
    });
    const value = '"respond_work_ms"';
    const window = `(PARTITION BY +"park_id" ORDER BY CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END, ${value} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
    expect(text).toBe(
      'SELECT kc_g0, count(*) AS kc_count, count(kc_m0) AS kc_c0, ' +
        'max(CASE WHEN kc_r0 * 1000 >= kc_n0 * 500 AND kc_r0 * 1000 < kc_n0 * 500 + 1000 THEN kc_v0 END) AS kc_p0, ' +
        'max(CASE WHEN kc_r0 * 1000 >= kc_n0 * 900 AND kc_r0 * 1000 < kc_n0 * 900 + 1000 THEN kc_v0 END) AS kc_p1 ' +
        'FROM (SELECT "park_id" AS kc_g0, CASE WHEN (("respond_on_time" = ?)) THEN 1 END AS kc_m0, ' +
        `${value} AS kc_v0, row_number() OVER ${window} AS kc_r0, count(${value}) OVER ${window} AS kc_n0 ` +
        'FROM "request" WHERE ("created_at" >= ?)) kc_rows GROUP BY kc_g0'
    );
    expect(q.params).toEqual([1, 1000]);
  });

  it('keeps SQLite off the grouping column\'s index, so the range of the where-clause drives the plan', () => {
    const text = aggregateSql(new SqlText(sqliteDialect), map, { model: 'request', where: june, groupBy: ['parkId'] });
    expect(text).toBe('SELECT "park_id" AS kc_g0, count(*) AS kc_count FROM "request" WHERE ("created_at" >= ?) GROUP BY +"park_id"');
  });

  it('leaves out GROUP BY and PARTITION BY without groupBy, and follows a described dialect\'s placeholders', () => {
    const colon: SqlDialectDescription = { ...postgresDialect, name: 'colon', placeholder: (i) => `:p${i}` };
    const q = new SqlText(colon);
    const text = aggregateSql(q, map, {
      model: 'request',
      where: june,
      groupBy: [],
      counts: { late: [{ field: 'respondOnTime', value: false }] },
      percentiles: { p1: { field: 'respondWorkMs', permille: 1 } },
    });
    expect(text).toContain('row_number() OVER (ORDER BY CASE WHEN "respond_work_ms" IS NULL THEN 1 ELSE 0 END, "respond_work_ms" ROWS');
    expect(text).not.toContain('PARTITION BY');
    expect(text).not.toContain('GROUP BY');
    expect(text).toMatch(/THEN 1 END AS kc_m0, .* WHERE \("created_at" >= :p2\)\) kc_rows$/);
    expect(text).toContain('("respond_on_time" = :p1)');
    expect(q.params).toEqual([false, new Date(1000)]);
  });
});

describe('aggregate results', () => {
  it('decodes group values like stored rows, counts from bigint or digit strings, percentiles as numbers', () => {
    const plan = aggregatePlan({
      model: 'request',
      groupBy: ['respondOnTime', 'createdAt'],
      counts: { a: [], b: [] },
      percentiles: { p50: { field: 'respondWorkMs', permille: 500 } },
    });
    const groups = decodeGroups(sqliteDialect, map, plan, [
      { kc_g0: 1, kc_g1: 5000, kc_count: 3n, kc_c0: '3', kc_c1: 0, kc_p0: 1.5 },
      { kc_g0: null, kc_g1: 6000, kc_count: 1, kc_c0: 1, kc_c1: 1, kc_p0: null },
    ]);
    expect(groups).toStrictEqual([
      { group: { respondOnTime: true, createdAt: new Date(5000) }, count: 3, counts: { a: 3, b: 0 }, percentiles: { p50: 1.5 } },
      { group: { respondOnTime: null, createdAt: new Date(6000) }, count: 1, counts: { a: 1, b: 1 }, percentiles: { p50: null } },
    ]);
  });

  it('checks the arguments before any statement runs', async () => {
    const statements: string[] = [];
    const run: RunStatement = async <R>(_map: unknown, build: (q: SqlText) => string): Promise<QueryResult<R>> => {
      statements.push(build(new SqlText(sqliteDialect)));
      return { rows: [] };
    };
    const aggregate = createAggregate(sqliteDialect, () => map, run);
    const bad = [
      { percentiles: { p: { field: 'outcome', permille: 500 } } },
      { percentiles: { p: { field: 'respondWorkMs', permille: 0 } } },
      { percentiles: { p: { field: 'respondWorkMs', permille: 1001 } } },
      { percentiles: { p: { field: 'respondWorkMs', permille: 1.5 } } },
      { counts: { c: [{ field: 'nope', value: 1 }] } },
      { counts: { c: [{ field: 'attributes', value: 'x' }] } },
    ];
    for (const args of bad) {
      const error = await aggregate({ model: 'request', groupBy: [], ...args }).catch((e: unknown) => e);
      expect(isKechuangError(error, 'STORAGE_ERROR'), JSON.stringify(args)).toBe(true);
    }
    expect(statements).toEqual([]);
    await aggregate({ model: 'request', groupBy: [] });
    expect(statements).toHaveLength(1);
  });
});
