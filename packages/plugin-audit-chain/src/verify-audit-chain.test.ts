import { isKechuangError, memoryStorage, type Row } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { OPENING_ENTRIES, auditedCommunity, fiveEntries, openOffice } from './__fixtures__/audit-office.js';
import { entryHash, rowToEntry } from './audit-entry.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const ENTRY = 'audit_chain_entry';
const HEAD = 'audit_chain_head';

/**
 * An office on a memory adapter with the six entries of its opening and five of requests
 * (#7–#11, see `fiveEntries`), and ways to tamper with its rows directly.
 */
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
    await openOffice(auditedCommunity(storage), 'cangqian');
    // Opening an office is a command, which already has its entry; an office no command reached has none.
    expect(await verifyAuditChain(storage, { officeId: 'no-command-reached-it' })).toEqual({ ok: true, entries: 0, head: null });
  });

  it('walks chains longer than one page', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const request = await office.submit();
    for (let i = 0; i < 499; i++) await office.note(request, `第${i + 1}次跟进`);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 500 });
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
    await t.set(9, { status: 'closed' });
    expect(await t.verify()).toEqual({
      ok: false,
      problem: { kind: 'altered', seq: 9, entryId: (await t.entry(9))['id'], requestId: null, message: 'Entry #9 was changed after it was written: its contents no longer match its hash.' },
    });
  });

  it('an altered time, in Chinese', async () => {
    const t = await tampered();
    await t.set(8, { at: new Date('2020-01-01T00:00:00Z') });
    const result = await t.verify('zh-CN');
    expect(result).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 8, message: '第8条记录写入后被改动过：内容与其哈希值不符。' } });
  });

  it('an altered entry whose hash was worked out again: the next entry no longer links to it', async () => {
    const t = await tampered();
    const original = await t.entry(9);
    await t.set(9, { hash: (await forged({ ...original, actorId: 'someone-else', actorKind: 'member' }))['hash'] as string, actorId: 'someone-else', actorKind: 'member' });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 9, entryId: original['id'], message: expect.stringContaining('entry #10, written after it, no longer links to it') } });
  });

  it('a column set to a value no entry is written with', async () => {
    const t = await tampered();
    await t.set(10, { actorKind: 'robot' });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 10 } });
  });

  it('a deleted entry in the middle', async () => {
    const t = await tampered();
    await t.remove(9);
    expect(await t.verify()).toEqual({
      ok: false,
      problem: { kind: 'deleted', seq: 9, entryId: null, requestId: null, message: 'Entry #9 is missing: the chain goes from #8 straight to #10.' },
    });
  });

  it('deleted entries with the rest renumbered to close the gap, and the head moved back', async () => {
    const t = await tampered();
    await t.remove(8);
    await t.shift(9, 11, -1);
    await t.setHead({ seq: 10 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 8, entryId: null, message: expect.stringContaining('was written as #9') } });
  });

  it('an entry inserted in the middle with a correct hash, the rest renumbered after it', async () => {
    const t = await tampered();
    await t.shift(9, 11, 1);
    const fake = await forged({ ...(await t.entry(10)), id: 'forged-entry', seq: 9, prevHash: (await t.entry(8))['hash'] as string, command: 'withdraw', status: 'withdrawn' });
    await t.storage.create({ model: ENTRY, data: fake });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 9, entryId: 'forged-entry', message: expect.stringContaining('An entry was inserted at #9') } });
  });

  it('an entry added after the newest one, correctly hashed, without the head', async () => {
    const t = await tampered();
    const newest = await t.entry(11);
    await t.storage.create({ model: ENTRY, data: await forged({ ...newest, id: 'forged-entry', seq: 12, prevHash: newest['hash'] as string }) });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 12, entryId: 'forged-entry', message: expect.stringContaining('comes after the head record') } });
  });

  it('an entry added after the newest one with the head moved too: the request still names its real newest entry', async () => {
    const t = await tampered();
    const newest = await t.entry(11);
    const fake = await forged({ ...newest, id: 'forged-entry', seq: 12, prevHash: newest['hash'] as string, version: 4 });
    await t.storage.create({ model: ENTRY, data: fake });
    await t.setHead({ seq: 12, hash: fake['hash'] as string });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 12, requestId: t.r1.id, message: expect.stringContaining('records entry #11 as its newest') } });
  });

  it('two neighbouring entries swapped', async () => {
    const t = await tampered();
    const third = await t.entry(9);
    const fourth = await t.entry(10);
    await t.set(9, { seq: 99 });
    await t.set(10, { seq: 9 });
    await t.set(99, { seq: 10 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 9, entryId: fourth['id'], message: 'Entry #9 is out of order: it was written as #10.' } });
    expect(third['id']).not.toBe(fourth['id']);
  });

  it('two distant entries swapped', async () => {
    const t = await tampered();
    const fourth = await t.entry(10);
    await t.set(8, { seq: 99 });
    await t.set(10, { seq: 8 });
    await t.set(99, { seq: 10 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 8, entryId: fourth['id'] } });
  });

  it('an entry moved past the end', async () => {
    const t = await tampered();
    const second = await t.entry(8);
    await t.set(8, { seq: 40 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 8, entryId: second['id'], message: 'Entry #8 is out of order: it now sits at #40.' } });
  });

  it('an entry copied from another office', async () => {
    const t = await tampered('a');
    const other = await openOffice(t.community, 'b');
    await other.submit();
    const copied = await t.storage.findOne({ model: ENTRY, where: [{ field: 'officeId', value: other.officeId }, { field: 'seq', value: 1 }] });
    await t.storage.create({ model: ENTRY, data: { ...copied, id: 'copied-entry', officeId: t.officeId, seq: 12 } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 12, entryId: 'copied-entry', message: expect.stringContaining('copied from another office') } });
    expect(await verifyAuditChain(t.storage, { officeId: other.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 1 });
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
    await t.remove(11);
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 11, entryId: null, message: 'The newest entries were deleted: the head record says the chain reaches #11, but it ends at #10.' } });
  });

  it('the newest entry deleted and the head moved back: the request still points past the end', async () => {
    const t = await tampered();
    await t.remove(11);
    await t.setHead({ seq: 10, hash: (await t.entry(10))['hash'] as string });
    expect(await t.verify()).toEqual({
      ok: false,
      problem: {
        kind: 'truncated',
        seq: 11,
        entryId: null,
        requestId: t.r1.id,
        message: `The newest entries were deleted: request ${t.r1.id} records a newest entry that is no longer in the chain, which now ends at #10.`,
      },
    });
  });

  it('the newest entry replaced by one with a correct hash', async () => {
    const t = await tampered();
    const newest = await t.entry(11);
    await t.remove(11);
    await t.storage.create({ model: ENTRY, data: await forged({ ...newest, id: 'forged-entry', status: 'closed' }) });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 11, entryId: 'forged-entry', message: expect.stringContaining('was replaced') } });
  });

  it("a request's anchor put back to an older entry, or cleared", async () => {
    const t = await tampered();
    const requestWhere = (id: string) => [{ field: 'officeId', value: t.officeId }, { field: 'id', value: id }];
    await t.storage.update({ model: 'request', where: requestWhere(t.r1.id), data: { auditChainHead: (await t.entry(9))['hash'] as string } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 11, entryId: (await t.entry(9))['id'], requestId: t.r1.id } });
    await t.storage.update({ model: 'request', where: requestWhere(t.r1.id), data: { auditChainHead: (await t.entry(11))['hash'] as string } });
    await t.storage.update({ model: 'request', where: requestWhere(t.r2.id), data: { auditChainHead: null } });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 10, requestId: t.r2.id, message: expect.stringContaining('was removed') } });
  });

  it('a deleted head record is reported, and stays reported once the next command rebuilds it', async () => {
    const t = await tampered();
    await t.storage.delete({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 11, message: expect.stringContaining('head record is missing') } });
    // The community already knew the head: the command rebuilds it inside its transaction.
    await t.office.note(t.r2);
    expect(await t.verify('zh-CN')).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 11, message: '本街道的链头记录曾被删除，并在第11条处重建；重建之前，第11条之后的记录可能已被删除。' } });
    expect(await t.storage.findOne({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] })).toMatchObject({ seq: 12, rebuiltAtSeq: 11 });
  });

  it('a head deleted before a fresh community first sees the office is rebuilt before the command', async () => {
    const t = await tampered();
    await t.storage.delete({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] });
    const restarted = auditedCommunity(t.storage);
    await restarted.as({ kind: 'system', officeId: t.officeId }).requests.note({ requestId: t.r1.id, text: '重启后的跟进' });
    expect(await t.storage.findOne({ model: HEAD, where: [{ field: 'officeId', value: t.officeId }] })).toMatchObject({ seq: 12, rebuiltAtSeq: 11 });
    expect(await t.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor', seq: 11 } });
  });
});
