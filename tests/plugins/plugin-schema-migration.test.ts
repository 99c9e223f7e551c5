import { createCommunity, definePlugin, manualClock, sequentialIds, type Plugin, type StorageAdapter } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditChain } from '../../packages/community/src/plugins/__fixtures__/audit-chain-ledger.js';
import { sqlAdapters, type SqlAdapter } from './sql-adapters.js';

/**
 * A plugin arrives in a SQL database the office has used without it: its migration adds the
 * plugin's columns and table, values round-trip, its writes share the command's transaction,
 * and the database stays usable with and without the plugin afterwards.
 */

const adapters = await sqlAdapters('plugin-schema-migration.test.ts');
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

/** Opens `database` with `plugins`; ids get `idPrefix`, so that each opening makes new ones. */
function open<const P extends readonly Plugin[] = []>(adapter: SqlAdapter, database: string, idPrefix: string, plugins?: P) {
  const storage = adapter.open(database);
  const community = createCommunity({ storage, clock, ids: sequentialIds(idPrefix), plugins });
  return { storage, community };
}

async function close(storage: StorageAdapter): Promise<void> {
  await storage.close?.();
}

/** The records the database holds before the plugin arrives. */
interface Before {
  officeId: string;
  communityId: string;
  enterpriseId: string;
  leadId: string;
  oldRequestId: string;
}

/**
 * A new database used without the plugin: an office, an enterprise, a request assigned to a
 * lawyer. Ids and times are the same in every database built, so one `Before` describes them all.
 */
async function usedWithoutPlugin(adapter: SqlAdapter): Promise<{ database: string; before: Before }> {
  const database = adapter.newDatabase();
  clock.set(new Date('2026-03-02T01:00:00Z'));
  const { storage, community } = open(adapter, database, 'a');
  try {
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    const ent = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id });
    const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
    const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
    const lead = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
    const old = await system.requests.submit({ communityId: mc.id, enterpriseId: ent.id, channel: 'phone', category: 'legal', title: '40余个项目尾款未结', description: '没有签合同，只有聊天记录' });
    await community.as({ kind: 'member', officeId: office.id, memberId: head.id }).requests.assign({ requestId: old.id, assigneeId: lead.id });
    return { database, before: { officeId: office.id, communityId: mc.id, enterpriseId: ent.id, leadId: lead.id, oldRequestId: old.id } };
  } finally {
    await close(storage);
  }
}

for (const adapter of adapters) {
  const title = `a plugin added to a ${adapter.database} database that was used without it`;
  describe.skipIf(adapter.skipped !== null)(adapter.skipped === null ? title : `${title} — SKIPPED: ${adapter.skipped}`, () => {
    const { columns, migrations } = adapter;
    let before: Before;
    let base: string;
    const lead = () => ({ kind: 'member' as const, officeId: before.officeId, memberId: before.leadId });
    const system = () => ({ kind: 'system' as const, officeId: before.officeId });
    /** A database of its own for one test, used without the plugin like the base one. */
    const fresh = async (): Promise<string> => (await usedWithoutPlugin(adapter)).database;

    beforeAll(async () => {
      ({ database: base, before } = await usedWithoutPlugin(adapter));
    });

    it('gains the columns and the table, and rows that predate the plugin read null', async () => {
      expect(await columns(base, 'request')).not.toContain('audit_chain_head');
      expect(await columns(base, 'audit_chain_link')).toEqual([]);
      const database = await fresh();
      const { storage, community } = open(adapter, database, 'b', [auditChain()]);
      try {
        await community.ready();
        expect(await columns(database, 'request')).toEqual(expect.arrayContaining(['audit_chain_head', 'audit_chain_length', 'audit_chain_sealed_at', 'audit_chain_proof']));
        expect(await columns(database, 'enterprise')).toEqual(expect.arrayContaining(['audit_chain_note', 'audit_chain_reviewed_at']));
        expect(await columns(database, 'audit_chain_link')).toEqual(['id', 'office_id', 'request_id', 'command', 'seq']);

        const { request } = await community.as(system()).requests.get(before.oldRequestId);
        expect(request).toMatchObject({ status: 'assigned', auditChainHead: null, auditChainLength: null, auditChainSealedAt: null, auditChainProof: null });
        expect(await community.as(system()).enterprises.get(before.enterpriseId)).toMatchObject({ auditChainNote: null, auditChainReviewedAt: null });
      } finally {
        await close(storage);
      }
    });

    it('round-trips new values (string, number, date, json) on new and old requests and on enterprises', async () => {
      const { storage, community } = open(adapter, await fresh(), 'c', [auditChain()]);
      try {
        const office = community.as(system());
        clock.set(new Date('2026-03-03T02:30:00.123Z'));
        const created = await office.requests.submit({ communityId: before.communityId, enterpriseId: before.enterpriseId, channel: 'visit', category: 'policy', title: '咨询高新技术企业认定政策', description: '' });
        expect(created).toMatchObject({ auditChainHead: 'submit:1', auditChainLength: 1, auditChainProof: { command: 'submit', links: [created.id, 1] } });
        const accepted = await community.as(lead()).requests.accept({ requestId: before.oldRequestId });
        expect(accepted).toMatchObject({ auditChainHead: 'accept:3', auditChainLength: 3 });

        const read = (await office.requests.get(created.id)).request;
        expect(read).toEqual(created);
        expect(read.auditChainSealedAt).toBeInstanceOf(Date);
        expect(read.auditChainSealedAt).toEqual(new Date('2026-03-03T02:30:00.123Z'));
        expect((await office.requests.get(before.oldRequestId)).request).toEqual(accepted);
        expect((await office.requests.list({ order: 'oldest' })).items).toEqual([accepted, created]);

        const reviewedAt = new Date('2026-03-03T03:00:00.456Z');
        await storage.update({ model: 'enterprise', where: [{ field: 'id', value: before.enterpriseId }], data: { auditChainNote: '已核验', auditChainReviewedAt: reviewedAt } });
        const updated = await office.enterprises.update({ id: before.enterpriseId, industry: '数字经济' });
        expect(updated).toMatchObject({ industry: '数字经济', auditChainNote: '已核验', auditChainReviewedAt: reviewedAt });
        expect(await office.enterprises.get(before.enterpriseId)).toEqual(updated);
      } finally {
        await close(storage);
      }
    });

    it("writes the plugin's model in the command's transaction, and rolls it back with the command", async () => {
      const { storage, community } = open(adapter, await fresh(), 'd', [auditChain()]);
      try {
        const office = community.as(system());
        const created = await office.requests.submit({ communityId: before.communityId, channel: 'phone', category: 'other', title: '厂房漏水', description: '' });
        await community.as(lead()).requests.accept({ requestId: before.oldRequestId });
        const links = await storage.findMany({ model: 'audit_chain_link', where: [{ field: 'officeId', value: before.officeId }], orderBy: [{ field: 'seq' }, { field: 'id' }] });
        expect(links.map((link) => [link['requestId'], link['command'], link['seq']])).toEqual([
          [created.id, 'submit', 1],
          [before.oldRequestId, 'accept', 3],
        ]);

        const requests = await storage.count({ model: 'request' });
        await expect(office.requests.submit({ communityId: before.communityId, channel: 'phone', category: 'other', title: '拒绝入链的诉求', description: '' })).rejects.toMatchObject({ code: 'PLUGIN_ERROR' });
        expect(await storage.count({ model: 'request' })).toBe(requests);
        expect(await storage.count({ model: 'audit_chain_link' })).toBe(links.length);
      } finally {
        await close(storage);
      }
    });

    it('opening again with the plugin is a no-op; opened without it, core writes leave its columns alone', async () => {
      const database = await fresh();
      const first = open(adapter, database, 'e', [auditChain()]);
      await first.community.as(lead()).requests.accept({ requestId: before.oldRequestId });
      await first.storage.update({ model: 'enterprise', where: [{ field: 'id', value: before.enterpriseId }], data: { auditChainNote: '已核验' } });
      await close(first.storage);
      const applied = await migrations(database);

      const again = open(adapter, database, 'f', [auditChain()]);
      await again.community.ready();
      await close(again.storage);
      expect(await migrations(database)).toEqual(applied);

      const without = open(adapter, database, 'g');
      await without.community.as(lead()).requests.start({ requestId: before.oldRequestId });
      await without.community.as(system()).enterprises.update({ id: before.enterpriseId, size: 'small' });
      await close(without.storage);

      const back = open(adapter, database, 'h', [auditChain()]);
      try {
        const office = back.community.as(system());
        expect((await office.requests.get(before.oldRequestId)).request).toMatchObject({ status: 'in_progress', version: 4, auditChainHead: 'accept:3', auditChainLength: 3 });
        expect(await office.enterprises.get(before.enterpriseId)).toMatchObject({ size: 'small', auditChainNote: '已核验' });
      } finally {
        await close(back.storage);
      }
    });

    it('refuses a plugin that adds a required field at createCommunity, with PLUGIN_ERROR, before touching the database', async () => {
      const strict = definePlugin({
        id: 'strict',
        // @ts-expect-error a field added to rows that already exist must be nullable
        schema: { fields: { request: { strictLevel: { type: 'number' } } } },
        setup: () => undefined,
      });
      const storage = adapter.open(base);
      try {
        expect(() => createCommunity({ storage, plugins: [strict()] })).toThrow(
          expect.objectContaining({ code: 'PLUGIN_ERROR', message: expect.stringContaining("plugin 'strict' adds field 'request.strictLevel' as required; make it nullable") }),
        );
      } finally {
        await close(storage);
      }
      expect(await columns(base, 'request')).not.toContain('strict_level');
    });
  });
}
