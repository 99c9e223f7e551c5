import { definePlugin, isKechuangError, type ServiceRequest, type StorageAdapter } from '@kechuang/community';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../verify-audit-chain.js';
import { auditedCommunity, fiveEntries, openOffice } from './audit-office.js';

/** Raw SQL on the database behind the adapter, written with `?` placeholders. */
export interface RawSql {
  run(text: string, params?: readonly unknown[]): Promise<void>;
  rows(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** One database for a test file: the adapter the SDK uses and a second, raw connection. */
export interface SqlWorld {
  storage: StorageAdapter;
  /** A second adapter on the same database, as a second app instance would have; optional. */
  second?: StorageAdapter;
  sql: RawSql;
  close(): Promise<void>;
}

/** Refuses notes whose text says so, in a transaction hook that runs after the audit chain's. */
const archive = definePlugin({
  id: 'archive',
  setup: ({ hooks }) =>
    hooks.transaction('note', ({ input }) => {
      if (input['text'] === '归档失败') throw new Error('the archive refused the note');
    }),
});

let offices = 0;
const nextCode = () => `office-${process.pid}-${++offices}`;

/**
 * The audit chain on a SQL adapter: entries and anchors as stored, rows altered, deleted,
 * swapped and copied with SQL behind the adapter's back, and commands in parallel.
 */
export function sqlTamperSuite(name: string, open: () => Promise<SqlWorld>): void {
  describe(name, () => {
    let world: SqlWorld;
    let community: ReturnType<typeof auditedCommunity>;
    beforeAll(async () => {
      world = await open();
      community = auditedCommunity(world.storage, [archive()]);
    });
    afterAll(async () => {
      await world?.close();
    });

    async function chain() {
      const office = await openOffice(community, nextCode());
      const requests = await fiveEntries(office);
      const entries = async () =>
        (await world.sql.rows('SELECT id, seq, hash, request_id FROM audit_chain_entry WHERE office_id = ? ORDER BY seq', [office.officeId])).map((r) => ({
          id: String(r['id']),
          seq: Number(r['seq']),
          hash: String(r['hash']),
          requestId: String(r['request_id']),
        }));
      const verify = () => verifyAuditChain(world.storage, { officeId: office.officeId });
      return { office, ...requests, entries, verify, officeId: office.officeId };
    }

    it('stores the chain, the head record and each request’s anchor', async () => {
      const c = await chain();
      const entries = await c.entries();
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      const [head] = await world.sql.rows('SELECT seq, hash FROM audit_chain_head WHERE office_id = ?', [c.officeId]);
      expect({ seq: Number(head?.['seq']), hash: head?.['hash'] }).toEqual({ seq: 5, hash: entries[4]?.hash });
      const anchors = await world.sql.rows('SELECT id, audit_chain_head FROM request WHERE office_id = ? ORDER BY id', [c.officeId]);
      const newest = (requestId: string) => entries.filter((e) => e.requestId === requestId).at(-1)?.hash;
      expect(anchors.map((r) => r['audit_chain_head'])).toEqual(anchors.map((r) => newest(String(r['id']))));
      expect(await c.verify()).toEqual({ ok: true, entries: 5, head: entries[4]?.hash });
    });

    it('catches an altered field', async () => {
      const c = await chain();
      await world.sql.run("UPDATE audit_chain_entry SET status = 'closed' WHERE office_id = ? AND seq = 3", [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 3, entryId: (await c.entries())[2]?.id } });
    });

    it('catches a deleted middle entry', async () => {
      const c = await chain();
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 3', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 3, entryId: null } });
    });

    it('catches a deleted newest entry by the head record', async () => {
      const c = await chain();
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 5', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 5 } });
    });

    it('catches a deleted newest entry by the request’s anchor when the head record was moved back too', async () => {
      const c = await chain();
      const fourth = (await c.entries())[3];
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 5', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_head SET seq = 4, hash = ? WHERE office_id = ?', [fourth?.hash, c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 5, requestId: c.r1.id } });
    });

    it('catches two swapped entries', async () => {
      const c = await chain();
      const fourth = (await c.entries())[3];
      await world.sql.run('UPDATE audit_chain_entry SET seq = -1 WHERE office_id = ? AND seq = 2', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_entry SET seq = 2 WHERE office_id = ? AND seq = 4', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_entry SET seq = 4 WHERE office_id = ? AND seq = -1', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 2, entryId: fourth?.id } });
    });

    it('catches an entry copied from another office', async () => {
      const c = await chain();
      const other = await openOffice(community, nextCode());
      await other.submit();
      const columns = 'command, actor_kind, actor_id, at, input_digest, status, version, assignee_id, prev_hash, hash';
      await world.sql.run(
        `INSERT INTO audit_chain_entry (id, office_id, seq, request_id, ${columns}) SELECT ?, ?, 6, request_id, ${columns} FROM audit_chain_entry WHERE office_id = ? AND seq = 1`,
        ['copied-entry', c.officeId, other.officeId],
      );
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 6, entryId: 'copied-entry' } });
      expect(await verifyAuditChain(world.storage, { officeId: other.officeId })).toMatchObject({ ok: true, entries: 1 });
    });

    it('a command rolled back by a later transaction hook leaves no entry, and the head and anchor as they were', async () => {
      const c = await chain();
      const state = () => Promise.all([world.sql.rows('SELECT seq, hash FROM audit_chain_head WHERE office_id = ?', [c.officeId]), world.sql.rows('SELECT audit_chain_head FROM request WHERE id = ?', [c.r2.id])]);
      const before = await state();
      const error = await c.office.note(c.r2, '归档失败').then(() => null, (e: unknown) => e);
      expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
      expect((await c.entries()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(await state()).toEqual(before);
      await c.office.note(c.r2);
      expect(await c.verify()).toMatchObject({ ok: true, entries: 6 });
    });

    it('a command refused by a CONFLICT leaves no entry', async () => {
      const c = await chain();
      const error = await c.office.system.requests.note({ requestId: c.r2.id, version: 1, text: '过期版本上的进展' }).then(() => null, (e: unknown) => e);
      expect(isKechuangError(error, 'CONFLICT')).toBe(true);
      expect((await c.entries()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(await c.verify()).toMatchObject({ ok: true, entries: 5 });
    });

    it(
      'commands on 20 requests at once all commit, numbered 1..n without gaps, and the chain verifies',
      async () => {
        // With a second adapter the commands are shared between two app instances.
        const communities = [community, ...(world.second ? [auditedCommunity(world.second, [archive()])] : [])];
        const office = await openOffice(community, nextCode());
        const via = (i: number) => communities[i % communities.length] as (typeof communities)[number];
        const system = (i: number) => via(i).as({ kind: 'system', officeId: office.officeId });
        const submitted = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => system(i).requests.submit({ communityId: office.mc.id, channel: 'phone', category: 'policy', title: `并发诉求${i + 1}` })),
        );
        expect(submitted.filter((r) => r.status === 'rejected')).toEqual([]);
        const requests = submitted.map((r) => (r as PromiseFulfilledResult<ServiceRequest>).value);
        const worked = await Promise.allSettled(
          requests.map(async (request, i) => {
            const head = via(i + 1).as({ kind: 'member', officeId: office.officeId, memberId: office.members.stationHead.id });
            await head.requests.assign({ requestId: request.id, assigneeId: office.members.lawyer.id });
            await system(i).requests.note({ requestId: request.id, text: '已安排律师跟进' });
          }),
        );
        expect(worked.filter((r) => r.status === 'rejected')).toEqual([]);

        const rows = await world.sql.rows('SELECT seq, request_id, command FROM audit_chain_entry WHERE office_id = ? ORDER BY seq', [office.officeId]);
        expect(rows.map((r) => Number(r['seq']))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        for (const request of requests) {
          expect(rows.filter((r) => r['request_id'] === request.id).map((r) => r['command'])).toEqual(['submit', 'assign', 'note']);
        }
        expect(await verifyAuditChain(world.storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: 60 });
      },
      60_000,
    );
  });
}
