import { isKechuangError, memoryStorage, type Row } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { auditedCommunity, fiveEntries, openOffice } from './__fixtures__/audit-office.js';
import { entryHash, rowToEntry } from './audit-entry.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const ENTRY = 'audit_chain_entry';
const HEAD = 'audit_chain_head';

/** An office with five entries on a memory adapter, and ways to tamper with its rows directly. */
async function tampered(code = 'cangqian') {
  const storage = memoryStorage();
  const community = auditedCommunity(storage);
  const office = await openOffice(community, code);
  const { r1, r2 } = await fiveEntries(office);
  const { officeId } = office;
  const at = (seq: number) => [{ field: 'officeId', value: officeId }, { field: 'seq', value: seq }];
  const entry = async (seq: number): Promise<Row> => {
    const row = await storage.findOne({ model: ENTRY, where: at(seq) });
    if (!row) throw new Error(`no entry #${seq}`);
    return row;
  };
  const set = (seq: number, data: Row) => storage.update({ model: ENTRY, where: at(seq), data });
  const remove = (seq: number) => storage.delete({ model: ENTRY, where: at(seq) });
  const setHead = (data: Row) => storage.update({ model: HEAD, where: [{ field: 'officeId', value: officeId }, { field: 'id', value: officeId }], data });
  /** Moves entries `from`..`to` by `by` numbers, in an order that never collides. */
  const shift = async (from: number, to: number, by: number) => {
    const seqs = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (const seq of by > 0 ? seqs.reverse() : seqs) await set(seq, { seq: seq + by });
  };
  const verify = (locale: 'en' | 'zh-CN' = 'en') => verifyAuditChain(storage, { officeId, locale });
  return { storage, community, office, officeId, r1, r2, entry, set, remove, setHead, shift, verify };
}

/** The row an attacker would write: any contents, with the hash worked out for them. */
async function forged(row: Row): Promise<Row> {
  const entry = rowToEntry(row);
  if (!entry) throw new Error('not an entry row');
  return { ...row, hash: await entryHash(entry) };
}

describe('verifyAuditChain on an intact chain', () => {
  it('an office without entries is intact and empty', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toEqual({ ok: true, entries: 0, head: null });
  });

  it('walks chains longer than one page', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const request = await office.submit();
    for (let i = 0; i < 505; i++) await office.note(request, `第${i + 1}次跟进`);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: 506 });
    await storage.update({ model: ENTRY, where: [{ field: 'officeId', value: office.officeId }, { field: 'seq', value: 503 }], data: { command: 'withdraw' } });
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 503 } });
  });

  it('refuses a missing office id or an unknown locale with VALIDATION_FAILED', async () => {
    const storage = memoryStorage();
    auditedCommunity(storage);
    const refusal = (input: Parameters<typeof verifyAuditChain>[1]) => verifyAuditChain(storage, input).then(() => null, (e: unknown) => e);
    expect(isKechuangError(await refusal({ officeId: '' }), 'VALIDATION_FAILED')).toBe(true);
    expect(isKechuangError(await refusal({ officeId: 'o1', locale: 'fr' as 'en' }), 'VALIDATION_FAILED')).toBe(true);
  });
});

describe('verifyAuditChain finds the first tampered entry', () => {
  it('an altered field', async () => {
    const t = await tampered();
    await t.set(3, { status: 'closed' });
    expect(await t.verify()).toEqual({
      ok: false,
      problem: { kind: 'altered', seq: 3, entryId: (await t.entry(3))['id'], requestId: null, message: 'Entry #3 was changed after it was written: its contents no longer match its hash.' },
    });
  });

  it('an altered time, in Chinese', async () => {
    const t = await tampered();
    await t.set(2, { at: new Date('2020-01-01T00:00:00Z') });
    const result = await t.verify('zh-CN');
    expect(result).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2, message: '第2条记录写入后被改动过：内容与其哈希值不符。' } });
  });

  it('an altered entry whose hash was worked out again: the next entry no longer links to it', async () => {
    const t = await tampered();
    const original = await t.entry(3);
    await t.set(3, { hash: (await forged({ ...original, actorId: 'someone-else', actorKind: 'member' }))['hash'] as string, actorId: 'someone-else', actorKind: 'member' });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 3, entryId: original['id'], message: expect.stringContaining('entry #4, written after it, no longer links to it') } });
  });

  it('a column set to a value no entry is written with', async () => {
    const t = await tampered();
    await t.set(4, { actorKind: 'robot' });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 4 } });
  });

  it('a deleted entry in the middle', async () => {
    const t = await tampered();
    await t.remove(3);
    expect(await t.verify()).toEqual({
      ok: false,
      problem: { kind: 'deleted', seq: 3, entryId: null, requestId: null, message: 'Entry #3 is missing: the chain goes from #2 straight to #4.' },
    });
  });

  it('deleted entries with the rest renumbered to close the gap, and the head moved back', async () => {
    const t = await tampered();
    await t.remove(2);
    await t.shift(3, 5, -1);
    await t.setHead({ seq: 4 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 2, entryId: null, message: expect.stringContaining('was written as #3') } });
  });

  it('an entry inserted in the middle with a correct hash, the rest renumbered after it', async () => {
    const t = await tampered();
    await t.shift(3, 5, 1);
    const fake = await forged({ ...(await t.entry(4)), id: 'forged-entry', seq: 3, prevHash: (await t.entry(2))['hash'] as string, command: 'withdraw', status: 'withdrawn' });
    await t.storage.create({ model: ENTRY, data: fake });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 3, entryId: 'forged-entry', message: expect.stringContaining('An entry was inserted at #3') } });
  });

  it('an entry added after the newest one, correctly hashed, without the head', async () => {
    const t = await tampered();
    const newest = await t.entry(5);
    await t.storage.create({ model: ENTRY, data: await forged({ ...newest, id: 'forged-entry', seq: 6, prevHash: newest['hash'] as string }) });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 6, entryId: 'forged-entry', message: expect.stringContaining('comes after the head record') } });
  });

  it('an entry added after the newest one with the head moved too: the request still names its real newest entry', async () => {
    const t = await tampered();
    const newest = await t.entry(5);
    const fake = await forged({ ...newest, id: 'forged-entry', seq: 6, prevHash: newest['hash'] as string, version: 4 });
    await t.storage.create({ model: ENTRY, data: fake });
    await t.setHead({ seq: 6, hash: fake['hash'] as string });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 6, requestId: t.r1.id, message: expect.stringContaining('records entry #5 as its newest') } });
  });

  it('two neighbouring entries swapped', async () => {
    const t = await tampered();
    const third = await t.entry(3);
    const fourth = await t.entry(4);
    await t.set(3, { seq: 99 });
    await t.set(4, { seq: 3 });
    await t.set(99, { seq: 4 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 3, entryId: fourth['id'], message: 'Entry #3 is out of order: it was written as #4.' } });
    expect(third['id']).not.toBe(fourth['id']);
  });

  it('two distant entries swapped', async () => {
    const t = await tampered();
    const fourth = await t.entry(4);
    await t.set(2, { seq: 99 });
    await t.set(4, { seq: 2 });
    await t.set(99, { seq: 4 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 2, entryId: fourth['id'] } });
  });

  it('an entry moved past the end', async () => {
    const t = await tampered();
    const second = await t.entry(2);
    await t.set(2, { seq: 40 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 2, entryId: second['id'], message: 'Entry #2 is out of order: it now sits at #40.' } });
  });

  it('an entry copied from another office', async () => {
    const t = await tampered('a');
    const other = await openOffice(t.community, 'b');
    await other.submit();
    const copied = await t.storage.findOne({ model: ENTRY, where: [{ field: 'officeId', value: other.officeId }, { field: 'seq', value: 1 }] });
    await t.storage.create({ model: ENTRY, data: { ...copied, id: 'copied-entry', officeId: t.officeId, seq: 6 } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 6, entryId: 'copied-entry', message: expect.stringContaining('copied from another office') } });
    expect(await verifyAuditChain(t.storage, { officeId: other.officeId })).toMatchObject({ ok: true, entries: 1 });
  });

  it("another office's first entry put in place of this office's first", async () => {
    const t = await tampered('a');
    const other = await openOffice(t.community, 'b');
    await other.submit();
    const copied = await t.storage.findOne({ model: ENTRY, where: [{ field: 'officeId', value: other.officeId }, { field: 'seq', value: 1 }] });
    await t.remove(1);
    await t.storage.create({ model: ENTRY, data: await forged({ ...copied, id: 'copied-entry', officeId: t.officeId }) });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 1, entryId: 'copied-entry' } });
  });
});

describe('verifyAuditChain checks the anchors', () => {
  it('the newest entry deleted, the head left as it was', async () => {
    const t = await tampered();
    await t.remove(5);
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 5, entryId: null, message: 'The newest entries were deleted: the head record says the chain reaches #5, but it ends at #4.' } });
  });

  it('the newest entry deleted and the head moved back: the request still points past the end', async () => {
    const t = await tampered();
    await t.remove(5);
    await t.setHead({ seq: 4, hash: (await t.entry(4))['hash'] as string });
    expect(await t.verify()).toEqual({
      ok: false,
      problem: {
        kind: 'truncated',
        seq: 5,
        entryId: null,
        requestId: t.r1.id,
        message: `The newest entries were deleted: request ${t.r1.id} records a newest entry that is no longer in the chain, which now ends at #4.`,
      },
    });
  });

  it('the newest entry replaced by one with a correct hash', async () => {
    const t = await tampered();
    const newest = await t.entry(5);
    await t.remove(5);
    await t.storage.create({ model: ENTRY, data: await forged({ ...newest, id: 'forged-entry', status: 'closed' }) });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 5, entryId: 'forged-entry', message: expect.stringContaining('was replaced') } });
  });

  it("a request's anchor put back to an older entry, or cleared", async () => {
    const t = await tampered();
    const requestWhere = (id: string) => [{ field: 'officeId', value: t.officeId }, { field: 'id', value: id }];
    await t.storage.update({ model: 'request', where: requestWhere(t.r1.id), data: { auditChainHead: (await t.entry(3))['hash'] as string } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 5, entryId: (await t.entry(3))['id'], requestId: t.r1.id } });
    await t.storage.update({ model: 'request', where: requestWhere(t.r1.id), data: { auditChainHead: (await t.entry(5))['hash'] as string } });
    await t.storage.update({ model: 'request', where: requestWhere(t.r2.id), data: { auditChainHead: null } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 4, requestId: t.r2.id, message: expect.stringContaining('was removed') } });
  });

  it('a deleted head record is reported, and stays reported once the next command rebuilds it', async () => {
    const t = await tampered();
    await t.storage.delete({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 5, message: expect.stringContaining('head record is missing') } });
    // The community already knew the head: the command rebuilds it inside its transaction.
    await t.office.note(t.r2);
    expect(await t.verify('zh-CN')).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 5, message: '本街道的链头记录曾被删除，并在第5条处重建；重建之前，第5条之后的记录可能已被删除。' } });
    expect(await t.storage.findOne({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] })).toMatchObject({ seq: 6, rebuiltAtSeq: 5 });
  });

  it('a head deleted before a fresh community first sees the office is rebuilt before the command', async () => {
    const t = await tampered();
    await t.storage.delete({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] });
    const restarted = auditedCommunity(t.storage);
    await restarted.as({ kind: 'system', officeId: t.officeId }).requests.note({ requestId: t.r1.id, text: '重启后的跟进' });
    expect(await t.storage.findOne({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] })).toMatchObject({ seq: 6, rebuiltAtSeq: 5 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 5 } });
  });
});
