import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity } from '@kechuang/community';
import { walkClosedLoop } from '@kechuang/testing';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from './pg-test-database.js';
import { postgresStorage } from './postgres-storage.js';
import { parseSafeNumber } from './safe-numbers.js';

const reachable = await probeDatabase('postgres-sdk.test.ts');
const schema = freshSchemaName();
afterAll(async () => {
  if (reachable) await dropSchema(schema);
});

describe('parseSafeNumber', () => {
  it('returns exact numbers and refuses the rest', () => {
    expect(parseSafeNumber('42')).toBe(42);
    expect(parseSafeNumber('-9007199254740991')).toBe(-9007199254740991);
    expect(parseSafeNumber('1.50')).toBe(1.5);
    expect(parseSafeNumber('0.1')).toBe(0.1);
    expect(() => parseSafeNumber('9007199254740993')).toThrow(/safe integer/);
    expect(() => parseSafeNumber('0.10000000000000000001')).toThrow(/exactly/);
    expect(() => parseSafeNumber('NaN')).toThrow(/finite/);
  });
});

describe.skipIf(!reachable)(reachable ? 'the whole SDK on postgresStorage' : `the whole SDK on postgresStorage — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
  it('reads int8 and numeric as checked numbers through the adapter pool', async () => {
    const storage = postgresStorage({ connectionString, schema });
    try {
      await storage.init({ version: 1, models: { note: { fields: { id: { type: 'string' } } } } });
      await storage.create({ model: 'note', data: { id: 'a' } });
      expect(await storage.aggregate?.({ model: 'note', groupBy: [] })).toEqual([{ group: {}, count: 1, counts: {}, percentiles: {} }]);
    } finally {
      await storage.close?.();
    }
  });

  it('sets the planner settings asked for on each connection, and leaves a pool of yours alone otherwise', async () => {
    const pool = new pg.Pool({ connectionString, max: 1 });
    try {
      const tuned = postgresStorage({ pool, schema, settings: { random_page_cost: 1.5, jit: 'off' } });
      await tuned.init({ version: 1, models: { note: { fields: { id: { type: 'string' } } } } });
      await tuned.count({ model: 'note' });
      expect((await pool.query('SHOW random_page_cost')).rows[0]).toEqual({ random_page_cost: '1.5' });
      expect((await pool.query('SHOW jit')).rows[0]).toEqual({ jit: 'off' });
    } finally {
      await pool.end();
    }
    const own = new pg.Pool({ connectionString, max: 1 });
    try {
      const plain = postgresStorage({ pool: own, schema });
      await plain.init({ version: 1, models: { note: { fields: { id: { type: 'string' } } } } });
      await plain.count({ model: 'note' });
      expect((await own.query('SHOW random_page_cost')).rows[0]).toEqual({ random_page_cost: '4' });
    } finally {
      await own.end();
    }
    expect(() => postgresStorage({ connectionString, settings: { 'work_mem; DROP TABLE x': '1MB' } })).toThrow(/not a setting name/);
  });

  it('a host config stored once stays one version across restarts, although jsonb reorders its keys', async () => {
    const config = {
      portfolios: [{ id: 'economic_development', labels: { 'zh-CN': '经济发展', en: 'Economic development' } }],
      categories: [{ id: 'policy', labels: { 'zh-CN': '政策咨询', en: 'Policy questions' }, portfolio: 'economic_development' }],
      routing: { rules: [], fallback: { assign: { role: 'station_head' as const } } },
    };
    const restart = async (): Promise<number | undefined> => {
      const storage = postgresStorage({ connectionString, schema: `${schema}_restarts` });
      try {
        const community = createCommunity({ storage, config });
        const office = (await community.offices.findByCode('restarts')) ?? (await community.offices.create({ code: 'restarts', name: '重启测试街道' }));
        return (await community.as({ kind: 'system', officeId: office.id }).config.get())?.version;
      } finally {
        await storage.close?.();
      }
    };
    try {
      expect([await restart(), await restart(), await restart()]).toEqual([1, 1, 1]);
    } finally {
      await dropSchema(`${schema}_restarts`);
    }
  });

  it('submit → assign → accept → reply → followUp, then reads the timeline back', { timeout: 30_000 }, async () => {
    const storage = postgresStorage({ connectionString, schema });
    try {
      const { done, request, timeline } = await walkClosedLoop(storage);
      expect(request.version).toBe(done.version);
      expect(timeline.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...timeline.map((e) => e.seq))).toBe(done.version);
      expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['submitted', 'accepted', 'replied', 'followed_up']));
    } finally {
      await storage.close?.();
    }
  });
});
