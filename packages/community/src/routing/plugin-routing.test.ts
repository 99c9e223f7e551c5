import { describe, expect, it } from 'vitest';
import { rejection, thrown } from '../__fixtures__/expect-error.js';
import { routingConfig } from '../__fixtures__/routing-config.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import type { OfficeConfigInput } from '../config/config-schema.js';
import type { Member } from '../model/member.js';
import { definePlugin, type Plugin } from '../plugins/define-plugin.js';
import { config as factsConfig, facts } from './__fixtures__/routing-facts.js';
import { compileRouting } from './compile-routing.js';
import type { PluginActionEffect } from './plugin-routing.js';
import type { RoutingSnapshot } from './types.js';

type Rules = NonNullable<OfficeConfigInput['routing']['rules']>;

/** Flags requests of enterprises in the given industries: a tag, urgent, and the office staff member watching. */
const vip = definePlugin({
  id: 'vip',
  setup({ routing }) {
    routing.action({
      name: 'vip.flag',
      validate(argument) {
        const arg = argument as { tag?: unknown; industries?: unknown } | null;
        if (typeof arg?.tag !== 'string' || !Array.isArray(arg.industries) || arg.industries.length === 0) return 'give { tag, industries: [...] }, e.g. { tag: 重点企业, industries: [数字经济] }';
        return null;
      },
      apply(argument, f): PluginActionEffect | null {
        const { tag, industries } = argument as { tag: string; industries: string[] };
        return f.enterprise?.industry && industries.includes(f.enterprise.industry) ? { tags: [tag, '园区长上报'], priority: 'urgent', watchers: ['S003'] } : null;
      },
    });
  },
});

/** A plugin whose one action does whatever the test needs. */
const acting = (apply: () => unknown) =>
  definePlugin({ id: 'odd', setup: ({ routing }) => routing.action({ name: 'odd.act', apply: apply as () => PluginActionEffect }) })();

/** Picks the member who joined the station first; none with a known date: null. */
const seniority = definePlugin({
  id: 'seniority',
  setup({ routing }) {
    const joined = new Map([
      ['L001', '2021-09-01'],
      ['L002', '2016-03-01'],
      ['L003', '2019-05-01'],
    ]);
    routing.strategy({
      name: 'seniority.most_senior',
      choose(candidates) {
        let best: { member: Member; since: string } | null = null;
        for (const member of candidates) {
          const since = joined.get(member.code);
          if (since !== undefined && (best === null || since < best.since)) best = { member, since };
        }
        return best?.member ?? null;
      },
    });
  },
});

/** A strategy that does what the test needs, and records what it was given. */
function probing(choose: (candidates: readonly Member[], snapshot: RoutingSnapshot) => unknown, needs?: { openCounts?: boolean; lastAssigned?: boolean }) {
  const seen: { candidates: readonly Member[]; snapshot: RoutingSnapshot }[] = [];
  const plugin = definePlugin({
    id: 'probe',
    setup: ({ routing }) =>
      routing.strategy({
        name: 'probe.pick',
        ...(needs ? { needs } : {}),
        choose: (candidates, snapshot) => {
          seen.push({ candidates, snapshot });
          return choose(candidates, snapshot) as Member | null;
        },
      }),
  })();
  return { plugin, seen };
}

function withRules(rules: Rules): OfficeConfigInput {
  const config = routingConfig();
  config.routing.rules = rules;
  return config;
}

const flagged: Rules = [
  { id: 'captain_reports', when: { channel: 'captain_report' }, then: { tags: ['园区长上报'] }, continue: true },
  { id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' }, plugins: { 'vip.flag': { tag: '重点企业', industries: ['数字经济'] } } } },
];

async function office(plugins: readonly Plugin[], config?: OfficeConfigInput) {
  const fx = await smallOffice({ plugins });
  if (config) await fx.system.config.update(config);
  return fx;
}

describe('plugin routing actions', () => {
  it('add a tag, raise the priority and add a watcher through submit, recorded on the routed entry', async () => {
    const fx = await office([vip()], withRules(flagged));
    const r = await fx.system.requests.submit(submitInput(fx));
    expect(r.priority).toBe('urgent');
    expect(r.tags).toEqual(['重点企业', '园区长上报']);
    expect(r.watchers).toEqual([fx.members.officeStaff.id]);
    expect(r.routing).toMatchObject({ ruleId: 'legal_debts', source: 'rule' });
    const { timeline } = await fx.system.requests.get(r.id);
    const routed = timeline.find((e) => e.type === 'routed');
    expect(routed?.data['pluginActions']).toEqual([{ ruleId: 'legal_debts', name: 'vip.flag', effect: { tags: ['重点企业', '园区长上报'], priority: 'urgent', watchers: ['S003'] } }]);
    // Another industry: the action adds nothing.
    const other = await fx.system.requests.submit(submitInput(fx, { enterpriseId: fx.ent2.id }));
    expect(other).toMatchObject({ priority: 'normal', tags: [], watchers: [] });
  });

  it("merge after the rule's own actions like a later rule: tags without repeats, later priority wins, first SLA wins", () => {
    const action = { name: 'x.set', apply: (): PluginActionEffect => ({ tags: ['热线', '新'], priority: 'normal', sla: 'assistance', watchers: [{ captain: true }, 'MC-S001'] }) };
    const routing = compileRouting(
      factsConfig({
        rules: [
          { id: 'first', when: { channel: 'phone' }, then: { priority: 'urgent', sla: 'urgent', tags: ['热线'], watchers: ['MC-S001'], plugins: { 'x.set': null } }, continue: true },
          { id: 'second', when: { channel: 'phone' }, then: { priority: 'urgent' } },
        ],
        fallback: { assign: { role: 'station_head' } },
      }),
      { actions: [action] },
    );
    const outcome = routing.evaluate(facts());
    expect(outcome).toMatchObject({ priority: 'urgent', sla: 'urgent', tags: ['热线', '新'], watchers: ['MC-S001', { captain: true }], matchedRuleIds: ['first', 'second'] });
    expect(outcome.pluginActions.map((run) => [run.ruleId, run.name])).toEqual([['first', 'x.set']]);
  });

  it('show in explain, and explaining writes nothing', async () => {
    const fx = await office([vip()], withRules(flagged));
    const why = await fx.as(fx.members.stationHead.id).routing.explain(submitInput(fx));
    expect(why.outcome.pluginActions).toEqual([{ ruleId: 'legal_debts', name: 'vip.flag', effect: expect.objectContaining({ priority: 'urgent' }) }]);
    expect(why.outcome).toMatchObject({ priority: 'urgent', tags: ['重点企业', '园区长上报'] });
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });

  it('that throw fail the submit with PLUGIN_ERROR naming the action and the rule, and nothing is written', async () => {
    const fx = await office(
      [acting(() => { throw new Error('the duplicate index is offline'); })],
      withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' }, plugins: { 'odd.act': {} } } }]),
    );
    const error = await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_ERROR');
    expect(error.message).toContain("Routing action 'odd.act' of plugin 'odd' failed in rule 'legal_debts': the duplicate index is offline");
    expect(error.details).toMatchObject({ plugin: 'odd', action: 'odd.act', ruleId: 'legal_debts' });
    expect(error.cause).toBeInstanceOf(Error);
    expect((await fx.system.requests.list({})).items).toEqual([]);
    // Other requests, whose rules do not run it, still route.
    expect((await fx.system.requests.submit(submitInput(fx, { category: 'policy' }))).status).toBe('assigned');
  });

  it.each([
    ['a promise', () => Promise.resolve({ tags: ['x'] }), 'synchronously'],
    ['an undeclared SLA policy', () => ({ sla: 'urgent' }), 'SLA policy "urgent" is not one the office\'s config declares (declared: assistance)'],
    ['a key it cannot set', () => ({ assign: { member: 'S001' } }), '"assign", which an action cannot set'],
    ['a bad priority', () => ({ priority: 'high' }), 'priority must be one of normal, urgent'],
    ['an empty tag', () => ({ tags: [''] }), 'tags must be a list'],
  ])('that return %s fail with PLUGIN_ERROR, and nothing is written', async (_what, apply, message) => {
    const fx = await office([acting(apply)], withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { plugins: { 'odd.act': 1 } } }]));
    const error = await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_ERROR');
    expect(error.message).toContain(message);
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });

  it('get a frozen copy of their argument', () => {
    let seen: unknown;
    const routing = compileRouting(factsConfig({ rules: [{ id: 'a', when: { channel: 'phone' }, then: { plugins: { 'x.see': { list: [1] } } } }], fallback: { assign: { role: 'station_head' } } }), {
      actions: [{ name: 'x.see', apply: (argument) => ((seen = argument), null) }],
    });
    routing.evaluate(facts());
    expect(seen).toEqual({ list: [1] });
    expect(Object.isFrozen(seen) && Object.isFrozen((seen as { list: unknown }).list)).toBe(true);
  });
});

describe('plugin assignment strategies', () => {
  const bySeniority = withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'seniority.most_senior' } } }]);

  it('pick the most senior available member through submit, and the reason names the strategy', async () => {
    const fx = await office([seniority()], bySeniority);
    await fx.system.members.create({ code: 'L003', name: '朱律师', roles: [{ role: 'provider', teamId: fx.legal.id }] });
    const first = await fx.system.requests.submit(submitInput(fx));
    const second = await fx.system.requests.submit(submitInput(fx));
    expect([first.assigneeId, second.assigneeId]).toEqual([fx.members.assisting.id, fx.members.assisting.id]);
    expect(first.assigneeTeamId).toBe(fx.legal.id);
    expect(first.routing?.reason).toBe('rule legal_debts: team LEGAL, strategy seniority.most_senior → L002');
    await fx.system.members.update({ id: fx.members.assisting.id, status: 'away' });
    const third = await fx.system.requests.submit(submitInput(fx));
    expect(third.assigneeId).not.toBe(fx.members.assisting.id);
    expect(third.routing?.reason).toContain('→ L003');
  });

  it('fall through to the next target when they choose no one', async () => {
    const { plugin } = probing(() => null);
    const fx = await office([plugin], withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'probe.pick' } } }]));
    const r = await fx.system.requests.submit(submitInput(fx));
    expect(r.assigneeId).toBe(fx.members.stationHead.id);
    expect(r.routing?.source).toBe('fallback');
    expect(r.routing?.reason).toContain('rule legal_debts: team LEGAL, strategy probe.pick chose no one');
  });

  it('get the open counts and last assignments they need, and only those', async () => {
    const rules: Rules = [{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'probe.pick' } } }];
    const needy = probing((candidates) => candidates[0] ?? null, { openCounts: true, lastAssigned: true });
    const fx = await office([needy.plugin], withRules(rules));
    await fx.system.requests.submit(submitInput(fx));
    await fx.system.requests.submit(submitInput(fx));
    const last = needy.seen[1]!;
    expect(last.candidates.map((m) => m.code).sort()).toEqual(['L001', 'L002']);
    expect(Object.fromEntries(last.snapshot.openCounts)).toEqual({ [fx.members.lead.id]: 1, [fx.members.assisting.id]: 0 });
    expect(last.snapshot.lastAssignedAt.get(fx.members.lead.id)).toBeInstanceOf(Date);
    expect(last.snapshot.lastAssignedAt.get(fx.members.assisting.id)).toBeNull();

    const frugal = probing((candidates) => candidates[0] ?? null);
    const other = await office([frugal.plugin], withRules(rules));
    await other.system.requests.submit(submitInput(other));
    expect(frugal.seen[0]?.snapshot.openCounts.size).toBe(0);
    expect(frugal.seen[0]?.snapshot.lastAssignedAt.size).toBe(0);
  });

  it('that return someone not among the candidates fail with PLUGIN_ERROR, and nothing is written', async () => {
    const { plugin } = probing((_candidates, snapshot) => snapshot.members.find((m) => m.code === 'S001'));
    const fx = await office([plugin], withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'probe.pick' } } }]));
    const error = await rejection(fx.system.requests.submit(submitInput(fx)), 'PLUGIN_ERROR');
    expect(error.message).toContain(`Assignment strategy 'probe.pick' of plugin 'probe' failed for rule 'legal_debts': it returned member '${fx.members.stationHead.id}', which is not one of the 2 available candidates`);
    expect(error.details).toMatchObject({ plugin: 'probe', strategy: 'probe.pick', ruleId: 'legal_debts' });
    expect((await fx.system.requests.list({})).items).toEqual([]);
  });

  it('that throw fail with PLUGIN_ERROR naming the strategy, also in the fallback', async () => {
    const { plugin } = probing(() => {
      throw new Error('skills service unreachable');
    });
    const config = routingConfig();
    config.routing.fallback = { assign: { team: 'LEGAL', strategy: 'probe.pick' } };
    const fx = await office([plugin], config);
    const error = await rejection(fx.system.requests.submit(submitInput(fx, { category: 'other', title: '咨询', description: '' })), 'PLUGIN_ERROR');
    expect(error.message).toContain("Assignment strategy 'probe.pick' of plugin 'probe' failed for the fallback: skills service unreachable");
  });
});

describe('plugin names in the office config', () => {
  const issuesOf = async (promise: Promise<unknown>) => (await rejection(promise, 'VALIDATION_FAILED')).details['issues'];

  it('config.update refuses unknown actions and strategies at their paths, with the closest registered name', async () => {
    const fx = await office([vip(), seniority()]);
    const config = withRules([
      { id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'seniority.most_senor' }, plugins: { 'vip.flg': { tag: 'x', industries: ['y'] } } } },
      { id: 'typo', when: { category: 'policy' }, then: { assign: { team: 'LEGAL', strategy: 'round_robbin' } } },
    ]);
    config.routing.fallback = { assign: { team: 'LEGAL', strategy: 'seniority.eldest' } };
    expect(await issuesOf(fx.system.config.update(config))).toEqual([
      expect.objectContaining({ path: ['routing', 'rules', 1, 'then', 'assign', 'strategy'], code: 'invalid_value', suggestion: 'round_robin' }),
      expect.objectContaining({ path: ['routing', 'rules', 0, 'then', 'assign', 'strategy'], code: 'unknown_strategy', suggestion: 'seniority.most_senior' }),
      expect.objectContaining({ path: ['routing', 'rules', 0, 'then', 'plugins', 'vip.flg'], code: 'unknown_action', suggestion: 'vip.flag' }),
      expect.objectContaining({ path: ['routing', 'fallback', 'assign', 'strategy'], code: 'unknown_strategy', message: expect.stringContaining('use one of round_robin, least_loaded, seniority.most_senior') }),
    ]);
    expect(await fx.system.config.get()).toBeNull();
  });

  it("config.update reports an action's refusal of its argument, with line and column in YAML", async () => {
    const fx = await office([vip()]);
    const yaml = `
routing:
  rules:
    - id: vip_first
      when: { category: legal }
      then:
        plugins:
          vip.flag: { tag: 重点企业 }
  fallback: { assign: { role: station_head } }
`;
    expect(await issuesOf(fx.system.config.update(yaml, { filename: 'kechuang.config.yaml' }))).toEqual([
      expect.objectContaining({ path: ['routing', 'rules', 0, 'then', 'plugins', 'vip.flag'], code: 'invalid_argument', line: 8, message: expect.stringContaining('vip.flag: give { tag, industries: [...] }') }),
    ]);
  });

  it('refuses plugin names when no plugin registers any, and more than 20 actions in a rule', async () => {
    const fx = await office([]);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x.a${i}`, null]));
    const issues = await issuesOf(
      fx.system.config.update(
        withRules([
          { id: 'one', when: { category: 'legal' }, then: { plugins: { 'vip.flag': {} } } },
          { id: 'many', when: { category: 'policy' }, then: { plugins: many } },
        ]),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: ['routing', 'rules', 1, 'then', 'plugins'], message: expect.stringContaining('at most 20 plugin actions') }),
      expect.objectContaining({ path: ['routing', 'rules', 0, 'then', 'plugins', 'vip.flag'], code: 'unknown_action', message: expect.stringContaining('no plugin of this community registers any') }),
    ]);
  });

  it("createCommunity({ config }) refuses them too, before the office's first request", async () => {
    const config = withRules([{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' }, plugins: { 'vip.flags': { tag: 'x', industries: ['y'] } } } }]);
    const fx = await smallOffice({ plugins: [vip()], config });
    const issues = (await rejection(fx.community.ready(), 'VALIDATION_FAILED')).details['issues'];
    expect(issues).toEqual([expect.objectContaining({ path: ['routing', 'rules', 0, 'then', 'plugins', 'vip.flags'], code: 'unknown_action', suggestion: 'vip.flag' })]);
    await rejection(fx.system.requests.submit(submitInput(fx)), 'VALIDATION_FAILED');
  });

  it('compileRouting refuses a badly named registration as the plugin’s fault', () => {
    const config = factsConfig({ rules: [], fallback: { assign: { role: 'station_head' } } });
    expect(thrown(() => compileRouting(config, { actions: [{ name: 'flag', apply: () => null }] }), 'PLUGIN_ERROR').message).toContain('must be <plugin-id>.<name>');
    expect(thrown(() => compileRouting(config, { strategies: [{ name: 'a.b', choose: () => null }, { name: 'a.b', choose: () => null }] }), 'PLUGIN_ERROR').message).toContain('a.b is registered twice');
  });
});
