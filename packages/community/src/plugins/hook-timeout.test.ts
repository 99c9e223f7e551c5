import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/kechuang-error.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { definePlugin } from './define-plugin.js';
import type { HookTarget } from './hooks.js';

const never = () => new Promise<never>(() => undefined);

/** Resolves once `release` is called: a hook that hangs until the test lets it go. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

const hanging = (stage: 'before' | 'transaction' | 'after', target: HookTarget = 'submit') =>
  definePlugin({ id: 'slow', setup: ({ hooks }) => hooks[stage](target, never) })();

async function office(stage: 'before' | 'transaction' | 'after', target?: HookTarget) {
  const reported: unknown[] = [];
  const fx = await smallOffice({ plugins: [hanging(stage, target)], pluginHookTimeoutMs: 40, onListenerError: (error) => void reported.push(error) });
  return { ...fx, reported };
}

describe('a hook that hangs is cut off', () => {
  it('in a before hook: the submission fails with PLUGIN_TIMEOUT naming the plugin, and nothing is stored', async () => {
    const fx = await office('before');
    const error = await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_TIMEOUT');
    expect(error.message).toContain("Plugin 'slow'");
    expect(error.message).toContain('40 ms');
    expect(error.details).toMatchObject({ plugin: 'slow', stage: 'before', command: 'submit', timeoutMs: 40 });
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });

  it('in a transaction hook: the command rolls back, and the office keeps working', async () => {
    const fx = await office('transaction', 'accept');
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const assigned = await fx.as(fx.members.stationHead.id).requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    await rejection(fx.as(fx.members.lead.id).requests.accept({ requestId: submitted.id, version: assigned.version }), 'PLUGIN_TIMEOUT');
    const after = await fx.system.requests.get(submitted.id);
    expect(after.request.version).toBe(assigned.version);
    expect(after.request.status).toBe('assigned');
    // The rolled-back transaction let go of the storage: other commands go through.
    const note = await fx.system.requests.note({ requestId: submitted.id, text: '已电话联系企业' });
    expect(note.version).toBe(assigned.version + 1);
  });

  it('in an after hook: the committed command stands and the timeout is reported', async () => {
    const fx = await office('after');
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(request.status).toBeDefined();
    expect(fx.reported).toHaveLength(1);
    expect(isKechuangError(fx.reported[0], 'PLUGIN_TIMEOUT')).toBe(true);
  });

  it('a write a cut-off transaction hook makes later never lands', async () => {
    const late = gate();
    const wrote = gate();
    const sneaky = definePlugin({
      id: 'sneaky',
      schema: { models: { sneaky_row: { fields: { id: { type: 'string' }, officeId: { type: 'string' } } } } },
      setup: ({ hooks }) =>
        hooks.transaction('submit', async ({ tx, officeId }) => {
          await late.opened;
          try {
            await tx.create({ model: 'sneaky_row', data: { id: 'late', officeId } });
          } finally {
            wrote.release();
          }
        }),
    });
    const storage = memoryStorage();
    const fx = await smallOffice({ plugins: [sneaky()], storage, pluginHookTimeoutMs: 40 });
    await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_TIMEOUT');
    late.release();
    await wrote.opened;
    expect(await storage.findMany({ model: 'sneaky_row', where: [] })).toEqual([]);
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });
});
