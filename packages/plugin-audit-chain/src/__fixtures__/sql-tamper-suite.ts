import { definePlugin, isKechuangError, type ServiceRequest, type StorageAdapter } from '@kechuang/community';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../verify-audit-chain.js';
import { OPENING_ENTRIES, auditedCommunity, fiveEntries, openOffice } from './audit-office.js';

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

/** The entries of `chain()`: the office's opening (#1–#6) and `fiveEntries` (#7–#11). */
const ELEVEN = Array.from({ length: 11 }, (_, i) => i + 1);

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
          requestId: r['request_id'] === null ? null : String(r['request_id']),
        }));
      const verify = () => verifyAuditChain(world.storage, { officeId: office.officeId });
      return { office, ...requests, entries, verify, officeId: office.officeId };
    }

    it('stores the chain, the head record and each request’s anchor', async () => {
      const c = await chain();
      const entries = await c.entries();
      expect(entries.map((e) => e.seq)).toEqual(ELEVEN);
      expect(entries.map((e) => e.requestId === null)).toEqual([...Array.from({ length: OPENING_ENTRIES }, () => true), false, false, false, false, false]);
      const [head] = await world.sql.rows('SELECT seq, hash FROM audit_chain_head WHERE office_id = ?', [c.officeId]);
      expect({ seq: Number(head?.['seq']), hash: head?.['hash'] }).toEqual({ seq: 11, hash: entries[10]?.hash });
      const anchors = await world.sql.rows('SELECT id, audit_chain_head FROM request WHERE office_id = ? ORDER BY id', [c.officeId]);
      const newest = (requestId: string) => entries.filter((e) => e.requestId === requestId).at(-1)?.hash;
      expect(anchors.map((r) => r['audit_chain_head'])).toEqual(anchors.map((r) => newest(String(r['id']))));
      expect(await c.verify()).toEqual({ ok: true, entries: 11, head: entries[10]?.hash });
    });

    it('catches an altered field', async () => {
      const c = await chain();
      await world.sql.run("UPDATE audit_chain_entry SET status = 'closed' WHERE office_id = ? AND seq = 9", [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 9, entryId: (await c.entries())[8]?.id } });
    });

    it('catches an altered record command’s entry: a member create that names another member', async () => {
      const c = await chain();
      await world.sql.run("UPDATE audit_chain_entry SET record_id = ? WHERE office_id = ? AND seq = 4 AND command = 'member.create'", [c.office.members.lawyer.id, c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 4, entryId: (await c.entries())[3]?.id } });
    });

    it('catches a deleted middle entry', async () => {
      const c = await chain();
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 9', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 9, entryId: null } });
    });

    it('catches a deleted newest entry by the head record', async () => {
      const c = await chain();
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 11', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 11 } });
    });

    it('catches a deleted newest entry by the request’s anchor when the head record was moved back too', async () => {
      const c = await chain();
      const tenth = (await c.entries())[9];
      await world.sql.run('DELETE FROM audit_chain_entry WHERE office_id = ? AND seq = 11', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_head SET seq = 10, hash = ? WHERE office_id = ?', [tenth?.hash, c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 11, requestId: c.r1.id } });
    });

    it('catches two swapped entries', async () => {
      const c = await chain();
      const tenth = (await c.entries())[9];
      await world.sql.run('UPDATE audit_chain_entry SET seq = -1 WHERE office_id = ? AND seq = 8', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_entry SET seq = 8 WHERE office_id = ? AND seq = 10', [c.officeId]);
      await world.sql.run('UPDATE audit_chain_entry SET seq = 10 WHERE office_id = ? AND seq = -1', [c.officeId]);
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 8, entryId: tenth?.id } });
    });

    it('catches an entry copied from another office', async () => {
      const c = await chain();
      const other = await openOffice(community, nextCode());
      await other.submit();
      const columns = 'request_id, model, record_id, command, actor_kind, actor_id, at, input_digest, status, version, assignee_id, prev_hash, hash';
      await world.sql.run(
        `INSERT INTO audit_chain_entry (id, office_id, seq, ${columns}) SELECT ?, ?, 12, ${columns} FROM audit_chain_entry WHERE office_id = ? AND seq = ?`,
        ['copied-entry', c.officeId, other.officeId, OPENING_ENTRIES + 1],
      );
      expect(await c.verify()).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 12, entryId: 'copied-entry' } });
      expect(await verifyAuditChain(world.storage, { officeId: other.officeId })).toMatchObject({ ok: true, entries: OPENING_ENTRIES + 1 });
    });

    it('a command rolled back by a later transaction hook leaves no entry, and the head and anchor as they were', async () => {
      const c = await chain();
      const state = () => Promise.all([world.sql.rows('SELECT seq, hash FROM audit_chain_head WHERE office_id = ?', [c.officeId]), world.sql.rows('SELECT audit_chain_head FROM request WHERE id = ?', [c.r2.id])]);
      const before = await state();
      const error = await c.office.note(c.r2, '归档失败').then(() => null, (e: unknown) => e);
      expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
      expect((await c.entries()).map((e) => e.seq)).toEqual(ELEVEN);
      expect(await state()).toEqual(before);
      await c.office.note(c.r2);
      expect(await c.verify()).toMatchObject({ ok: true, entries: 12 });
    });

    it('a command refused by a CONFLICT leaves no entry', async () => {
      const c = await chain();
      const error = await c.office.system.requests.note({ requestId: c.r2.id, version: 1, text: '过期版本上的进展' }).then(() => null, (e: unknown) => e);
      expect(isKechuangError(error, 'CONFLICT')).toBe(true);
      expect((await c.entries()).map((e) => e.seq)).toEqual(ELEVEN);
      expect(await c.verify()).toMatchObject({ ok: true, entries: 11 });
    });

    it(
      'commands on 20 requests and 10 teams at once all commit, numbered 1..n without gaps, and the chain verifies',
      async () => {
        // With a second adapter the commands are shared between two app instances.
        const communities = [community, ...(world.second ? [auditedCommunity(world.second, [archive()])] : [])];
        const office = await openOffice(community, nextCode());
        const via = (i: number) => communities[i % communities.length] as (typeof communities)[number];
        const system = (i: number) => via(i).as({ kind: 'system', officeId: office.officeId });
        // Record commands take the same head as request commands, after their own bookkeeping.
        const teamsMade = Promise.allSettled(Array.from({ length: 10 }, (_, i) => system(i + 1).teams.create({ code: `T${i + 1}`, name: `并发服务队${i + 1}` })));
        const submitted = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => system(i).requests.submit({ communityId: office.mc.id, channel: 'phone', category: 'policy', title: `并发诉求${i + 1}` })),
        );
        expect(submitted.filter((r) => r.status === 'rejected')).toEqual([]);
        const teams = await teamsMade;
        expect(teams.filter((r) => r.status === 'rejected')).toEqual([]);
        const requests = submitted.map((r) => (r as PromiseFulfilledResult<ServiceRequest>).value);
        const worked = await Promise.allSettled([
          ...requests.map(async (request, i) => {
            const head = via(i + 1).as({ kind: 'member', officeId: office.officeId, memberId: office.members.stationHead.id });
            await head.requests.assign({ requestId: request.id, assigneeId: office.members.lawyer.id });
            await system(i).requests.note({ requestId: request.id, text: '已安排律师跟进' });
          }),
          ...teams.map((team, i) => system(i).teams.archive({ id: (team as PromiseFulfilledResult<{ id: string }>).value.id })),
        ]);
        expect(worked.filter((r) => r.status === 'rejected')).toEqual([]);

        const rows = await world.sql.rows('SELECT seq, request_id, record_id, command FROM audit_chain_entry WHERE office_id = ? ORDER BY seq', [office.officeId]);
        const total = OPENING_ENTRIES + 60 + 20;
        expect(rows.map((r) => Number(r['seq']))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        for (const request of requests) {
          expect(rows.filter((r) => r['request_id'] === request.id).map((r) => r['command'])).toEqual(['submit', 'assign', 'note']);
        }
        for (const team of teams) {
          const id = (team as PromiseFulfilledResult<{ id: string }>).value.id;
          expect(rows.filter((r) => r['record_id'] === id).map((r) => r['command'])).toEqual(['team.create', 'team.archive']);
        }
        expect(await verifyAuditChain(world.storage, { officeId: office.officeId })).toMatchObject({ ok: true, entries: total });
      },
      60_000,
    );
  });
}
