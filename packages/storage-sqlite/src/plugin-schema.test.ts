import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, definePlugin, manualClock, sequentialIds, type Plugin, type StorageAdapter } from '@kechuang/community';
import { sqliteStorage } from './sqlite-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-plugin-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A ledger plugin: one `audit_chain_link` row per command, written in the command's
 * transaction, and on the request the chain's head, length, seal time and proof (one field of
 * each type); enterprises get a review note and date that the host sets.
 */
const auditChain = definePlugin({
  id: 'audit-chain',
  schema: {
    models: {
      audit_chain_link: {
        fields: { id: { type: 'string' }, officeId: { type: 'string' }, requestId: { type: 'string' }, command: { type: 'string' }, seq: { type: 'number' } },
        indexes: [{ name: 'audit_chain_link_request', fields: ['requestId', 'seq'] }],
      },
    },
    fields: {
      request: {
        auditChainHead: { type: 'string', nullable: true },
        auditChainLength: { type: 'number', nullable: true },
        auditChainSealedAt: { type: 'date', nullable: true },
        auditChainProof: { type: 'json', nullable: true },
      },
      enterprise: { auditChainNote: { type: 'string', nullable: true }, auditChainReviewedAt: { type: 'date', nullable: true } },
    },
  },
  setup({ hooks }) {
    hooks.transaction('*', async ({ tx, command, request }) => {
      await tx.create({ model: 'audit_chain_link', data: { id: `${request.id}:${request.version}`, officeId: request.officeId, requestId: request.id, command, seq: request.version } });
      await tx.update({
        model: 'request',
        where: [{ field: 'officeId', value: request.officeId }, { field: 'id', value: request.id }],
        data: { auditChainHead: `${command}:${request.version}`, auditChainLength: request.version, auditChainSealedAt: request.updatedAt, auditChainProof: { command, links: [request.id, request.version] } },
      });
      if (request.title.includes('拒绝入链')) throw new Error('the ledger refuses this request');
    });
  },
});

const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

/** Opens the database file with `plugins`; ids get `prefix`, so that each opening makes new ones. */
function open<const P extends readonly Plugin[] = []>(filename: string, prefix: string, plugins?: P) {
  const storage = sqliteStorage({ filename });
  const community = createCommunity({ storage, clock, ids: sequentialIds(prefix), plugins });
  return { storage, community };
}

function columns(filename: string, table: string): string[] {
  const db = new Database(filename, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((row) => row.name);
  } finally {
    db.close();
  }
}

function migrations(filename: string): unknown[] {
  const db = new Database(filename, { readonly: true });
  try {
    return db.prepare('SELECT * FROM kechuang_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
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

/** Creates a database used without the plugin: an office, an enterprise, a request assigned to a lawyer. */
async function usedWithoutPlugin(filename: string): Promise<Before> {
  const { storage, community } = open(filename, 'a');
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
    return { officeId: office.id, communityId: mc.id, enterpriseId: ent.id, leadId: lead.id, oldRequestId: old.id };
  } finally {
    await close(storage);
  }
}

describe('a plugin added to a SQLite database that was used without it', () => {
  const base = join(dir, 'base.db');
  let before: Before;
  let copies = 0;
  /** A copy of the base database (closed, so its WAL is empty), for one test. */
  const copy = (): string => {
    const filename = join(dir, `office-${++copies}.db`);
    copyFileSync(base, filename);
    return filename;
  };
  const lead = () => ({ kind: 'member' as const, officeId: before.officeId, memberId: before.leadId });
  const system = () => ({ kind: 'system' as const, officeId: before.officeId });

  beforeAll(async () => {
    before = await usedWithoutPlugin(base);
  });

  it('gains the columns and the table, and rows that predate the plugin read null', async () => {
    expect(columns(base, 'request')).not.toContain('audit_chain_head');
    expect(columns(base, 'audit_chain_link')).toEqual([]);
    const filename = copy();
    const { storage, community } = open(filename, 'b', [auditChain()]);
    try {
      await community.ready();
      expect(columns(filename, 'request')).toEqual(expect.arrayContaining(['audit_chain_head', 'audit_chain_length', 'audit_chain_sealed_at', 'audit_chain_proof']));
      expect(columns(filename, 'enterprise')).toEqual(expect.arrayContaining(['audit_chain_note', 'audit_chain_reviewed_at']));
      expect(columns(filename, 'audit_chain_link')).toEqual(['id', 'office_id', 'request_id', 'command', 'seq']);

      const { request } = await community.as(system()).requests.get(before.oldRequestId);
      expect(request).toMatchObject({ status: 'assigned', auditChainHead: null, auditChainLength: null, auditChainSealedAt: null, auditChainProof: null });
      expect(await community.as(system()).enterprises.get(before.enterpriseId)).toMatchObject({ auditChainNote: null, auditChainReviewedAt: null });
    } finally {
      await close(storage);
    }
  });

  it('round-trips new values (string, number, date, json) on new and old requests and on enterprises', async () => {
    const { storage, community } = open(copy(), 'c', [auditChain()]);
    try {
      const office = community.as(system());
      clock.set(new Date('2026-03-03T02:30:00.123Z'));
      const fresh = await office.requests.submit({ communityId: before.communityId, enterpriseId: before.enterpriseId, channel: 'visit', category: 'policy', title: '咨询高新技术企业认定政策', description: '' });
      expect(fresh).toMatchObject({ auditChainHead: 'submit:1', auditChainLength: 1, auditChainProof: { command: 'submit', links: [fresh.id, 1] } });
      const accepted = await community.as(lead()).requests.accept({ requestId: before.oldRequestId });
      expect(accepted).toMatchObject({ auditChainHead: 'accept:3', auditChainLength: 3 });

      const read = (await office.requests.get(fresh.id)).request;
      expect(read).toEqual(fresh);
      expect(read.auditChainSealedAt).toBeInstanceOf(Date);
      expect(read.auditChainSealedAt).toEqual(new Date('2026-03-03T02:30:00.123Z'));
      expect((await office.requests.get(before.oldRequestId)).request).toEqual(accepted);
      expect((await office.requests.list({ order: 'oldest' })).items).toEqual([accepted, fresh]);

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
    const { storage, community } = open(copy(), 'd', [auditChain()]);
    try {
      const office = community.as(system());
      const fresh = await office.requests.submit({ communityId: before.communityId, channel: 'phone', category: 'other', title: '厂房漏水', description: '' });
      await community.as(lead()).requests.accept({ requestId: before.oldRequestId });
      const links = await storage.findMany({ model: 'audit_chain_link', where: [{ field: 'officeId', value: before.officeId }], orderBy: [{ field: 'seq' }, { field: 'id' }] });
      expect(links.map((link) => [link['requestId'], link['command'], link['seq']])).toEqual([
        [fresh.id, 'submit', 1],
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
    const filename = copy();
    const first = open(filename, 'e', [auditChain()]);
    await first.community.as(lead()).requests.accept({ requestId: before.oldRequestId });
    await first.storage.update({ model: 'enterprise', where: [{ field: 'id', value: before.enterpriseId }], data: { auditChainNote: '已核验' } });
    await close(first.storage);
    const applied = migrations(filename);

    const again = open(filename, 'f', [auditChain()]);
    await again.community.ready();
    await close(again.storage);
    expect(migrations(filename)).toEqual(applied);

    const without = open(filename, 'g');
    await without.community.as(lead()).requests.start({ requestId: before.oldRequestId });
    await without.community.as(system()).enterprises.update({ id: before.enterpriseId, size: 'small' });
    await close(without.storage);

    const back = open(filename, 'h', [auditChain()]);
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
    const filename = copy();
    const storage = sqliteStorage({ filename });
    try {
      expect(() => createCommunity({ storage, plugins: [strict()] })).toThrow(
        expect.objectContaining({ code: 'PLUGIN_ERROR', message: expect.stringContaining("plugin 'strict' adds field 'request.strictLevel' as required; make it nullable") }),
      );
    } finally {
      await close(storage);
    }
    expect(columns(filename, 'request')).not.toContain('strict_level');
  });
});
