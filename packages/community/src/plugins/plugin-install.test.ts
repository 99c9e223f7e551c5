import { describe, expect, it } from 'vitest';
import { createCommunity } from '../community.js';
import { thrown } from '../__fixtures__/expect-error.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { definePlugin, type Plugin } from './define-plugin.js';
import type { PluginSetupContext } from './plugin-context.js';

type Setup = (ctx: PluginSetupContext<undefined, Record<string, unknown>>) => void;

/** A plugin that records when its setup ran, with the given dependencies. */
function plugin(id: string, log: string[], dependencies: string[] = [], setup: Setup = () => undefined): Plugin {
  return definePlugin({
    id,
    version: '1.2.3',
    dependencies,
    setup(ctx) {
      log.push(id);
      setup(ctx);
    },
  })();
}

const install = (plugins: readonly Plugin[]) => createCommunity({ storage: memoryStorage(), plugins });

const problemsOf = (plugins: readonly Plugin[]): string[] => thrown(() => install(plugins), 'PLUGIN_ERROR').details['problems'] as string[];

describe('plugin order', () => {
  it('sets up dependencies first and otherwise keeps the listed order', () => {
    const log: string[] = [];
    const community = install([plugin('reports', log, ['audit', 'dedupe']), plugin('dedupe', log), plugin('audit', log, ['dedupe']), plugin('extra', log)]);
    expect(log).toEqual(['dedupe', 'audit', 'reports', 'extra']);
    expect(community.plugins).toEqual([
      { id: 'dedupe', version: '1.2.3' },
      { id: 'audit', version: '1.2.3' },
      { id: 'reports', version: '1.2.3' },
      { id: 'extra', version: '1.2.3' },
    ]);
  });

  it('runs the hooks of a dependency before those of the plugin that needs it', async () => {
    const log: string[] = [];
    const calls: string[] = [];
    const tagging = (id: string, dependencies: string[] = []) =>
      plugin(id, log, dependencies, ({ hooks }) => hooks.before('submit', () => void calls.push(id)));
    const community = install([tagging('second', ['first']), tagging('first')]);
    const office = await community.offices.create({ code: 'order', name: '顺序街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'policy', title: '咨询政策' });
    expect(calls).toEqual(['first', 'second']);
  });

  it('refuses a missing dependency, naming both plugins and what to do', () => {
    const problems = problemsOf([plugin('reports', [], ['audit-chain'])]);
    expect(problems).toEqual([expect.stringContaining("plugin 'reports' depends on 'audit-chain', which is not installed; add it to plugins")]);
  });

  it('refuses a cycle and shows it', () => {
    const problems = problemsOf([plugin('a', [], ['b']), plugin('b', [], ['c']), plugin('c', [], ['a'])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('a → b → c → a');
  });

  it('refuses a plugin that depends on itself', () => {
    expect(problemsOf([plugin('selfish', [], ['selfish'])])[0]).toContain('selfish → selfish');
  });

  it('runs no setup when the plugins cannot be ordered', () => {
    const log: string[] = [];
    problemsOf([plugin('a', log, ['b']), plugin('b', log, ['a'])]);
    expect(log).toEqual([]);
  });

  it('refuses an id the core uses as an event namespace', () => {
    expect(problemsOf([plugin('request', [])])[0]).toContain("plugin id 'request' is reserved");
  });

  it('refuses an id that is not lower-case words joined by dashes', () => {
    expect(problemsOf([plugin('Audit_Chain', [])])[0]).toContain("plugin id 'Audit_Chain' must be lower-case");
  });
});

describe('plugin names', () => {
  const registering = (id: string, register: Setup) => plugin(id, [], [], register);
  const operator = (name: string) => ({ name, test: () => true });

  it('refuses names outside the plugin namespace, for every kind of addition', () => {
    const problems = problemsOf([
      registering('geo', (ctx) => {
        ctx.routing.operator(operator('within'));
        ctx.routing.action({ name: 'tag', apply: () => ({}) });
        ctx.routing.strategy({ name: 'closest', choose: () => null });
        ctx.workflow.transition({ name: 'survey', from: ['accepted'], to: 'in_progress', roles: ['assignee'] });
        ctx.metrics.measure({ name: 'far', label: { 'zh-CN': '远', en: 'far' }, field: 'createdAt' });
      }),
    ]);
    expect(problems).toEqual([
      "plugin 'geo' must name its routing operator 'within' as 'geo.<name>'",
      "plugin 'geo' must name its routing action 'tag' as 'geo.<name>'",
      "plugin 'geo' must name its assignment strategy 'closest' as 'geo.<name>'",
      "plugin 'geo' must name its workflow transition 'survey' as 'geo.<name>'",
      "plugin 'geo' must name its metrics measure 'far' as 'geo.<name>'",
    ]);
  });

  it('refuses a name claimed in another plugin namespace, naming the rightful owner', () => {
    const problems = problemsOf([registering('geo', () => undefined), registering('intruder', (ctx) => ctx.routing.operator(operator('geo.within')))]);
    expect(problems).toEqual(["plugin 'intruder' must name its routing operator 'geo.within' as 'intruder.<name>'"]);
  });

  it('refuses a name a plugin adds twice', () => {
    const problems = problemsOf([
      registering('geo', (ctx) => {
        ctx.routing.operator(operator('geo.within'));
        ctx.routing.operator(operator('geo.within'));
        ctx.timers.handle('tick', () => undefined);
        ctx.timers.handle('tick', () => undefined);
      }),
    ]);
    expect(problems).toEqual(["plugin 'geo' adds the routing operator 'geo.within' twice", "plugin 'geo' adds the timer 'geo.tick' twice"]);
  });

  it('refuses two plugins adding the same HTTP route', () => {
    const route = { method: 'GET' as const, path: '/status', summary: 'Status', handler: () => new Response('ok') };
    const problems = problemsOf([
      registering('geo', (ctx) => {
        ctx.http.route(route);
        ctx.http.route(route);
      }),
    ]);
    expect(problems).toEqual(["plugin 'geo' adds the HTTP route 'GET /status' twice"]);
  });

  it('refuses events, models and fields outside the namespace', () => {
    const sloppy = definePlugin({
      id: 'audit-chain',
      events: { 'chain.sealed': (undefined as never) },
      schema: {
        models: { entries: { fields: { id: { type: 'string' } } } },
        fields: { request: { head: { type: 'string', nullable: true } } },
      },
      setup: () => undefined,
    })();
    expect(problemsOf([sloppy])).toEqual([
      "plugin 'audit-chain' must name its model 'entries' as 'audit_chain_<name>'",
      "plugin 'audit-chain' must name its field of 'request' 'head' as 'auditChain<name>'",
      "plugin 'audit-chain' must name its event 'chain.sealed' as 'audit-chain.<name>'",
    ]);
  });

  it('refuses a required added field, a field the core has, and a model the core does not have', () => {
    const bad = definePlugin({
      id: 'geo',
      schema: {
        fields: {
          request: { geoPoint: { type: 'json', nullable: false as true }, title: { type: 'string', nullable: true } },
          nowhere: { geoX: { type: 'number', nullable: true } },
        } as never,
      },
      setup: () => undefined,
    })();
    expect(problemsOf([bad])).toEqual([
      "plugin 'geo' adds field 'request.geoPoint' as required; make it nullable, since existing rows have no value",
      "plugin 'geo' adds field 'request.title', which already exists in the core",
      "plugin 'geo' adds fields to 'nowhere'; plugins may add fields to request, enterprise, visit, member, park, community, team",
    ]);
  });

  it('reports a setup that throws as a problem naming the plugin', () => {
    const problems = problemsOf([
      registering('flaky', () => {
        throw new Error('cannot reach the licence server');
      }),
    ]);
    expect(problems).toEqual(["plugin 'flaky' failed in setup: cannot reach the licence server"]);
  });
});

describe('plugin error codes', () => {
  it('throws a declared code namespaced by the plugin, with its HTTP status', () => {
    let error: unknown;
    const strict = definePlugin({
      id: 'strict',
      errors: { TOO_MANY: { status: 429, description: 'The enterprise asked too often.' } },
      setup(ctx) {
        error = ctx.error('TOO_MANY', 'Refused: the same request was filed 3 times this week.', { count: 3 });
      },
    });
    install([strict()]);
    expect(error).toMatchObject({ code: 'strict:TOO_MANY', message: 'Refused: the same request was filed 3 times this week.', details: { plugin: 'strict', status: 429, count: 3 } });
  });

  it('refuses codes that are not UPPER_SNAKE or have no error status', () => {
    const sloppy = definePlugin({ id: 'sloppy', errors: { tooMany: { status: 429, description: '' }, GONE: { status: 200, description: '' } }, setup: () => undefined });
    expect(problemsOf([sloppy()])).toEqual([
      "plugin 'sloppy' error code 'tooMany' must be UPPER_SNAKE",
      "plugin 'sloppy' error code 'GONE' needs an HTTP status from 400 to 599",
    ]);
  });
});

describe('teardown', () => {
  it('runs teardowns in reverse setup order when the host closes the community', async () => {
    const log: string[] = [];
    const closing = (id: string, dependencies: string[] = []) => plugin(id, [], dependencies, (ctx) => ctx.teardown(() => void log.push(id)));
    const community = install([closing('reports', ['audit']), closing('audit')]);
    await community.close();
    expect(log).toEqual(['reports', 'audit']);
  });

  it('reports a failing teardown and still runs the others', async () => {
    const log: string[] = [];
    const reported: string[] = [];
    const community = createCommunity({
      storage: memoryStorage(),
      onListenerError: (_error, where) => void reported.push(where),
      plugins: [
        plugin('first', [], [], (ctx) => ctx.teardown(() => void log.push('first'))),
        plugin('broken', [], [], (ctx) =>
          ctx.teardown(() => {
            throw new Error('socket already closed');
          }),
        ),
      ],
    });
    await community.close();
    expect(log).toEqual(['first']);
    expect(reported).toEqual(['broken:teardown']);
  });
});

describe('pluginHookTimeoutMs', () => {
  it('refuses a timeout that is not a positive whole number', () => {
    const error = thrown(() => createCommunity({ storage: memoryStorage(), pluginHookTimeoutMs: 0 }), 'VALIDATION_FAILED');
    expect(error.message).toContain('pluginHookTimeoutMs');
  });
});
