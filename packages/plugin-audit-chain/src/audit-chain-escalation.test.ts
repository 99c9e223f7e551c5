import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommunity, createWorker, manualClock, memoryStorage, type OfficeConfigInput, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../storage-postgres/src/pg-test-database.js';
import { auditChain } from './audit-chain-plugin.js';
import { digestOf } from './audit-entry.js';
import { listAuditEntries } from './list-audit-entries.js';
import { verifyAuditChain } from './verify-audit-chain.js';

/**
 * The SLA escalations the worker commits are chained like commands: one `escalate` entry per
 * step, by the system, with a digest of what its timer carried, and the chain verifies.
 */

const reachable = await probeDatabase('audit-chain-escalation.test.ts');
const sh = (local: string): Date => new Date(`${local}+08:00`);
const labels = { 'zh-CN': '政策咨询', en: 'Policy' };

/** `policy` requests are due in 5 working days; step 1 tells the station head, step 2 office staff. */
const config: OfficeConfigInput = {
  slaPolicies: [
    {
      id: 'policy',
      labels,
      resolve: { workingDays: 5 },
      reminders: [1],
      escalation: [
        { afterWorkingDays: 0, notify: ['station_head'] },
        { afterWorkingDays: 2, notify: ['office_staff'] },
      ],
    },
  ],
  categories: [{ id: 'policy', labels, sla: 'policy' }],
  routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
};

async function escalationsAreChained(storage: StorageAdapter): Promise<void> {
  const clock = manualClock(sh('2026-03-02T09:00:00'));
  const community = createCommunity({ storage, clock, plugins: [auditChain()] });
  const office = await community.offices.create({ code: 'escalating', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  await system.members.create({ code: 'S003', name: '周科员', roles: [{ role: 'office_staff' }] });
  await system.config.update(config);
  const request = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'policy', title: '咨询人才公寓申请政策' });
  const worker = createWorker(community, { notify: false });

  // Due 2026-03-09 17:30: the first step fires the next morning, the second two working days on.
  clock.set(sh('2026-03-10T09:00:00'));
  await worker.runOnce();
  clock.set(sh('2026-03-12T09:00:00'));
  await worker.runOnce();

  const escalated = (await system.requests.get(request.id)).request;
  expect(escalated).toMatchObject({ escalationLevel: 2, version: request.version + 2 });
  const trail = await listAuditEntries(storage, { officeId: office.id, requestId: request.id });
  // One entry per version of the request, none skipped.
  expect(trail.map((e) => [e.command, e.version])).toEqual([
    ['submit', 1],
    ['escalate', 2],
    ['escalate', 3],
  ]);
  const steps = trail.filter((e) => e.command === 'escalate');
  expect(steps.every((e) => e.actorKind === 'system' && e.actorId === null && e.status === request.status)).toBe(true);
  const timers = await storage.findMany({ model: 'timer', where: [{ field: 'requestId', value: request.id }, { field: 'kind', value: 'sla.escalation' }], orderBy: [{ field: 'dueAt' }] });
  const carried = timers.map((t) => {
    const payload = t['payload'] as { level: number; notify: string[]; policy: string };
    return { requestId: request.id, level: payload.level, notify: payload.notify, policy: payload.policy, timerKey: t['key'] };
  });
  expect(steps.map((e) => e.inputDigest)).toEqual(await Promise.all(carried.map((input) => digestOf(input))));
  expect(escalated.auditChainHead).toBe(steps[1]?.hash);
  expect(await verifyAuditChain(storage, { officeId: office.id })).toMatchObject({ ok: true, entries: steps[1]?.seq });
  await community.close();
}

describe('the audit chain records SLA escalations', () => {
  it('in memory', () => escalationsAreChained(memoryStorage()));

  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kechuang-audit-escalation-'));
    const storage = sqliteStorage({ filename: join(dir, 'audit.db') });
    try {
      await escalationsAreChained(storage);
    } finally {
      await storage.close?.();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });
  it.skipIf(!reachable)(reachable ? 'on PostgreSQL' : `on PostgreSQL — SKIPPED: unreachable at ${connectionString}`, async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const storage = postgresStorage({ connectionString, schema });
    try {
      await escalationsAreChained(storage);
    } finally {
      await storage.close?.();
    }
  });
});
