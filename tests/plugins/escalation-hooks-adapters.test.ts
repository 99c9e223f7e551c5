import { createCommunity, createWorker, definePlugin, isKechuangError, manualClock, type StorageAdapter } from '@kechuang/community';
import { describe, expect } from 'vitest';
import { ESCALATION_TIMES, escalatingConfig } from '../../packages/community/src/__fixtures__/escalating-office.js';
import { itOnSqlAdapters, sqlAdapters } from './sql-adapters.js';

/**
 * An SLA escalation the worker fires runs the plugins' `escalate` hooks on the SQL adapters:
 * a `transaction` hook writes in the firing's transaction, an `after` hook runs once it has
 * committed, and a `transaction` hook that hangs fails the firing, leaves nothing behind and
 * frees the connection, so that the worker's retry commits the step once.
 */

const adapters = await sqlAdapters('escalation-hooks-adapters.test.ts');

async function escalationRunsHooks(storage: StorageAdapter): Promise<void> {
  let hang = true;
  const after: number[] = [];
  const ledger = definePlugin({
    id: 'ledger',
    schema: { models: { ledger_step: { fields: { id: { type: 'string' }, officeId: { type: 'string' }, level: { type: 'number' } } } } },
    setup({ hooks }) {
      hooks.transaction('escalate', async ({ tx, officeId, request, input }) => {
        if (hang) await new Promise<never>(() => undefined);
        await tx.create({ model: 'ledger_step', data: { id: `${request.id}:${input.level}`, officeId, level: input.level } });
      });
      hooks.after('escalate', ({ input }) => void after.push(input.level));
    },
  });
  const clock = manualClock(ESCALATION_TIMES.submit);
  const community = createCommunity({ storage, clock, plugins: [ledger()], pluginHookTimeoutMs: 100 });
  const office = await community.offices.create({ code: 'escalating', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  await system.config.update(escalatingConfig());
  const request = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'legal', title: '40余个项目尾款未结' });
  const worker = createWorker(community, { notify: false });
  const errors: unknown[] = [];
  worker.on('error', (error) => void errors.push(error));

  clock.set(ESCALATION_TIMES.firstStep);
  await worker.runOnce();
  expect(errors.map((e) => isKechuangError(e, 'PLUGIN_TIMEOUT'))).toEqual([true]);
  expect((await system.requests.get(request.id)).request).toMatchObject({ version: request.version, escalationLevel: 0 });
  expect(await storage.findMany({ model: 'ledger_step', where: [] })).toEqual([]);
  expect(after).toEqual([]);

  // The connection is free for commands while the cut-off hook still hangs.
  const noted = await system.requests.note({ requestId: request.id, text: '已电话联系企业' });
  hang = false;
  clock.set(new Date(ESCALATION_TIMES.firstStep.getTime() + 60_000));
  await worker.runOnce();
  expect((await system.requests.get(request.id)).request).toMatchObject({ version: noted.version + 1, escalationLevel: 1 });
  expect(await storage.findMany({ model: 'ledger_step', where: [] })).toEqual([{ id: `${request.id}:1`, officeId: office.id, level: 1 }]);
  expect(after).toEqual([1]);
}

describe('escalation hooks on SQL adapters', () => itOnSqlAdapters(adapters, escalationRunsHooks));
