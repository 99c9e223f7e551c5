import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, manualClock, sequentialIds, type StorageSchema } from '@kechuang/community';
import { sqliteStorage } from './sqlite-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema: StorageSchema = { version: 1, models: { note: { fields: { id: { type: 'string' }, text: { type: 'string' }, at: { type: 'date' } } } } };

describe('sqliteStorage on a file', () => {
  it('keeps data across close and reopen, and init is idempotent', async () => {
    const filename = join(dir, 'notes.db');
    const first = sqliteStorage({ filename });
    await first.init(schema);
    await first.transaction((tx) => tx.create({ model: 'note', data: { id: 'n1', text: '你好', at: new Date(5) } }));
    await first.close?.();
    const second = sqliteStorage({ filename });
    await second.init(schema);
    expect(await second.findOne({ model: 'note', where: [{ field: 'id', value: 'n1' }] })).toEqual({ id: 'n1', text: '你好', at: new Date(5) });
    await second.close?.();
  });
});

describe('the whole SDK on sqliteStorage', () => {
  it('submit → assign → accept → reply → followUp, then reads the timeline back', async () => {
    const community = createCommunity({ storage: sqliteStorage({ filename: ':memory:' }), clock: manualClock(new Date('2026-03-02T01:00:00Z')), ids: sequentialIds('id') });
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
  });
});
