import { KechuangError, definePlugin, isKechuangError, memoryStorage, sha256Hex, type OfficeConfigInput, type Row, type StorageAdapter } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { OPENING_ENTRIES, auditedCommunity, openOffice } from './__fixtures__/audit-office.js';
import { canonicalJson } from './canonical-json.js';
import { listAuditEntries } from './list-audit-entries.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const ENTRY = 'audit_chain_entry';
const HEAD = 'audit_chain_head';

const entriesOf = (storage: StorageAdapter, officeId: string): Promise<Row[]> =>
  storage.findMany({ model: ENTRY, where: [{ field: 'officeId', value: officeId }], orderBy: [{ field: 'seq' }] });
const headOf = (storage: StorageAdapter, officeId: string) => storage.findOne({ model: HEAD, where: [{ field: 'officeId', value: officeId }] });

/** A small office config naming only what `openOffice` makes. */
const config: OfficeConfigInput = {
  categories: [{ id: 'policy', labels: { 'zh-CN': '政策咨询', en: 'Policy' } }],
  routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
};

/** An office on a memory adapter whose station head archived the lawyer and stored a config. */
async function recorded(extra: Parameters<typeof auditedCommunity>[1] = []) {
  const storage = memoryStorage();
  const community = auditedCommunity(storage, extra);
  const office = await openOffice(community, 'cangqian');
  const head = office.as(office.members.stationHead.id);
  const lawyer = await head.members.archive({ id: office.members.lawyer.id });
  const stored = await head.config.update(config);
  const at = (seq: number) => [{ field: 'officeId', value: office.officeId }, { field: 'seq', value: seq }];
  const verify = (locale: 'en' | 'zh-CN' = 'en') => verifyAuditChain(storage, { officeId: office.officeId, locale });
  return { storage, community, office, head, lawyer, stored, at, verify };
}

describe('record commands are chained too', () => {
  it('the office’s opening: the office, its community, team and members, each by its model and id', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const rows = await entriesOf(storage, office.officeId);
    expect(rows.map((r) => [r['seq'], r['command'], r['model'], r['recordId'], r['requestId'], r['actorKind']])).toEqual([
      [1, 'office.create', 'office', office.officeId, null, 'system'],
      [2, 'community.create', 'community', office.mc.id, null, 'system'],
      [3, 'team.create', 'team', office.legal.id, null, 'system'],
      [4, 'member.create', 'member', office.members.stationHead.id, null, 'system'],
      [5, 'member.create', 'member', office.members.staff.id, null, 'system'],
      [6, 'member.create', 'member', office.members.lawyer.id, null, 'system'],
    ]);
    expect(rows).toHaveLength(OPENING_ENTRIES);
    expect(rows.map((r) => [r['status'], r['assigneeId'], r['version']])).toEqual(rows.map(() => [null, null, 1]));
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES });
  });

  it('a member archive and a config update each get an entry: who, which record, its version, when and the input digest', async () => {
    const r = await recorded();
    const [archived, configured] = (await entriesOf(r.storage, r.office.officeId)).slice(OPENING_ENTRIES);
    expect(archived).toMatchObject({
      seq: 7,
      command: 'member.archive',
      requestId: null,
      model: 'member',
      recordId: r.office.members.lawyer.id,
      actorKind: 'member',
      actorId: r.office.members.stationHead.id,
      at: r.lawyer.updatedAt,
      status: null,
      version: 2,
      assigneeId: null,
    });
    expect(archived?.['inputDigest']).toBe(await sha256Hex(new TextEncoder().encode(canonicalJson({ id: r.office.members.lawyer.id }))));
    // A config version has no id of its own: it is the office's config, at a version.
    expect(configured).toMatchObject({ seq: 8, command: 'config.update', requestId: null, model: 'config', recordId: r.office.officeId, version: 1, at: r.stored.createdAt });
    expect(configured?.['prevHash']).toBe(archived?.['hash']);
    expect(await headOf(r.storage, r.office.officeId)).toMatchObject({ seq: 8, hash: configured?.['hash'] });
    expect(await r.verify()).toEqual({ ok: true, entries: 8, head: configured?.['hash'] });
  });

  it('a record’s trail lists its entries alone', async () => {
    const r = await recorded();
    const trail = await listAuditEntries(r.storage, { officeId: r.office.officeId, record: { model: 'member', id: r.office.members.lawyer.id } });
    expect(trail.map((e) => [e.seq, e.command, e.version])).toEqual([
      [6, 'member.create', 1],
      [7, 'member.archive', 2],
    ]);
  });

  it('a refused office create leaves neither an entry nor a head for the office it would have made', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const error = await community.offices.create({ code: 'cangqian', name: '另一个仓前街道' }).then(() => null, (e: unknown) => e);
    expect(isKechuangError(error, 'DUPLICATE')).toBe(true);
    expect(await storage.findMany({ model: HEAD, where: [] })).toHaveLength(1);
    expect(await storage.findMany({ model: ENTRY, where: [] })).toHaveLength(1);
  });
});

describe('a record command’s entry exists if and only if it committed', () => {
  it('a before hook vetoes a member archive: no entry', async () => {
    const keep = definePlugin({
      id: 'keep',
      setup: ({ hooks }) =>
        hooks.before('member.archive', () => {
          throw new KechuangError('FORBIDDEN', 'Members with open requests are not archived.');
        }),
    });
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [keep()]), 'cangqian');
    const error = await office.as(office.members.stationHead.id).members.archive({ id: office.members.lawyer.id }).then(() => null, (e: unknown) => e);
    expect(isKechuangError(error, 'FORBIDDEN')).toBe(true);
    expect(await entriesOf(storage, office.officeId)).toHaveLength(OPENING_ENTRIES);
  });

  it('a later transaction hook rolls a config update back: no entry, the head as it was', async () => {
    let refuse = true;
    const mirror = definePlugin({
      id: 'mirror',
      setup: ({ hooks }) =>
        hooks.transaction('config.update', () => {
          if (refuse) throw new Error('the provincial mirror refused the config');
        }),
    });
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [mirror()]), 'cangqian');
    const head = office.as(office.members.stationHead.id);
    const before = { entries: await entriesOf(storage, office.officeId), head: await headOf(storage, office.officeId) };
    const error = await head.config.update(config).then(() => null, (e: unknown) => e);
    expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    expect(await entriesOf(storage, office.officeId)).toEqual(before.entries);
    expect(await headOf(storage, office.officeId)).toEqual(before.head);
    refuse = false;
    await head.config.update(config);
    expect((await entriesOf(storage, office.officeId)).map((row) => row['command']).at(-1)).toBe('config.update');
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 1 });
  });

  it('a stale version of a member is a CONFLICT and leaves no entry', async () => {
    const r = await recorded();
    const count = (await entriesOf(r.storage, r.office.officeId)).length;
    const error = await r.head.members.update({ id: r.office.members.staff.id, version: 9, name: '周科长' }).then(() => null, (e: unknown) => e);
    expect(isKechuangError(error, 'CONFLICT')).toBe(true);
    expect(await entriesOf(r.storage, r.office.officeId)).toHaveLength(count);
  });
});

describe('tampering with a record command’s entry is caught', () => {
  it('the archived member swapped for another', async () => {
    const r = await recorded();
    await r.storage.update({ model: ENTRY, where: r.at(7), data: { recordId: r.office.members.staff.id } });
    expect(await r.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 7, message: 'Entry #7 was changed after it was written: its contents no longer match its hash.' } });
  });

  it('the config update deleted, in Chinese', async () => {
    const r = await recorded();
    await r.head.members.update({ id: r.office.members.staff.id, name: '周科长' });
    await r.storage.delete({ model: ENTRY, where: r.at(8) });
    expect(await r.verify('zh-CN')).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 8, message: '第8条记录缺失：审计链从第7条直接跳到了第9条。' } });
  });

  it('a record entry dressed up as a request’s: a column no such entry is written with', async () => {
    const r = await recorded();
    const request = await r.office.submit();
    await r.storage.update({ model: ENTRY, where: r.at(7), data: { requestId: request.id } });
    expect(await r.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 7, message: expect.stringContaining('changed by hand') } });
  });

  it('the member archive and the config update swapped', async () => {
    const r = await recorded();
    const archived = await r.storage.findOne({ model: ENTRY, where: r.at(7) });
    await r.storage.update({ model: ENTRY, where: r.at(7), data: { seq: 99 } });
    await r.storage.update({ model: ENTRY, where: r.at(8), data: { seq: 7 } });
    await r.storage.update({ model: ENTRY, where: r.at(99), data: { seq: 8 } });
    expect(await r.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 7 } });
    expect(archived?.['command']).toBe('member.archive');
  });

  it('the newest entry, a config update, cut off: the head record shows it', async () => {
    const r = await recorded();
    await r.storage.delete({ model: ENTRY, where: r.at(8) });
    expect(await r.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 8 } });
  });
});
