import { describe, expect, it } from 'vitest';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { RequestCommandName } from '../events/core-events.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter } from '../storage/types.js';
import { definePlugin, type Plugin } from './define-plugin.js';
import type { BeforeHook, HookTarget, TransactionHook } from './hooks.js';

type Reported = { error: unknown; event: string };

async function office(plugins: readonly Plugin[], storage: StorageAdapter = memoryStorage()) {
  const reported: Reported[] = [];
  let markReported!: () => void;
  /** Resolves once the first failure has been reported (async listener rejections arrive later). */
  const reportedOnce = new Promise<void>((resolve) => (markReported = resolve));
  const onListenerError = (error: unknown, event: string): void => {
    reported.push({ error, event });
    markReported();
  };
  const fx = await smallOffice({ plugins, storage, onListenerError });
  const head = fx.as(fx.members.stationHead.id);
  const lead = fx.as(fx.members.lead.id);
  return { ...fx, head, lead, reported, reportedOnce, storage };
}

const vetoing = (target: HookTarget, hook: BeforeHook) => definePlugin({ id: 'veto', setup: ({ hooks }) => hooks.before(target, hook) })();

/** A plugin storing one `audit_row` per command inside the command's transaction. */
function auditing(failWhen: (command: string) => boolean) {
  const hook: TransactionHook = async ({ tx, command, request, officeId }) => {
    await tx.create({ model: 'audit_row', data: { id: `audit-${request.id}-${request.version}`, officeId, requestId: request.id, command, seq: request.version } });
    if (failWhen(command)) throw new Error(`audit store refused ${command}`);
  };
  return definePlugin({
    id: 'audit',
    schema: {
      models: {
        audit_row: { fields: { id: { type: 'string' }, officeId: { type: 'string' }, requestId: { type: 'string' }, command: { type: 'string' }, seq: { type: 'number' } } },
      },
    },
    setup: ({ hooks }) => hooks.transaction('*', hook),
  })();
}

describe('before hooks', () => {
  it('veto with a KechuangError: the code is kept and nothing is written', async () => {
    const fx = await office([
      vetoing('assign', () => {
        throw new KechuangError('FORBIDDEN', 'Assignments are frozen during the audit.');
      }),
    ]);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const before = await fx.system.requests.get(submitted.id);
    const error = await rejection(fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id }), 'FORBIDDEN');
    expect(error.message).toBe('Assignments are frozen during the audit.');
    const after = await fx.system.requests.get(submitted.id);
    expect(after.request.version).toBe(before.request.version);
    expect(after.request.status).toBe('submitted');
    expect(after.timeline).toEqual(before.timeline);
  });

  it('veto with a plain Error becomes PLUGIN_ERROR naming the plugin, and nothing is written', async () => {
    const fx = await office([
      vetoing('assign', () => {
        throw new Error('quota exceeded');
      }),
    ]);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const error = await rejection(fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id }), 'PLUGIN_ERROR');
    expect(error.message).toContain("'veto'");
    expect(error.message).toContain('quota exceeded');
    expect(error.cause).toBeInstanceOf(Error);
    const after = await fx.system.requests.get(submitted.id);
    expect(after.request.version).toBe(1);
    expect(after.timeline.map((e) => e.type)).toEqual(['submitted']);
  });

  it('an async veto on submit leaves no request behind', async () => {
    const fx = await office([vetoing('submit', () => Promise.reject(new KechuangError('VALIDATION_FAILED', 'Category is closed.')))]);
    await rejection(fx.system.requests.submit(submitInput(fx)), 'VALIDATION_FAILED');
    expect((await fx.system.requests.list()).items).toEqual([]);
  });

  it('enriches the input: a tag added on submit is stored', async () => {
    const fx = await office([
      definePlugin({
        id: 'vip',
        setup: ({ hooks }) =>
          hooks.before('submit', ({ input }) => ({ input: { ...input, tags: [...(input['tags'] as string[]), 'vip'] } })),
      })(),
    ]);
    const request = await fx.system.requests.submit(submitInput(fx, { tags: ['专精特新'] }));
    expect(request.tags).toEqual(['专精特新', 'vip']);
    expect((await fx.system.requests.get(request.id)).request.tags).toEqual(['专精特新', 'vip']);
  });

  it('chains enrichments in plugin order and gives non-submit hooks the loaded request', async () => {
    const seen: { command: string; status: string | null }[] = [];
    const first = definePlugin({
      id: 'first',
      setup: ({ hooks }) =>
        hooks.before('note', ({ input, request, command }) => {
          seen.push({ command, status: request?.status ?? null });
          return { input: { ...input, text: `${String(input['text'])} [1]` } };
        }),
    })();
    const second = definePlugin({
      id: 'second',
      setup: ({ hooks }) => hooks.before('note', ({ input }) => ({ input: { ...input, text: `${String(input['text'])} [2]` } })),
    })();
    const fx = await office([first, second]);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    await fx.head.requests.note({ requestId: submitted.id, text: '已电话联系' });
    const { timeline } = await fx.system.requests.get(submitted.id);
    expect(timeline.at(-1)?.data['text']).toBe('已电话联系 [1] [2]');
    expect(seen).toEqual([{ command: 'note', status: 'submitted' }]);
  });
});

describe('transaction hooks', () => {
  it('a hook that writes its own row and then throws leaves neither the row nor the request change', async () => {
    const storage = memoryStorage();
    const fx = await office([auditing((c) => c === 'assign')], storage);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const before = await fx.system.requests.get(submitted.id);
    const error = await rejection(fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id }), 'PLUGIN_ERROR');
    expect(error.message).toContain('audit store refused assign');
    const after = await fx.system.requests.get(submitted.id);
    expect(after).toEqual(before);
    const rows = await storage.findMany({ model: 'audit_row', where: [] });
    expect(rows.map((r) => r['command'])).toEqual(['submit']);
  });

  it('a failing hook on submit rolls the new request back', async () => {
    const storage = memoryStorage();
    const fx = await office([auditing((c) => c === 'submit')], storage);
    await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_ERROR');
    expect((await fx.system.requests.list()).items).toEqual([]);
    expect(await storage.count({ model: 'audit_row' })).toBe(0);
    expect(await storage.count({ model: 'timeline_entry' })).toBe(0);
  });

  it('a successful hook commits its row together with the request change', async () => {
    const storage = memoryStorage();
    const fx = await office([auditing(() => false)], storage);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const assigned = await fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    expect(assigned.version).toBe(2);
    const rows = await storage.findMany({ model: 'audit_row', where: [], orderBy: [{ field: 'seq' }] });
    expect(rows.map((r) => [r['command'], r['seq'], r['requestId']])).toEqual([
      ['submit', 1, submitted.id],
      ['assign', 2, submitted.id],
    ]);
  });

  it('sees the request as it is about to be committed', async () => {
    const seen: { status: string; version: number; previous: number | null; entries: string[] }[] = [];
    const spy = definePlugin({
      id: 'spy',
      setup: ({ hooks }) =>
        hooks.transaction('assign', ({ request, previous, entries }) => {
          seen.push({ status: request.status, version: request.version, previous: previous?.version ?? null, entries: entries.map((e) => e.type) });
        }),
    })();
    const fx = await office([spy]);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    await fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    expect(seen).toEqual([{ status: 'assigned', version: 2, previous: 1, entries: ['assigned'] }]);
  });
});

describe('after hooks and listeners are isolated', () => {
  const failing = (mode: 'sync' | 'async') =>
    definePlugin({
      id: `after-${mode}`,
      setup: ({ hooks }) =>
        hooks.after('submit', () => {
          if (mode === 'sync') throw new Error('webhook down');
          return Promise.reject(new Error('webhook down'));
        }),
    })();

  it.each(['sync', 'async'] as const)('an %s failing after hook: the command resolves and the error is reported', async (mode) => {
    const fx = await office([failing(mode)]);
    const request = await fx.system.requests.submit(submitInput(fx));
    expect((await fx.system.requests.get(request.id)).request.id).toBe(request.id);
    expect(fx.reported).toHaveLength(1);
    const [{ error, event }] = fx.reported as [Reported];
    expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    expect((error as KechuangError).message).toContain('webhook down');
    expect((error as KechuangError).cause).toBeInstanceOf(Error);
    expect(event).toContain('submit');
  });

  it('a listener that throws does not fail the command and is reported with its event', async () => {
    const fx = await office([]);
    const boom = new Error('listener broke');
    fx.community.events.on('request.submit', () => {
      throw boom;
    });
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(request.status).toBe('submitted');
    expect(fx.reported).toEqual([{ error: boom, event: 'request.submit' }]);
  });

  it('a listener whose promise rejects is reported too', async () => {
    const fx = await office([]);
    const boom = new Error('async listener broke');
    fx.community.events.on('request.submit', async () => {
      await Promise.resolve();
      throw boom;
    });
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(request.status).toBe('submitted');
    await fx.reportedOnce;
    expect(fx.reported).toEqual([{ error: boom, event: 'request.submit' }]);
  });

  it('other listeners and after hooks still run after one fails', async () => {
    const ran: string[] = [];
    const fx = await office([
      definePlugin({ id: 'a', setup: ({ hooks }) => hooks.after('submit', () => void ran.push('after')) })(),
    ]);
    fx.community.events.on('request.submit', () => {
      throw new Error('first listener broke');
    });
    fx.community.events.on('request.submit', () => void ran.push('listener'));
    await fx.system.requests.submit(submitInput(fx));
    expect(ran.sort()).toEqual(['after', 'listener']);
  });
});

describe('hook targets', () => {
  function recorder(log: string[]) {
    return definePlugin({
      id: 'recorder',
      setup({ hooks }) {
        hooks.before('accept', ({ command }) => void log.push(`before:accept:${command}`));
        hooks.transaction('accept', ({ command }) => void log.push(`tx:accept:${command}`));
        hooks.after('accept', ({ command }) => void log.push(`after:accept:${command}`));
        hooks.before('*', ({ command }) => void log.push(`before:*:${command}`));
        hooks.after('*', ({ command }) => void log.push(`after:*:${command}`));
      },
    })();
  }

  it("hooks aimed at one command run only for it; '*' runs for every command", async () => {
    const log: string[] = [];
    const fx = await office([recorder(log)]);
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const assigned = await fx.head.requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    await fx.lead.requests.accept({ requestId: submitted.id, version: assigned.version });
    expect(log).toEqual([
      'before:*:submit',
      'after:*:submit',
      'before:*:assign',
      'after:*:assign',
      'before:accept:accept',
      'before:*:accept',
      'tx:accept:accept',
      'after:accept:accept',
      'after:*:accept',
    ]);
  });
});
