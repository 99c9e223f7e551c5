import { describe, expect, expectTypeOf, it } from 'vitest';
import { ESCALATION_TIMES, escalatingConfig } from '../__fixtures__/escalating-office.js';
import { smallOffice, submission } from '../__fixtures__/small-office.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { definePlugin, type Plugin } from '../plugins/define-plugin.js';
import type { AfterHook, CommittedChange, EscalateInput, EscalationChange, EscalationTransactionContext, HookTarget, TransactionHook, TransactionHookContext } from '../plugins/hooks.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { createWorker } from '../worker/create-worker.js';

const seenModel = { fields: { id: { type: 'string' }, officeId: { type: 'string' }, level: { type: 'number' } } } as const;

/** A plugin keeping a row per escalation (in the firing's transaction) and noting what its hooks saw. */
function watching(options: { fail?: () => 'throw' | 'hang' | null } = {}) {
  const seen: { stage: string; command: string; input?: EscalateInput; actor?: string; version?: number; previousVersion?: number }[] = [];
  const plugin = definePlugin({
    id: 'watch',
    schema: { models: { watch_seen: seenModel } },
    setup({ hooks }) {
      hooks.transaction('escalate', async ({ tx, officeId, request, previous, input, actor, entries }) => {
        const failure = options.fail?.() ?? null;
        if (failure === 'throw') throw new Error('the ledger service is down');
        if (failure === 'hang') await new Promise<never>(() => undefined);
        expect(entries.map((e) => e.type)).toEqual(['escalated']);
        seen.push({ stage: 'transaction', command: 'escalate', input, actor: actor.kind, version: request.version, previousVersion: previous.version });
        await tx.create({ model: 'watch_seen', data: { id: `${request.id}:${input.level}`, officeId, level: input.level } });
      });
      hooks.transaction('*', ({ command }) => void seen.push({ stage: 'transaction *', command }));
      hooks.after('escalate', ({ command, input, request }) => void seen.push({ stage: 'after', command, input, version: request.version }));
    },
  });
  return { plugin: plugin(), seen };
}

async function escalatingOffice(plugins: readonly Plugin[], extra: { pluginHookTimeoutMs?: number; onListenerError?: (error: unknown) => void } = {}) {
  const fx = await smallOffice({ plugins, ...extra });
  await fx.system.config.update(escalatingConfig());
  fx.clock.set(ESCALATION_TIMES.submit);
  const request = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
  const runtime = runtimeOf(fx.community);
  const worker = createWorker(fx.community);
  const escalationTimer = async (level: number): Promise<TimerRecord> => {
    const rows = await runtime.storage.findMany({ model: 'timer', where: [{ field: 'requestId', value: request.id }, { field: 'kind', value: 'sla.escalation' }] });
    const timer = (rows as unknown as TimerRecord[]).find((t) => t.payload['level'] === level);
    if (!timer) throw new Error(`no escalation timer of level ${level}`);
    return timer;
  };
  return { ...fx, request, runtime, worker, escalationTimer };
}

describe('an escalation fired by the worker runs the plugins’ hooks', () => {
  it('as the command `escalate` by the system: transaction hooks (by name and `*`) inside the firing, after hooks once it committed', async () => {
    const { plugin, seen } = watching();
    const fx = await escalatingOffice([plugin]);
    seen.length = 0;
    const events: string[] = [];
    fx.community.events.on('request.escalate', ({ command, request }) => void events.push(`${command}:${request.escalationLevel}`));
    fx.clock.set(ESCALATION_TIMES.firstStep);
    await fx.worker.runOnce();
    const input = { requestId: fx.request.id, level: 1, notify: ['station_head'], policy: 'assistance', timerKey: (await fx.escalationTimer(1)).key };
    expect(seen).toEqual([
      { stage: 'transaction', command: 'escalate', input, actor: 'system', version: fx.request.version + 1, previousVersion: fx.request.version },
      { stage: 'transaction *', command: 'escalate' },
      { stage: 'after', command: 'escalate', input, version: fx.request.version + 1 },
    ]);
    expect(events).toEqual(['escalate:1']);
    expect(await fx.runtime.storage.findMany({ model: 'watch_seen', where: [] })).toEqual([{ id: `${fx.request.id}:1`, officeId: fx.office.id, level: 1 }]);

    fx.clock.set(ESCALATION_TIMES.secondStep);
    await fx.worker.runOnce();
    expect(seen.filter((s) => s.stage === 'after').map((s) => s.input?.level)).toEqual([1, 2]);
    expect(await fx.runtime.storage.count({ model: 'watch_seen', where: [] })).toBe(2);
  });

  for (const failure of ['throw', 'hang'] as const) {
    it(`a transaction hook that ${failure === 'throw' ? 'throws' : 'hangs'} fails the firing with nothing written; the worker retries it`, async () => {
      let failing = true;
      const { plugin, seen } = watching({ fail: () => (failing ? failure : null) });
      const fx = await escalatingOffice([plugin], { pluginHookTimeoutMs: 40 });
      const errors: unknown[] = [];
      fx.worker.on('error', (error) => void errors.push(error));
      fx.clock.set(ESCALATION_TIMES.firstStep);
      await fx.worker.runOnce();

      expect(errors).toHaveLength(1);
      expect(isKechuangError(errors[0], failure === 'throw' ? 'PLUGIN_ERROR' : 'PLUGIN_TIMEOUT')).toBe(true);
      const untouched = await fx.system.requests.get(fx.request.id);
      expect(untouched.request).toMatchObject({ version: fx.request.version, escalationLevel: 0 });
      expect(untouched.request.watchers).not.toContain(fx.members.stationHead.id);
      expect(untouched.timeline.filter((e) => e.type === 'escalated')).toEqual([]);
      expect(await fx.runtime.storage.count({ model: 'watch_seen', where: [] })).toBe(0);
      const pending = await fx.escalationTimer(1);
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending.lastError).toContain("Plugin 'watch'");
      expect(seen.filter((s) => s.stage === 'after')).toEqual([]);

      failing = false;
      fx.clock.set(new Date(ESCALATION_TIMES.firstStep.getTime() + 60_000));
      await fx.worker.runOnce();
      expect((await fx.system.requests.get(fx.request.id)).request).toMatchObject({ version: fx.request.version + 1, escalationLevel: 1 });
      expect(await fx.escalationTimer(1)).toMatchObject({ status: 'fired' });
      expect(await fx.runtime.storage.count({ model: 'watch_seen', where: [] })).toBe(1);
      expect(seen.filter((s) => s.stage === 'after').map((s) => s.input?.level)).toEqual([1]);
    });
  }

  it('an after hook that fails is reported; the escalation stands', async () => {
    const reported: unknown[] = [];
    const flaky = definePlugin({ id: 'flaky', setup: ({ hooks }) => hooks.after('escalate', () => Promise.reject(new Error('chat webhook refused'))) });
    const fx = await escalatingOffice([flaky()], { onListenerError: (error) => void reported.push(error) });
    fx.clock.set(ESCALATION_TIMES.firstStep);
    await fx.worker.runOnce();
    expect((await fx.system.requests.get(fx.request.id)).request.escalationLevel).toBe(1);
    expect(await fx.escalationTimer(1)).toMatchObject({ status: 'fired' });
    expect(reported).toHaveLength(1);
    expect(isKechuangError(reported[0], 'PLUGIN_ERROR')).toBe(true);
  });

  it('a before hook on `escalate` is refused when the community is created, saying where to hook instead', async () => {
    const veto = definePlugin({
      id: 'veto',
      // @ts-expect-error escalations run no before hooks
      setup: ({ hooks }) => hooks.before('escalate', () => undefined),
    });
    await expect(smallOffice({ plugins: [veto()] })).rejects.toThrow(/plugin 'veto' hooks before 'escalate'.*Hook its 'transaction' stage/);
  });

  it('the types: `escalate` is a hook target whose hooks are told what the timer carried', () => {
    expectTypeOf<'escalate'>().toExtend<HookTarget>();
    expectTypeOf<'escalate'>().toExtend<CommittedChange['command']>();
    expectTypeOf<Parameters<TransactionHook<'escalate'>>[0]>().toEqualTypeOf<EscalationTransactionContext>();
    expectTypeOf<Parameters<AfterHook<'escalate'>>[0]>().toEqualTypeOf<EscalationChange>();
    expectTypeOf<EscalationTransactionContext['input']>().toEqualTypeOf<Readonly<EscalateInput>>();
    expectTypeOf<EscalationChange['previous']>().not.toBeNullable();
    // `'*'` is told every command, `escalate` among them, with the untyped input of any command.
    expectTypeOf<Parameters<TransactionHook<'*'>>[0]>().toEqualTypeOf<TransactionHookContext>();
    definePlugin({
      id: 'typed',
      setup({ hooks }) {
        hooks.transaction('escalate', (ctx) => {
          expectTypeOf(ctx).toEqualTypeOf<EscalationTransactionContext>();
          expectTypeOf(ctx.input.level).toEqualTypeOf<number>();
        });
        hooks.after('escalate', (ctx) => void expectTypeOf(ctx.input.notify).toEqualTypeOf<string[]>());
        hooks.transaction('*', (ctx) => void expectTypeOf(ctx.command).toExtend<HookTarget>());
      },
    });
  });
});
