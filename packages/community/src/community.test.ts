import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { routingConfig } from './__fixtures__/routing-config.js';
import { createCommunity } from './community.js';
import { isKechuangError } from './errors/kechuang-error.js';
import { definePlugin } from './plugins/define-plugin.js';
import { memoryStorage } from './storage/memory-storage.js';
import type { StorageAdapter } from './storage/types.js';

async function officeWithLegal(storage: StorageAdapter, config = routingConfig()) {
  const community = createCommunity({ storage, config });
  const office = (await community.offices.findByCode('cangqian')) ?? (await community.offices.create({ code: 'cangqian', name: '仓前街道' }));
  const system = community.as({ kind: 'system', officeId: office.id });
  return { community, office, system };
}

describe('createCommunity', () => {
  it('refuses a storage adapter without transactions', () => {
    const storage = { ...memoryStorage(), capabilities: { transactions: false, aggregate: false, skipLocked: false, returning: false } };
    expect(() => createCommunity({ storage })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ADAPTER' }));
  });

  it('refuses an invalid config at start-up (ready) and at first use, listing every problem', async () => {
    const config = routingConfig();
    config.routing.rules = [{ id: 'x', when: { catgory: 'legal' }, then: { assign: { portfolio: 'nope' } } }];
    const community = createCommunity({ storage: memoryStorage(), config });
    const error = await community.ready().catch((e: unknown) => e);
    expect(isKechuangError(error, 'VALIDATION_FAILED')).toBe(true);
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    await expect(system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'legal', title: '咨询' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(isKechuangError(error) && error.details.issues && error.details.issues.length >= 2).toBe(true);
  });

  it('stores the given config for an office at first use, and a changed one as a new version', async () => {
    const storage = memoryStorage();
    const first = await officeWithLegal(storage);
    await first.system.communities.create({ code: 'MC', name: '梦创社区' });
    const mc = await first.system.communities.findByCode('MC');
    await first.system.requests.submit({ communityId: mc!.id, channel: 'phone', category: 'other', title: '咨询' });
    expect((await first.system.config.get())?.version).toBe(1);

    // Another process with the same file: nothing new is stored.
    const same = await officeWithLegal(storage);
    await same.system.requests.submit({ communityId: mc!.id, channel: 'phone', category: 'other', title: '咨询' });
    expect((await same.system.config.history()).length).toBe(1);

    // A process with an edited file stores it as version 2.
    const edited = routingConfig();
    edited.routing.rules = (edited.routing.rules ?? []).slice(0, 1);
    const next = await officeWithLegal(storage, edited);
    await next.system.requests.submit({ communityId: mc!.id, channel: 'phone', category: 'other', title: '咨询' });
    expect((await next.system.config.get())?.version).toBe(2);
  });

  it('plugins add routing operators, namespaced by their id', async () => {
    const geo = definePlugin({
      id: 'geo',
      options: z.object({ maxKm: z.number().default(5) }),
      setup({ routing, options }) {
        routing.operator({
          name: 'geo.near',
          validate: (argument) => (argument === true ? null : 'geo.near takes true'),
          test: (actual) => typeof actual === 'number' && actual <= options.maxKm,
        });
      },
    });
    const config = routingConfig();
    config.categories = [...(config.categories ?? []), { id: 'visit', labels: { 'zh-CN': '上门', en: 'Visit' }, attributes: [{ code: 'distance_km', labels: { 'zh-CN': '距离', en: 'Distance' }, type: 'number' }] }];
    config.routing.rules = [{ id: 'nearby', when: { 'attributes.distance_km': { 'geo.near': true } }, then: { assign: { member: 'C001' } } }];
    const community = createCommunity({ storage: memoryStorage(), plugins: [geo({ maxKm: 3 })] });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    const commissioner = await system.members.create({ code: 'C001', name: '赵专员', roles: [{ role: 'commissioner', portfolio: 'economic_development' }] });
    await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
    await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站' });
    await system.config.update(config);
    const near = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'visit', title: '上门指导', attributes: { distance_km: 2 } });
    const far = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'visit', title: '上门指导', attributes: { distance_km: 9 } });
    expect(near.assigneeId).toBe(commissioner.id);
    expect(far.routing?.source).toBe('fallback');
    // A plugin that does not namespace its operator fails at start.
    const rogue = definePlugin({ id: 'rogue', setup: ({ routing }) => routing.operator({ name: 'near', test: () => true }) });
    expect(() => createCommunity({ storage: memoryStorage(), plugins: [rogue()] })).toThrow(expect.objectContaining({ code: 'PLUGIN_ERROR' }));
  });
});
