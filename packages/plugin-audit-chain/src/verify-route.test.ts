import { createCommunity, isKechuangError, memoryStorage, pluginRoutesOf, type Actor, type Community } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { OPENING_ENTRIES, auditedCommunity, fiveEntries, openOffice } from './__fixtures__/audit-office.js';
import { auditChain } from './audit-chain-plugin.js';
import { auditChainReport } from './audit-chain-report.js';

/** Calls the route the plugin registered, as `@kechuang/server` does once it has signed the caller in. */
async function call(community: Community, actor: Actor, init: { query?: string; language?: string } = {}): Promise<Response> {
  const registered = pluginRoutesOf(community).find(({ plugin, route }) => plugin === 'audit-chain' && route.method === 'GET' && route.path === '/verify');
  if (!registered) throw new Error('the audit chain registered no GET /verify');
  const request = new Request(`http://hall.example/api/plugins/audit-chain/verify${init.query ?? ''}`, { headers: init.language ? { 'accept-language': init.language } : {} });
  return registered.route.handler(request, { actor, session: community.as(actor), params: {} });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('GET /verify', () => {
  it('answers the station head, office staff and the system with the outcome for their own office', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    await fiveEntries(office);
    for (const actor of [{ kind: 'member', officeId: office.officeId, memberId: office.members.stationHead.id }, { kind: 'member', officeId: office.officeId, memberId: office.members.staff.id }, { kind: 'system', officeId: office.officeId }] as const) {
      const response = await call(community, actor);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 5 });
    }
  });

  it('explains a broken chain in the language asked for', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    await fiveEntries(office);
    await storage.delete({ model: 'audit_chain_entry', where: [{ field: 'officeId', value: office.officeId }, { field: 'seq', value: 2 }] });
    const head = { kind: 'member', officeId: office.officeId, memberId: office.members.stationHead.id } as const;
    const zh = await (await call(community, head, { language: 'zh-CN,zh;q=0.9,en;q=0.5' })).json();
    expect(zh).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 2, message: '第2条记录缺失：审计链从第1条直接跳到了第3条。' } });
    const en = await (await call(community, head, { query: '?locale=en', language: 'zh-CN' })).json();
    expect(en).toMatchObject({ ok: false, problem: { message: 'Entry #2 is missing: the chain goes from #1 straight to #3.' } });
  });

  it('refuses other members with FORBIDDEN, before saying anything about the chain', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    const lawyer = { kind: 'member', officeId: office.officeId, memberId: office.members.lawyer.id } as const;
    const error = await refusal(call(community, lawyer));
    expect(isKechuangError(error, 'FORBIDDEN')).toBe(true);
    expect((error as Error).message).toContain('station head and office staff');
    const bare = createCommunity({ storage, plugins: [auditChain()] });
    expect(isKechuangError(await refusal(call(bare, lawyer)), 'FORBIDDEN')).toBe(true);
  });

  it('refuses a station head who has left', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    const former = await office.system.members.create({ code: 'S009', name: '原站长', roles: [{ role: 'station_head' }], status: 'left' });
    const error = await refusal(call(community, { kind: 'member', officeId: office.officeId, memberId: former.id }));
    expect(isKechuangError(error, 'FORBIDDEN')).toBe(true);
  });

  it("reads the community's own storage, with no options, and adds no error codes of its own", async () => {
    const community = createCommunity({ storage: memoryStorage(), plugins: [auditChain()] });
    const office = await openOffice(community, 'cangqian');
    await fiveEntries(office);
    const response = await call(community, { kind: 'system', officeId: office.officeId });
    expect(await response.json()).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 5 });
    expect(pluginRoutesOf(community).find((r) => r.plugin === 'audit-chain')?.errors).toEqual([]);
  });

  it('checks only the caller\'s office', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const broken = await openOffice(community, 'cangqian');
    const intact = await openOffice(community, 'wuchang');
    await fiveEntries(broken);
    await intact.submit();
    await storage.delete({ model: 'audit_chain_entry', where: [{ field: 'officeId', value: broken.officeId }, { field: 'seq', value: 2 }] });
    expect(await (await call(community, { kind: 'system', officeId: intact.officeId })).json()).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 1 });
    expect(await (await call(community, { kind: 'system', officeId: broken.officeId })).json()).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 2 } });
  });
});

describe('auditChainReport', () => {
  it('gives exit code 0 and one line for an intact chain, 1 and the problem for a broken one', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    await fiveEntries(office);
    const intact = await auditChainReport(storage, { officeId: office.officeId, locale: 'zh-CN' });
    expect(intact.exitCode).toBe(0);
    expect(intact.text).toMatch(new RegExp(`^街道${office.officeId}的审计链完好：共11条记录，最新哈希值为[0-9a-f]{64}。$`));
    await storage.update({ model: 'audit_chain_entry', where: [{ field: 'officeId', value: office.officeId }, { field: 'seq', value: 10 }], data: { status: 'closed' } });
    const broken = await auditChainReport(storage, { officeId: office.officeId });
    expect(broken.exitCode).toBe(1);
    expect(broken.text).toBe(`The audit chain of office ${office.officeId} is broken (altered). Entry #10 was changed after it was written: its contents no longer match its hash.`);
    expect(broken.result).toMatchObject({ ok: false, problem: { seq: 10 } });
  });
});
