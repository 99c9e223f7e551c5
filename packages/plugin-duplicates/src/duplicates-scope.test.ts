import { createCommunity, isKechuangError, memoryStorage } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { duplicatesWorld } from './__fixtures__/duplicates-office.js';
import { duplicates } from './duplicates-plugin.js';

const TITLE = '40余个项目尾款未结';
const BODY = '没有签合同，只有聊天记录';

describe('whose requests are compared', () => {
  it('different enterprises never match in the enterprise scope, even with the same text', async () => {
    const w = await duplicatesWorld();
    await w.system.requests.submit(w.input(TITLE, BODY));
    const samePark = await w.system.requests.submit(w.input(TITLE, BODY, { enterpriseId: w.ent3.id }));
    const otherPark = await w.system.requests.submit(w.input(TITLE, BODY, { enterpriseId: w.ent2.id }));
    for (const id of [samePark.id, otherPark.id]) expect((await w.system.requests.get(id)).request).toMatchObject({ status: 'submitted', duplicatesOf: null });
    expect(await w.storage.count({ model: 'duplicates_match' })).toBe(0);
  });

  it('the park scope matches enterprises of the same park and category, not of another park or category', async () => {
    const w = await duplicatesWorld({ plugin: { scope: 'park', mergeAbove: null } });
    const first = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'infrastructure' }));
    const neighbour = await w.system.requests.submit(w.input('园区门口的路灯不亮了', '晚上很黑', { category: 'infrastructure', enterpriseId: w.ent3.id }));
    const otherPark = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'infrastructure', enterpriseId: w.ent2.id }));
    const otherCategory = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'legal', enterpriseId: w.ent3.id }));
    expect((await w.system.requests.get(neighbour.id)).request.duplicatesOf).toBe(first.id);
    expect((await w.system.requests.get(otherPark.id)).request.duplicatesOf).toBeNull();
    expect((await w.system.requests.get(otherCategory.id)).request.duplicatesOf).toBeNull();
  });

  it('a request without an enterprise is compared with the same park and category', async () => {
    const w = await duplicatesWorld();
    const park = { enterpriseId: null, parkId: w.park1.id, category: 'infrastructure' };
    const captain = await w.as(w.members.captain.id).requests.submit(w.input('园区门口路灯不亮', '晚上很黑', park));
    const enterprise = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'infrastructure' }));
    const otherPark = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { ...park, parkId: w.park2.id }));
    const samePark = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', park));
    // The enterprise's request is the enterprise's own matter in the enterprise scope.
    expect((await w.system.requests.get(enterprise.id)).request.duplicatesOf).toBeNull();
    expect((await w.system.requests.get(otherPark.id)).request.duplicatesOf).toBeNull();
    expect((await w.system.requests.get(samePark.id)).request).toMatchObject({ status: 'merged', duplicateOfId: captain.id });
  });
});

describe('tenant isolation', () => {
  it.each(['enterprise', 'park'] as const)('a near-identical request in another office is never suggested or merged (%s scope)', async (scope) => {
    const w = await duplicatesWorld({ plugin: { scope } });
    const elsewhere = await w.other.system.requests.submit(w.other.input(TITLE, BODY));
    w.later();
    const here = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(here.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: null, duplicatesMatches: null });
    expect((await w.other.system.requests.get(elsewhere.id)).request.status).toBe('submitted');
    expect(await w.storage.count({ model: 'duplicates_match' })).toBe(0);
  });

  it('repeats in another office do not count against this one', async () => {
    const w = await duplicatesWorld({ plugin: { maxRepeats: 1 } });
    await w.other.system.requests.submit(w.other.input(TITLE, BODY));
    expect((await w.system.requests.submit(w.input(TITLE, BODY))).id).toBeTruthy();
  });
});

describe('visits', () => {
  it('compares each request recorded on a visit and merges a near-identical one', async () => {
    const w = await duplicatesWorld();
    const earlier = await w.system.requests.submit(w.input(TITLE, BODY));
    w.later();
    const { requests } = await w.as(w.members.stationHead.id).visits.record({
      enterpriseId: w.ent1.id,
      summary: '走访数像科技，了解尾款追讨进展',
      requests: [
        { category: 'policy', title: '咨询人才公寓申请条件' },
        { category: 'legal', title: `${TITLE}。`, description: BODY },
      ],
    });
    const [talent, debts] = requests;
    expect((await w.system.requests.get(talent?.id ?? '')).request.duplicatesOf).toBeNull();
    expect((await w.system.requests.get(debts?.id ?? '')).request).toMatchObject({ status: 'merged', duplicateOfId: earlier.id });
  });
});

describe('options', () => {
  it('refuses bad options when the community is created, naming each', () => {
    let error: unknown = null;
    try {
      createCommunity({ storage: memoryStorage(), plugins: [duplicates({ windowDays: 0, scope: 'city' as 'park' })] });
    } catch (thrown) {
      error = thrown;
    }
    expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    expect(error).toMatchObject({ message: expect.stringContaining("plugin 'duplicates' option windowDays") });
    expect(error).toMatchObject({ message: expect.stringContaining("plugin 'duplicates' option scope") });
  });

  it('refuses mergeAbove below suggestAbove', () => {
    expect(() => createCommunity({ storage: memoryStorage(), plugins: [duplicates({ suggestAbove: 0.8, mergeAbove: 0.7 })] })).toThrow(
      "plugin 'duplicates' option mergeAbove: mergeAbove must be at least suggestAbove",
    );
  });

  it('applies the defaults without options', async () => {
    const w = await duplicatesWorld();
    await w.system.requests.submit(w.input(TITLE, BODY));
    await w.system.requests.submit(w.input(TITLE, BODY));
    await w.system.requests.submit(w.input(TITLE, BODY));
    await expect(w.system.requests.submit(w.input(TITLE, BODY))).rejects.toMatchObject({ code: 'duplicates:REPEATED_REQUEST' });
  });
});
