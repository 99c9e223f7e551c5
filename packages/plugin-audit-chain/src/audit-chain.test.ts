import { definePlugin, isKechuangError, memoryStorage, sha256Hex, type FieldsOfPlugins, type Row, type StorageAdapter } from '@kechuang/community';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { OPENING_ENTRIES, auditedCommunity, fiveEntries, openOffice } from './__fixtures__/audit-office.js';
import type { auditChain } from './audit-chain-plugin.js';
import { canonicalJson } from './canonical-json.js';
import { listAuditEntries } from './list-audit-entries.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const entriesOf = (storage: StorageAdapter, officeId: string): Promise<Row[]> =>
  storage.findMany({ model: 'audit_chain_entry', where: [{ field: 'officeId', value: officeId }], orderBy: [{ field: 'seq' }] });
/** The entries of request commands, leaving out those of the office's opening (its record commands). */
const requestEntriesOf = async (storage: StorageAdapter, officeId: string): Promise<Row[]> => (await entriesOf(storage, officeId)).filter((row) => row['requestId'] !== null);
const headOf = (storage: StorageAdapter, officeId: string) => storage.findOne({ model: 'audit_chain_head', where: [{ field: 'officeId', value: officeId }] });
const anchorOf = async (storage: StorageAdapter, officeId: string, requestId: string) =>
  (await storage.findOne({ model: 'request', where: [{ field: 'officeId', value: officeId }, { field: 'id', value: requestId }] }))?.['auditChainHead'];

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (error: unknown) => error,
  );
}

describe('one entry per committed command', () => {
  it('records the office, number, request, command, actor, time, input digest and result, each linked to the one before', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const request = await office.submit();
    const assigned = await office.as(office.members.stationHead.id).requests.assign({ requestId: request.id, assigneeId: office.members.lawyer.id });
    const accepted = await office.as(office.members.lawyer.id).requests.accept({ requestId: request.id });

    const rows = await requestEntriesOf(storage, office.officeId);
    expect(rows.map((r) => [r['seq'], r['command'], r['actorKind'], r['actorId'], r['status'], r['version'], r['assigneeId']])).toEqual([
      [7, 'submit', 'system', null, 'submitted', 1, null],
      [8, 'assign', 'member', office.members.stationHead.id, 'assigned', 2, office.members.lawyer.id],
      [9, 'accept', 'member', office.members.lawyer.id, 'accepted', 3, office.members.lawyer.id],
    ]);
    expect(rows.map((r) => [r['requestId'], r['model'], r['recordId']])).toEqual([0, 1, 2].map(() => [request.id, 'request', request.id]));
    expect(rows.map((r) => r['at'])).toEqual([request.updatedAt, assigned.updatedAt, accepted.updatedAt]);
    expect(rows[1]?.['prevHash']).toBe(rows[0]?.['hash']);
    expect(rows[2]?.['prevHash']).toBe(rows[1]?.['hash']);
    expect(new Set(rows.map((r) => r['inputDigest'])).size).toBe(3);
    expect(rows.every((r) => typeof r['inputDigest'] === 'string' && /^[0-9a-f]{64}$/.test(r['inputDigest']))).toBe(true);

    expect(await headOf(storage, office.officeId)).toMatchObject({ seq: 9, hash: rows[2]?.['hash'], rebuiltAtSeq: null });
    expect(await anchorOf(storage, office.officeId, request.id)).toBe(rows[2]?.['hash']);
    // The request as the command returns it and as it reads back carries the anchor too.
    expect(accepted.auditChainHead).toBe(rows[2]?.['hash']);
    expect((await office.system.requests.get(request.id)).request.auditChainHead).toBe(rows[2]?.['hash']);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toEqual({ ok: true, entries: 9, head: rows[2]?.['hash'] });
  });

  it('digests the input the command ran with: canonical JSON, after the before hooks', async () => {
    const seen: unknown[] = [];
    const spy = definePlugin({ id: 'spy', setup: ({ hooks }) => hooks.transaction('note', ({ input }) => void seen.push(input)) });
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [spy()]), 'cangqian');
    const request = await office.submit();
    await office.note(request, '企业补充了合同扫描件');
    const [, noted] = await requestEntriesOf(storage, office.officeId);
    expect(noted?.['inputDigest']).toBe(await sha256Hex(new TextEncoder().encode(canonicalJson(seen[0]))));
  });

  it("keeps no digest with recordInput: 'none'", async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [], { recordInput: 'none' }), 'cangqian');
    await office.note(await office.submit());
    expect((await entriesOf(storage, office.officeId)).map((r) => r['inputDigest'])).toEqual(Array.from({ length: OPENING_ENTRIES + 2 }, () => null));
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 2 });
  });

  it('records plugin transitions under their namespaced command', async () => {
    const review = definePlugin({
      id: 'legal-review',
      setup({ workflow }) {
        workflow.state('reviewing');
        workflow.transition({ name: 'legal-review.send', from: ['submitted'], to: 'legal-review.reviewing', roles: ['system'] });
        workflow.transition({ name: 'legal-review.finish', from: ['legal-review.reviewing'], to: 'closed', roles: ['system'] });
      },
    });
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [review()]), 'cangqian');
    const request = await office.submit();
    await office.system.requests.transition({ requestId: request.id, name: 'legal-review.send' });
    const rows = await requestEntriesOf(storage, office.officeId);
    expect(rows.map((r) => [r['command'], r['status']])).toEqual([
      ['submit', 'submitted'],
      ['legal-review.send', 'legal-review.reviewing'],
    ]);
  });

  it('records every request a visit raises, and then the visit, in the visit’s one transaction', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const office = await openOffice(community, 'cangqian');
    const enterprise = await office.system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: office.mc.id });
    const { requests } = await office.as(office.members.staff.id).visits.record({
      enterpriseId: enterprise.id,
      summary: '走访了解企业经营情况',
      requests: [
        { category: 'legal', title: '40余个项目尾款未结' },
        { category: 'policy', title: '咨询高新技术企业认定' },
      ],
    });
    const rows = (await entriesOf(storage, office.officeId)).slice(OPENING_ENTRIES);
    const staff = office.members.staff.id;
    expect(rows.map((r) => [r['command'], r['requestId'], r['actorId']])).toEqual([
      ['enterprise.create', null, null],
      ...requests.map((r) => ['submit', r.id, staff]),
      ['visit.record', null, staff],
    ]);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 4 });
  });

  it('numbers each office on its own', async () => {
    const storage = memoryStorage();
    const community = auditedCommunity(storage);
    const a = await openOffice(community, 'a');
    const b = await openOffice(community, 'b');
    await a.submit();
    await b.submit();
    await a.submit();
    expect((await requestEntriesOf(storage, a.officeId)).map((r) => r['seq'])).toEqual([7, 8]);
    expect((await requestEntriesOf(storage, b.officeId)).map((r) => r['seq'])).toEqual([7]);
    expect((await entriesOf(storage, a.officeId))[0]?.['prevHash']).not.toBe((await entriesOf(storage, b.officeId))[0]?.['prevHash']);
  });
});

describe('an entry exists if and only if its command committed', () => {
  const refusing = (shouldRefuse: () => boolean) =>
    definePlugin({
      id: 'refuser',
      setup: ({ hooks }) =>
        hooks.transaction('note', () => {
          if (shouldRefuse()) throw new Error('the archive refused the note');
        }),
    })();

  it('a later transaction hook of another plugin throws: no entry, head and anchor unchanged', async () => {
    let refuse = false;
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [refusing(() => refuse)]), 'cangqian');
    const request = await office.submit();
    const before = { entries: await entriesOf(storage, office.officeId), head: await headOf(storage, office.officeId), anchor: await anchorOf(storage, office.officeId, request.id) };
    refuse = true;
    expect(isKechuangError(await failure(office.note(request)), 'PLUGIN_ERROR')).toBe(true);
    expect(await entriesOf(storage, office.officeId)).toEqual(before.entries);
    expect(await headOf(storage, office.officeId)).toEqual(before.head);
    expect(await anchorOf(storage, office.officeId, request.id)).toBe(before.anchor);
    refuse = false;
    await office.note(request);
    expect((await requestEntriesOf(storage, office.officeId)).map((r) => [r['seq'], r['version']])).toEqual([
      [7, 1],
      [8, 2],
    ]);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 2 });
  });

  it('a stale version is a CONFLICT and leaves no entry', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const request = await office.submit();
    await office.note(request);
    const error = await failure(office.system.requests.note({ requestId: request.id, version: 1, text: '重复提交的进展' }));
    expect(isKechuangError(error, 'CONFLICT')).toBe(true);
    expect((await requestEntriesOf(storage, office.officeId)).map((r) => r['command'])).toEqual(['submit', 'note']);
  });

  it('two commands racing on one request: the loser is a CONFLICT, the winner alone is recorded', async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const request = await office.submit();
    const results = await Promise.allSettled([office.note(request, '第一条进展'), office.note(request, '第二条进展')]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.every((r) => isKechuangError(r.reason, 'CONFLICT'))).toBe(true);
    expect(await requestEntriesOf(storage, office.officeId)).toHaveLength(1 + results.length - rejected.length);
    expect(await verifyAuditChain(storage, { officeId: office.officeId })).toMatchObject({ ok: true });
  });

  it('a before hook that vetoes leaves no entry', async () => {
    const veto = definePlugin({
      id: 'freeze',
      setup: ({ hooks }) =>
        hooks.before('note', () => {
          throw new Error('notes are frozen during the audit');
        }),
    });
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage, [veto()]), 'cangqian');
    const request = await office.submit();
    expect(isKechuangError(await failure(office.note(request)), 'PLUGIN_ERROR')).toBe(true);
    expect((await requestEntriesOf(storage, office.officeId)).map((r) => r['command'])).toEqual(['submit']);
  });
});

describe('options', () => {
  it('refuses unknown options and hash functions at createCommunity, naming them', () => {
    const storage = memoryStorage();
    const bad = (options: Record<string, unknown>) => {
      try {
        auditedCommunity(storage, [], options);
      } catch (error) {
        return error;
      }
      return null;
    };
    const error = bad({ recordInput: 'everything' });
    expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    expect((error as Error).message).toContain('recordInput');
    expect((bad({ hash: 'md5' }) as Error).message).toContain('hash');
    // The route reads the community's storage now; a host still passing it hears so by name.
    expect((bad({ storage }) as Error).message).toMatch(/Unrecognized key: "storage"/);
  });
});

it('five entries over two requests verify, and each request is anchored on its own newest entry', async () => {
  const storage = memoryStorage();
  const office = await openOffice(auditedCommunity(storage), 'cangqian');
  const { r1, r2 } = await fiveEntries(office);
  const rows = await requestEntriesOf(storage, office.officeId);
  expect(await anchorOf(storage, office.officeId, r1.id)).toBe(rows[4]?.['hash']);
  expect(await anchorOf(storage, office.officeId, r2.id)).toBe(rows[3]?.['hash']);
  expect(await verifyAuditChain(storage, { officeId: office.officeId })).toEqual({ ok: true, entries: 11, head: rows[4]?.['hash'] });
});

describe('listAuditEntries', () => {
  it("lists an office's entries in order, one request's trail, and pages on by number", async () => {
    const storage = memoryStorage();
    const office = await openOffice(auditedCommunity(storage), 'cangqian');
    const { r1 } = await fiveEntries(office);
    expect((await listAuditEntries(storage, { officeId: office.officeId })).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const trail = await listAuditEntries(storage, { officeId: office.officeId, requestId: r1.id });
    expect(trail.map((e) => [e.seq, e.command, e.version])).toEqual([
      [7, 'submit', 1],
      [9, 'note', 2],
      [11, 'note', 3],
    ]);
    expect(trail[0]?.at).toBeInstanceOf(Date);
    expect((await listAuditEntries(storage, { officeId: office.officeId, afterSeq: 9, limit: 1 })).map((e) => e.seq)).toEqual([10]);
  });

  it('refuses a bad limit or position with VALIDATION_FAILED', async () => {
    const storage = memoryStorage();
    const refusal = (input: Parameters<typeof listAuditEntries>[1]) => listAuditEntries(storage, input).then(() => null, (e: unknown) => e);
    expect(isKechuangError(await refusal({ officeId: 'o1', limit: 0 }), 'VALIDATION_FAILED')).toBe(true);
    expect(isKechuangError(await refusal({ officeId: 'o1', afterSeq: -1 }), 'VALIDATION_FAILED')).toBe(true);
    expect(isKechuangError(await refusal({ officeId: '' }), 'VALIDATION_FAILED')).toBe(true);
  });
});

it('adds a nullable auditChainHead to the request type', () => {
  expectTypeOf<FieldsOfPlugins<[ReturnType<typeof auditChain>], 'request'>>().toEqualTypeOf<{ auditChainHead: string | null }>();
});
