import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, manualClock, sequentialIds } from '@kechuang/community';
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
      expect(await storage.aggregate?.({ model: 'note', groupBy: [] })).toEqual([{ group: {}, count: 1 }]);
    } finally {
      await storage.close?.();
    }
  });

  it('submit → assign → accept → reply → followUp, then reads the timeline back', { timeout: 30_000 }, async () => {
    const storage = postgresStorage({ connectionString, schema });
    const community = createCommunity({ storage, clock: manualClock(new Date('2026-03-02T01:00:00Z')), ids: sequentialIds('id') });
    try {
      const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
      const system = community.as({ kind: 'system', officeId: office.id });
      const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
      const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
      const ent = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
      const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
      const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
      const lead = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
      const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });

      const r = await system.requests.submit({ communityId: mc.id, enterpriseId: ent.id, channel: 'phone', category: 'other', title: '尾款未结', description: '只有聊天记录' });
      if (r.status === 'submitted') await as(head.id).requests.assign({ requestId: r.id, assigneeId: lead.id });
      await as(lead.id).requests.accept({ requestId: r.id });
      await as(lead.id).requests.reply({ requestId: r.id, outcome: 'solved', note: '已办理' });
      const done = await system.requests.followUp({ requestId: r.id, rating: 'satisfied' });

      const { request, timeline } = await system.requests.get(r.id);
      expect(request.version).toBe(done.version);
      expect(timeline.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...timeline.map((e) => e.seq))).toBe(done.version);
      expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['submitted', 'accepted', 'replied', 'followed_up']));
    } finally {
      await storage.close?.();
    }
  });
});
