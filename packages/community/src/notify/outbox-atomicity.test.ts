import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { smallOffice, submission } from '../__fixtures__/small-office.js';
import type { Community } from '../community.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter, StorageOperations } from '../storage/types.js';
import { notifyConfig, notifyOffice, outbox, told } from './__fixtures__/notify-office.js';

describe('outbox rows are written in the change’s own transaction', () => {
  it('a transaction hook that throws leaves no outbox row (submit, command, visit)', async () => {
    let fail = false;
    const veto = definePlugin({
      id: 'veto',
      setup({ hooks }) {
        hooks.transaction('*', () => {
          if (fail) throw new Error('audit chain unavailable');
        });
      },
    });
    const fx = await notifyOffice(undefined, { plugins: [veto()] });
    const r = await fx.system.requests.submit(submission(fx));
    const before = await outbox(fx);
    expect(before.length).toBeGreaterThan(0);
    fail = true;
    await rejection(fx.system.requests.submit(submission(fx, { title: '另一条诉求' })), 'PLUGIN_ERROR');
    await rejection(fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' }), 'PLUGIN_ERROR');
    await rejection(fx.system.visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'legal', title: '走访听到的尾款问题' }] }), 'PLUGIN_ERROR');
    expect(await outbox(fx)).toEqual(before);
    fail = false;
    await fx.system.visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'legal', title: '走访听到的尾款问题' }, { category: 'legal', title: '合同纠纷' }] });
    // Round robin gives both to the lawyer assigned least recently, who has e-mail only.
    expect(told(fx, (await outbox(fx)).slice(before.length))).toEqual(['request.assign L002 email', 'request.assign L002 email']);
  });

  it('a command that loses on the version (CONFLICT) leaves no outbox row', async () => {
    let community: Community | null = null;
    let raced = false;
    // Another change commits between this command's read and its write.
    const racer = definePlugin({
      id: 'racer',
      setup({ hooks }) {
        hooks.before('return', async ({ request, officeId }) => {
          if (raced || !request || !community) return;
          raced = true;
          await community.as({ kind: 'system', officeId }).requests.note({ requestId: request.id, text: '同时写入的进展' });
        });
      },
    });
    const fx = await notifyOffice(undefined, { plugins: [racer()] });
    community = fx.community;
    const r = await fx.system.requests.submit(submission(fx));
    await rejection(fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' }), 'CONFLICT');
    expect((await outbox(fx, r.id)).filter((row) => row['event'] === 'request.return')).toEqual([]);
    // The retried command tells the dispatcher once, under the version it created.
    await fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' });
    const returned = (await outbox(fx, r.id)).filter((row) => row['event'] === 'request.return');
    expect(told(fx, returned)).toEqual(['request.return S001 dingtalk', 'request.return S002 email']);
    expect(returned.every((row) => (row['idempotencyKey'] as string).startsWith(`${r.id}:3:`))).toBe(true);
  });

  it('a retried submit with the same idempotency key writes its notifications once', async () => {
    const fx = await notifyOffice();
    const input = submission(fx, { idempotencyKey: 'ticket-1' });
    const first = await fx.system.requests.submit(input);
    const again = await fx.system.requests.submit(input);
    expect(again.id).toBe(first.id);
    expect(told(fx, await outbox(fx))).toEqual(['request.assign L001 dingtalk', 'request.assign L001 email']);
  });
});

/** Wraps an adapter and records the model of every operation, inside transactions too. */
function recording(inner: StorageAdapter): StorageAdapter & { models: string[] } {
  const models: string[] = [];
  const wrap = (ops: StorageOperations): StorageOperations => ({
    create: (a) => (models.push(a.model), ops.create(a)),
    findOne: (a) => (models.push(a.model), ops.findOne(a)),
    findMany: (a) => (models.push(a.model), ops.findMany(a)),
    count: (a) => (models.push(a.model), ops.count(a)),
    update: (a) => (models.push(a.model), ops.update(a)),
    delete: (a) => (models.push(a.model), ops.delete(a)),
    ...(ops.createMany ? { createMany: (a: Parameters<NonNullable<StorageOperations['createMany']>>[0]) => (models.push(a.model), ops.createMany!(a)) } : {}),
  });
  return { ...wrap(inner), id: inner.id, capabilities: inner.capabilities, init: (schema) => inner.init(schema), transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))), models };
}

describe('an office with nothing to tell', () => {
  it('without a config: a submit and a command read and write exactly what they did before notifications', async () => {
    const storage = recording(memoryStorage());
    const fx = await smallOffice({ storage });
    await fx.system.requests.submit(submission(fx));
    storage.models.length = 0;
    const r = await fx.system.requests.submit(submission(fx));
    // The office row, then the transaction: the request and its timeline entry.
    expect(storage.models).toEqual(['office', 'request', 'timeline_entry']);
    storage.models.length = 0;
    await fx.system.requests.assign({ requestId: r.id, assigneeId: fx.members.lead.id });
    expect(storage.models).not.toContain('outbox');
    expect(storage.models).not.toContain('office_config');
  });

  it('with a config but no notifications and no notifiers: no outbox row and no extra read', async () => {
    const storage = recording(memoryStorage());
    const fx = await notifyOffice(notifyConfig(null), { storage });
    await fx.system.requests.submit(submission(fx));
    storage.models.length = 0;
    const r = await fx.system.requests.submit(submission(fx));
    expect(storage.models).not.toContain('outbox');
    expect(storage.models.filter((m) => m === 'office_config' || m === 'member')).toEqual([]);
    storage.models.length = 0;
    await fx.as(r.assigneeId ?? '').requests.return({ requestId: r.id, reason: '不属于法律服务' });
    expect(storage.models).not.toContain('outbox');
    expect(await outbox(fx)).toEqual([]);
  });
});
