import { memoryStorage, type MetricsQueryInput, type MetricsResult, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgentMonth, type UrgentMonth } from '../../packages/community/src/metrics/__fixtures__/urgent-month.js';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';

/**
 * A plugin's measures (urgent requests closed, received, and flagged by a date field the
 * plugin adds) over the same history on memory, SQLite and PostgreSQL: pushed down to each
 * database and computed from its rows, one answer, and the right one.
 */

const QUERIES: MetricsQueryInput[] = [
  { period: { month: '2026-03' } },
  { period: { month: '2026-03' }, groupBy: ['park'] },
  { period: { quarter: '2026-Q1' }, groupBy: ['month'] },
  { period: { from: '2026-02-01', to: '2026-04-30' }, groupBy: ['park', 'month'] },
  { period: { month: '2026-03' }, groupBy: ['assignee', 'channel'], asOf: new Date('2026-03-04T10:30:00+08:00') },
];

const strip = ({ evaluation: _evaluation, ...rest }: MetricsResult): Omit<MetricsResult, 'evaluation'> => rest;

describe('plugin measures on every adapter', () => {
  const worlds: { name: string; world: UrgentMonth; storage: StorageAdapter }[] = [];
  let schema: string | null = null;

  beforeAll(async () => {
    const storages: { name: string; storage: StorageAdapter }[] = [
      { name: 'memory', storage: memoryStorage() },
      { name: 'SQLite', storage: sqliteStorage({ filename: ':memory:' }) },
    ];
    if (await probeDatabase('tests/metrics/plugin-measures.test.ts')) {
      schema = freshSchemaName();
      storages.push({ name: 'PostgreSQL', storage: postgresStorage({ connectionString, schema, max: 2 }) });
    }
    for (const { name, storage } of storages) worlds.push({ name, storage, world: await urgentMonth({ storage }) });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(worlds.map(({ storage }) => storage.close?.()));
    if (schema) await dropSchema(schema);
  });

  it('gives one answer on every adapter, pushed down and from rows', async () => {
    for (const query of QUERIES) {
      const answers: { where: string; result: Omit<MetricsResult, 'evaluation'> }[] = [];
      for (const { name, world } of worlds) {
        const pushed = await world.fx.system.metrics.query({ ...query, evaluation: 'database' });
        const fetched = await world.fx.system.metrics.query({ ...query, evaluation: 'in_memory' });
        expect([pushed.evaluation, fetched.evaluation]).toEqual(['database', 'in_memory']);
        answers.push({ where: `${name} database`, result: strip(pushed) }, { where: `${name} in_memory`, result: strip(fetched) });
      }
      const [first, ...rest] = answers;
      for (const answer of rest) expect({ where: answer.where, result: answer.result }).toEqual({ where: answer.where, result: first?.result });
    }
  });

  it('counts the urgent requests closed in the period, on each adapter', async () => {
    for (const { world } of worlds) {
      const march = await world.fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'], evaluation: 'database' });
      expect(march.total.measures).toEqual({ 'urgent.closed': 1, 'urgent.received': 4, 'urgent.flagged': 4 });
      expect(march.rows.map((row) => [row.labels.park?.code, row.measures['urgent.closed']])).toEqual([
        ['P01', 1],
        ['P02', 0],
      ]);
      expect(march.measures['urgent.closed']?.label['zh-CN']).toBe('紧急诉求办结数');
    }
  });
});
