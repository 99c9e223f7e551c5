import { describe, expect, it } from 'vitest';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { routingConfig } from '../__fixtures__/routing-config.js';
import { CREDIT_CODES, smallOffice } from '../__fixtures__/small-office.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import { createCommunity } from '../community.js';
import type { DirectoryEvent } from '../events/core-events.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter } from '../storage/types.js';
import { definePlugin, type Plugin } from './define-plugin.js';
import type { RecordChange, RecordCommandName } from './hooks.js';

/** The small office with `plugins`, what `onListenerError` heard, and the office's rows as stored. */
async function office(plugins: readonly Plugin[], options: { pluginHookTimeoutMs?: number } = {}) {
  const storage = memoryStorage();
  const reported: { error: unknown; event: string }[] = [];
  const fx = await smallOffice({ plugins, storage, onListenerError: (error, event) => void reported.push({ error, event }), ...options });
  const changes: DirectoryEvent[] = [];
  fx.community.events.on('directory.changed', (event) => void changes.push(event));
  const head = fx.as(fx.members.stationHead.id);
  const officeRow = () => storage.findOne({ model: 'office', where: [{ field: 'id', value: fx.office.id }] });
  return { ...fx, storage, reported, changes, head, officeRow };
}

/** A switch the test turns on once the fixture's own directory is in place. */
function armed() {
  let on = false;
  return { arm: () => void (on = true), get on() { return on; } };
}

describe('before hooks of record commands', () => {
  it('a veto of an enterprise update writes nothing: no new version, no directory stamp, no event', async () => {
    const guard = armed();
    const freeze = definePlugin({
      id: 'freeze',
      setup: ({ hooks }) =>
        hooks.before('enterprise.update', ({ record, input }) => {
          if (guard.on && input['name'] !== undefined && input['name'] !== record?.name) throw new KechuangError('FORBIDDEN', 'Enterprise names are frozen during the audit.');
        }),
    });
    const fx = await office([freeze()]);
    guard.arm();
    const stamp = (await fx.officeRow())?.['directoryStamp'];
    const error = await rejection(fx.head.enterprises.update({ id: fx.ent1.id, name: '杭州数像智能科技有限公司' }), 'FORBIDDEN');
    expect(error.message).toBe('Enterprise names are frozen during the audit.');
    expect(await fx.head.enterprises.get(fx.ent1.id)).toMatchObject({ name: '杭州数像科技有限公司', version: 1 });
    expect((await fx.officeRow())?.['directoryStamp']).toBe(stamp);
    expect(fx.changes).toEqual([]);
    // The veto is the plugin's choice: other changes go through.
    expect(await fx.head.enterprises.update({ id: fx.ent1.id, industry: '数字影像' })).toMatchObject({ industry: '数字影像', version: 2 });
  });

  it('enriches a member create: the returned input is checked and stored', async () => {
    const tidy = definePlugin({
      id: 'tidy',
      setup: ({ hooks }) =>
        hooks.before('member.create', ({ input, record, previous }) => {
          expect([record, previous]).toEqual([null, null]);
          return { input: { ...input, name: String(input['name']).replace(/\s+/g, ''), mobile: input['mobile'] ?? '13800138000' } };
        }),
    });
    const fx = await office([tidy()]);
    const member = await fx.head.members.create({ code: 'C002', name: '钱 专员', roles: [{ role: 'commissioner', portfolio: 'economic_development' }] });
    expect(member).toMatchObject({ name: '钱专员', mobile: '13800138000' });
    expect(await fx.head.members.get(member.id)).toMatchObject({ name: '钱专员', mobile: '13800138000' });
  });

  it('an input a hook replaces with one the command refuses is that plugin’s PLUGIN_ERROR, and nothing is stored', async () => {
    const sloppy = definePlugin({ id: 'sloppy', setup: ({ hooks }) => hooks.before('member.create', ({ input }) => ({ input: { ...input, roles: 'everyone' } })) });
    const community = createCommunity({ storage: memoryStorage(), plugins: [sloppy()] });
    const created = await community.offices.create({ code: 'yuhang', name: '余杭街道' });
    const system = community.as({ kind: 'system', officeId: created.id });
    const error = await rejection(system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] }), 'PLUGIN_ERROR');
    expect(error.message).toContain("Plugin 'sloppy'");
    expect(error.message).toContain("'member.create'");
    expect(error.message).toContain('roles');
    expect(error.details).toMatchObject({ plugin: 'sloppy', stage: 'before', command: 'member.create' });
    expect((await system.members.list()).items).toEqual([]);
  });

  it('a hook may change what is written, not which record: another id is refused', async () => {
    const guard = armed();
    const swap = definePlugin({
      id: 'swap',
      setup: ({ hooks }) => hooks.before('park.update', ({ input }) => (guard.on ? { input: { ...input, id: 'another-park' } } : undefined)),
    });
    const fx = await office([swap()]);
    guard.arm();
    const error = await rejection(fx.head.parks.update({ id: fx.park1.id, name: '梦想小镇' }), 'PLUGIN_ERROR');
    expect(error.message).toContain("changed 'id'");
    expect(await fx.head.parks.get(fx.park1.id)).toMatchObject({ name: '梦想小镇一号园', version: 1 });
  });

  it('a config update a hook vetoes stores nothing', async () => {
    const freeze = definePlugin({
      id: 'freeze',
      setup: ({ hooks }) =>
        hooks.before('config.update', ({ input, previous }) => {
          if (previous !== null && Array.isArray(input['categories']) && input['categories'].length < previous.config.categories.length) {
            throw new KechuangError('FORBIDDEN', 'Categories may not be removed while requests use them.');
          }
        }),
    });
    const fx = await office([freeze()]);
    const first = await fx.head.config.update(routingConfig());
    const fewer = routingConfig();
    fewer.categories = fewer.categories?.filter((category) => category.id !== 'other');
    await rejection(fx.head.config.update(fewer), 'FORBIDDEN');
    expect(await fx.head.config.history()).toEqual([first]);
    expect((await fx.officeRow())?.['configVersion']).toBe(1);
  });
});

describe('transaction hooks of record commands', () => {
  /** A plugin writing one `trail_row` per record command and throwing for `fails`. */
  function trail(fails: RecordCommandName) {
    return definePlugin({
      id: 'trail',
      schema: { models: { trail_row: { fields: { id: { type: 'string' }, officeId: { type: 'string' }, command: { type: 'string' } } } } },
      setup: ({ hooks }) =>
        hooks.transaction('record.*', async ({ tx, officeId, command, now }) => {
          await tx.create({ model: 'trail_row', data: { id: `${command}:${now.getTime()}:${Math.random()}`, officeId, command } });
          if (command === fails) throw new Error(`the trail store refused ${command}`);
        }),
    })();
  }
  const trailRows = (storage: StorageAdapter, command: string) => storage.findMany({ model: 'trail_row', where: [{ field: 'command', value: command }] });

  it('a throw rolls back a team archive with its directory bookkeeping and the hook’s own row', async () => {
    const fx = await office([trail('team.archive')]);
    const stamp = (await fx.officeRow())?.['directoryStamp'];
    const error = await rejection(fx.head.teams.archive({ id: fx.legal.id }), 'PLUGIN_ERROR');
    expect(error.message).toContain("Plugin 'trail'");
    expect(error.details).toMatchObject({ stage: 'transaction' });
    expect(await fx.head.teams.get(fx.legal.id)).toMatchObject({ archivedAt: null, version: 1 });
    expect((await fx.officeRow())?.['directoryStamp']).toBe(stamp);
    expect(await trailRows(fx.storage, 'team.archive')).toEqual([]);
    expect(fx.changes).toEqual([]);
    // What committed before still carries its row: one per create of the fixture's teams.
    expect(await trailRows(fx.storage, 'team.create')).toHaveLength(2);
  });

  it('a throw rolls back a config update: no new version, the pointer and history as they were', async () => {
    const fx = await office([trail('config.update')]);
    await rejection(fx.head.config.update(routingConfig()), 'PLUGIN_ERROR');
    expect(await fx.head.config.history()).toEqual([]);
    expect(await fx.head.config.get()).toBeNull();
    expect((await fx.officeRow())?.['configVersion']).toBe(0);
    expect(await trailRows(fx.storage, 'config.update')).toEqual([]);
  });

  it('rolls back a visit and every request it raised', async () => {
    const fx = await office([trail('visit.record')]);
    const staff = fx.as(fx.members.officeStaff.id);
    await rejection(staff.visits.record({ enterpriseId: fx.ent1.id, summary: '走访了解经营情况', requests: [{ category: 'legal', title: '40余个项目尾款未结' }] }), 'PLUGIN_ERROR');
    expect(await fx.storage.findMany({ model: 'visit', where: [] })).toEqual([]);
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });
});

describe('after hooks of record commands', () => {
  it('see the record as stored, with the fields a transaction hook set, and the record before', async () => {
    const seen: RecordChange<'member'>[] = [];
    const badge = definePlugin({
      id: 'badge',
      schema: { fields: { member: { badgeNo: { type: 'string', nullable: true } } } },
      setup({ hooks }) {
        hooks.transaction('member.update', async ({ tx, record }) => {
          await tx.update({ model: 'member', where: [{ field: 'officeId', value: record.officeId }, { field: 'id', value: record.id }], data: { badgeNo: `CQ-${record.code}` } });
        });
        hooks.after('member.update', (change) => void seen.push(change));
      },
    });
    const fx = await office([badge()]);
    const updated = await fx.head.members.update({ id: fx.members.lead.id, mobile: '13912345678' });
    const stored = await fx.head.members.get(fx.members.lead.id);
    expect(stored).toMatchObject({ mobile: '13912345678', badgeNo: 'CQ-L001', version: 2 });
    expect(updated).toEqual(stored);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.record).toEqual(stored);
    expect(seen[0]?.previous).toMatchObject({ mobile: null, version: 1 });
    expect(seen[0]).toMatchObject({ command: 'member.update', model: 'member', officeId: fx.office.id, input: { id: fx.members.lead.id, mobile: '13912345678' } });
    expect(seen[0]?.actor.member?.id).toBe(fx.members.stationHead.id);
  });

  it('a failing after hook is reported and the committed change stands', async () => {
    const loud = definePlugin({
      id: 'loud',
      setup: ({ hooks }) =>
        hooks.after('office.update', () => {
          throw new Error('the mailer is down');
        }),
    });
    const fx = await office([loud()]);
    const renamed = await fx.head.office.update({ name: '仓前街道办事处' });
    expect(renamed).toMatchObject({ name: '仓前街道办事处', version: 2 });
    expect(await fx.head.office.get()).toMatchObject({ name: '仓前街道办事处' });
    expect(fx.reported.map((r) => r.event)).toEqual(['loud:after:office.update']);
    expect(isKechuangError(fx.reported[0]?.error, 'PLUGIN_ERROR')).toBe(true);
  });
});

describe("'record.*' and '*'", () => {
  it("'record.*' hears every record command and no request command; '*' hears request commands only", async () => {
    const records: string[] = [];
    const requests: string[] = [];
    const listen = definePlugin({
      id: 'listen',
      setup({ hooks }) {
        hooks.after('record.*', (change) => {
          records.push(`${change.command}:${change.model}`);
          // The context narrows by model.
          if (change.model === 'visit') records.push(`requests:${change.record.requestIds.length}`);
        });
        hooks.after('*', ({ command }) => void requests.push(command));
      },
    });
    const storage = memoryStorage();
    const community = createCommunity({ storage, plugins: [listen()] });
    const created = await community.offices.create({ code: 'yuhang', name: '余杭街道' });
    const system = community.as({ kind: 'system', officeId: created.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    const ent = await system.enterprises.create({ creditCode: CREDIT_CODES[0], name: '杭州数像科技有限公司', communityId: mc.id });
    await system.enterprises.update({ id: ent.id, industry: '数字经济' });
    await system.office.update({ name: '余杭街道办事处' });
    await system.config.update(routingConfig({ teams: [], routing: { rules: [], fallback: { assign: { role: 'station_head' } } } }));
    await system.visits.record({ enterpriseId: ent.id, requests: [{ category: 'legal', title: '尾款未结' }] });
    await system.communities.archive({ id: mc.id });
    await community.offices.archive({ id: created.id });
    expect(records).toEqual([
      'office.create:office',
      'community.create:community',
      'enterprise.create:enterprise',
      'enterprise.update:enterprise',
      'office.update:office',
      'config.update:config',
      'visit.record:visit',
      'requests:1',
      'community.archive:community',
      'office.archive:office',
    ]);
    expect(requests).toEqual(['submit']);
  });

  it('refuses a target under a record model that is no command, and plugin ids that are record models', () => {
    const typo = definePlugin({ id: 'typo', setup: ({ hooks }) => hooks.before('member.delete', () => undefined) });
    const error = catchError(() => createCommunity({ storage: memoryStorage(), plugins: [typo()] }));
    expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    expect((error as Error).message).toContain("plugin 'typo' hooks 'member.delete' is not a command");
    const named = definePlugin({ id: 'member', setup: () => undefined });
    expect((catchError(() => createCommunity({ storage: memoryStorage(), plugins: [named()] })) as Error).message).toContain("plugin id 'member' is reserved");
  });
});

describe('timeouts and order', () => {
  it('a hook that hangs is cut off with PLUGIN_TIMEOUT and nothing is stored', async () => {
    const guard = armed();
    const slow = definePlugin({
      id: 'slow',
      setup: ({ hooks }) => hooks.transaction('building.create', () => (guard.on ? new Promise<never>(() => undefined) : undefined)),
    });
    const fx = await office([slow()], { pluginHookTimeoutMs: 40 });
    guard.arm();
    const error = await rejection(fx.head.buildings.create({ parkId: fx.park2.id, code: 'P02-B01', name: '2号楼' }), 'PLUGIN_TIMEOUT');
    expect(error.details).toMatchObject({ plugin: 'slow', stage: 'transaction', command: 'building.create', timeoutMs: 40 });
    expect(await fx.head.buildings.findByCode('P02-B01')).toBeNull();
    // The office keeps working.
    expect(await fx.head.parks.update({ id: fx.park2.id, name: '仓前数字产业园二期' })).toMatchObject({ version: 2 });
  });

  it('runs in setup order: dependencies first, each before hook given the input the one before it left', async () => {
    const order: string[] = [];
    const first = definePlugin({
      id: 'first',
      setup({ hooks }) {
        hooks.before('team.create', ({ input }) => {
          order.push('first:before');
          return { input: { ...input, name: `${String(input['name'])}（一）` } };
        });
        hooks.transaction('record.*', ({ command }) => void (command === 'team.create' && order.push('first:transaction')));
        hooks.after('team.create', () => void order.push('first:after'));
      },
    });
    const second = definePlugin({
      id: 'second',
      dependencies: ['first'],
      setup({ hooks }) {
        hooks.before('record.*', ({ command, input }) => {
          if (command !== 'team.create') return;
          order.push(`second:before:${String(input['name'])}`);
          return { input: { ...input, name: `${String(input['name'])}（二）` } };
        });
        hooks.transaction('team.create', () => void order.push('second:transaction'));
        hooks.after('record.*', ({ command }) => void (command === 'team.create' && order.push('second:after')));
      },
    });
    // Listed in the wrong order: the dependency puts `first` first.
    const fx = await office([second(), first()]);
    order.length = 0;
    const team = await fx.head.teams.create({ code: 'HR', name: '人才服务队' });
    expect(team.name).toBe('人才服务队（一）（二）');
    expect(order).toEqual(['first:before', 'second:before:人才服务队（一）', 'first:transaction', 'second:transaction', 'first:after', 'second:after']);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

it('submits raised by a visit still run the submit hooks', async () => {
  const tags = definePlugin({ id: 'tags', setup: ({ hooks }) => hooks.before('submit', ({ input }) => ({ input: { ...input, tags: ['走访'] } })) });
  const fx = await office([tags()]);
  const { requests } = await fx.as(fx.members.officeStaff.id).visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'legal', title: '40余个项目尾款未结' }] });
  expect(requests[0]?.tags).toEqual(['走访']);
  expect(await fx.system.requests.submit(submitInput(fx))).toMatchObject({ tags: ['走访'] });
});
