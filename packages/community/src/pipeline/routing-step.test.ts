import { describe, expect, it } from 'vitest';
import { routingConfig } from '../__fixtures__/routing-config.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import { isKechuangError } from '../errors/kechuang-error.js';

async function configured(): Promise<SmallOffice> {
  const fx = await smallOffice();
  await fx.system.config.update(routingConfig());
  return fx;
}

describe('routing inside submit', () => {
  it('assigns by the first matching rule and records the config version, rule and reason', async () => {
    const fx = await configured();
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(r.status).toBe('assigned');
    expect([fx.members.lead.id, fx.members.assisting.id]).toContain(r.assigneeId);
    expect(r.assigneeTeamId).toBe(fx.legal.id);
    expect(r.slaPolicy).toBe('assistance');
    expect(r.routing).toMatchObject({ configVersion: 1, ruleId: 'legal_debts', source: 'rule' });
    expect(r.version).toBe(1);
    const { timeline } = await fx.system.requests.get(r.id);
    expect(timeline.map((e) => [e.seq, e.index, e.type])).toEqual([
      [1, 0, 'submitted'],
      [1, 1, 'routed'],
      [1, 2, 'assigned'],
    ]);
    expect(timeline[1]!.data).toMatchObject({ configVersion: 1, ruleId: 'legal_debts' });
    expect(String(timeline[1]!.data['reason'])).toContain('legal_debts');
  });

  it('keyword rules read Chinese text without segmentation', async () => {
    const fx = await configured();
    const r = await fx.system.requests.submit(submission(fx, { category: 'other', title: '客户拖了半年的尾款怎么追' }));
    expect(r.routing?.ruleId).toBe('legal_debts');
  });

  it('falls back to the station head when no rule assigns', async () => {
    const fx = await configured();
    const r = await fx.system.requests.submit(submission(fx, { category: 'other', title: '咨询会议室预订', description: '' }));
    expect(r.assigneeId).toBe(fx.members.stationHead.id);
    expect(r.routing).toMatchObject({ source: 'fallback', ruleId: null });
  });

  it('applies side actions of continue rules and the assigning rule together', async () => {
    const fx = await configured();
    const captain = fx.as(fx.members.captain.id);
    const r = await captain.requests.submit(submission(fx, { channel: 'captain_report', category: 'facilities', parkId: fx.park1.id, title: '园区路灯损坏', description: '' }));
    expect(r.tags).toContain('园区长上报');
    expect(r.watchers).toContain(fx.members.captain.id);
    expect(r.assigneeId).toBe(fx.members.captain.id);
    expect(r.assists.map((a) => a.memberId)).toEqual([fx.members.commissioner.id]);
    // The assisting commissioner sees it through the party rows.
    const page = await fx.as(fx.members.commissioner.id).requests.list({ assigneeId: fx.members.captain.id });
    expect(page.items.map((i) => i.id)).toContain(r.id);
  });

  it('skips members who are away, and records the skip', async () => {
    const fx = await configured();
    await fx.system.members.update({ id: fx.members.commissioner.id, status: 'away' });
    const r = await fx.system.requests.submit(submission(fx, { category: 'policy', title: '高新技术企业认定政策', description: '' }));
    expect(r.routing?.source).toBe('fallback');
    expect(r.assigneeId).toBe(fx.members.stationHead.id);
    const { timeline } = await fx.system.requests.get(r.id);
    expect(timeline[1]!.data['skipped']).toEqual([{ memberId: fx.members.commissioner.id, why: 'away' }]);
  });

  it('round robin is fair over 1,000 requests (each member within ±1)', async () => {
    const fx = await configured();
    const third = await fx.system.members.create({ code: 'L003', name: '朱律师', roles: [{ role: 'provider', teamId: fx.legal.id }] });
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      fx.clock.advance(1000);
      const r = await fx.system.requests.submit(submission(fx, { category: 'legal', title: `尾款 ${i}` }));
      counts.set(r.assigneeId!, (counts.get(r.assigneeId!) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([fx.members.lead.id, fx.members.assisting.id, third.id].sort());
    const values = [...counts.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  });

  it('least loaded picks the member with the fewest open requests', async () => {
    const fx = await smallOffice();
    const config = routingConfig();
    config.routing.rules = [{ id: 'legal', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'least_loaded' } } }];
    await fx.system.config.update(config);
    // Give the lead two open requests by hand.
    for (let i = 0; i < 2; i++) {
      const r = await fx.system.requests.submit(submission(fx, { category: 'other', title: `杂项 ${i}` }));
      await fx.system.requests.reassign({ requestId: r.id, assigneeId: fx.members.lead.id, reason: '手工分派' });
    }
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(r.assigneeId).toBe(fx.members.assisting.id);
  });

  it('explain agrees with the decision submit then makes, and writes nothing', async () => {
    const fx = await configured();
    for (const extra of [{ category: 'legal' }, { category: 'policy', title: '政策', description: '' }, { category: 'other', title: '欠款' }, { category: 'other', title: '其他', description: '' }]) {
      const input = submission(fx, extra);
      const before = (await fx.system.requests.list({ limit: 500 })).items.length;
      const why = await fx.system.routing.explain(input);
      expect((await fx.system.requests.list({ limit: 500 })).items.length).toBe(before);
      const r = await fx.system.requests.submit(input);
      expect(r.assigneeId).toBe(why.decision.memberId);
      expect(r.routing?.ruleId).toBe(why.decision.ruleId);
      expect(why.rules.length).toBe(4);
      expect(why.rules.filter((rule) => rule.matched).map((rule) => rule.ruleId)).toEqual(why.outcome.matchedRuleIds);
    }
  });
});

describe('explaining a draft config', () => {
  it('routes under the draft without storing it, and the config in force stays as it was', async () => {
    const fx = await configured();
    const draft = routingConfig();
    draft.routing.rules = [{ id: 'all_to_commissioner', when: { category: 'legal' }, then: { assign: { member: 'C001' } } }];
    const input = submission(fx, { category: 'legal' });
    const drafted = await fx.system.routing.explain(input, { config: draft });
    expect(drafted).toMatchObject({ configVersion: 0, decision: { memberId: fx.members.commissioner.id, ruleId: 'all_to_commissioner' } });
    const inForce = await fx.system.routing.explain(input);
    expect(inForce).toMatchObject({ configVersion: 1, decision: { ruleId: 'legal_debts' } });
    expect((await fx.system.config.history()).map((c) => c.version)).toEqual([1]);
    const r = await fx.system.requests.submit(input);
    expect(r.routing?.ruleId).toBe('legal_debts');
  });

  it('reports the problems of a draft with their lines, and stores nothing', async () => {
    const fx = await configured();
    const text = 'routing:\n  rules:\n    - id: a\n      whne: {}\n';
    await expect(fx.system.routing.explain(submission(fx), { config: text, filename: 'draft.yaml' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('draft.yaml') });
    expect((await fx.system.config.history()).map((c) => c.version)).toEqual([1]);
  });
});

describe('routing inside redispatch and redo', () => {
  it('a return redispatched without an assignee is routed past the member who returned it', async () => {
    const fx = await configured();
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const lead = r.assigneeId!;
    await fx.as(lead).requests.return({ requestId: r.id, reason: '利益冲突，需回避' });
    const again = await fx.as(fx.members.stationHead.id).requests.redispatch({ requestId: r.id });
    expect(again.status).toBe('assigned');
    expect(again.assigneeId).not.toBe(lead);
    expect(again.assigneeTeamId).toBe(fx.legal.id);
  });

  it('a redo is routed again', async () => {
    const fx = await configured();
    const r = await fx.system.requests.submit(submission(fx, { category: 'policy', title: '研发费用加计扣除政策', description: '' }));
    const commissioner = fx.as(fx.members.commissioner.id);
    await commissioner.requests.accept({ requestId: r.id });
    await commissioner.requests.reply({ requestId: r.id, outcome: 'explained', note: '已解释政策' });
    const redone = await fx.system.requests.followUp({ requestId: r.id, rating: 'unsatisfied' });
    expect(redone.status).toBe('assigned');
    expect(redone.redoCount).toBe(1);
    expect(redone.assigneeId).toBe(fx.members.commissioner.id);
    const { timeline } = await fx.system.requests.get(r.id);
    expect(timeline.filter((e) => e.seq === redone.version).map((e) => e.type)).toEqual(['followed_up', 'redone', 'routed', 'assigned']);
  });
});

describe('the office config', () => {
  it('is versioned; each decision records the version it used', async () => {
    const fx = await configured();
    const v2 = routingConfig();
    v2.routing.rules = [{ id: 'legal_to_commissioner', when: { category: 'legal' }, then: { assign: { member: 'C001' } } }];
    const stored = await fx.system.config.update(v2, { version: 1 });
    expect(stored.version).toBe(2);
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(r.routing).toMatchObject({ configVersion: 2, ruleId: 'legal_to_commissioner' });
    expect(r.assigneeId).toBe(fx.members.commissioner.id);
    expect((await fx.system.config.history()).map((c) => c.version)).toEqual([1, 2]);
  });

  it('an update racing submits takes effect whole: each request follows exactly one version', async () => {
    const fx = await configured();
    const v2 = routingConfig();
    v2.routing.rules = [{ id: 'legal_to_commissioner', when: { category: 'legal' }, then: { assign: { member: 'C001' } } }];
    const submits = Array.from({ length: 100 }, (_, i) => fx.system.requests.submit(submission(fx, { category: 'legal', title: `尾款 ${i}` })));
    const update = fx.system.config.update(v2);
    const results = await Promise.all(submits);
    await update;
    for (const r of results) {
      if (r.routing?.configVersion === 1) expect(r.routing.ruleId).toBe('legal_debts');
      else expect(r).toMatchObject({ routing: { configVersion: 2, ruleId: 'legal_to_commissioner' }, assigneeId: fx.members.commissioner.id });
    }
    const after = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(after.routing?.configVersion).toBe(2);
  });

  it('refuses a stale edit, names unknown directory codes, and stores nothing invalid', async () => {
    const fx = await configured();
    await expect(fx.system.config.update(routingConfig(), { version: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const bad = routingConfig();
    bad.routing.rules = [{ id: 'ghost', when: { park: 'P99' }, then: { assign: { member: 'NOBODY' } } }];
    const error = await fx.system.config.update(bad).catch((e: unknown) => e);
    expect(isKechuangError(error, 'VALIDATION_FAILED')).toBe(true);
    if (isKechuangError(error)) {
      expect(error.details.issues?.map((i) => i.path.join('.'))).toEqual(['routing.rules.0.when.park', 'routing.rules.0.then.assign.member']);
    }
    expect((await fx.system.config.get())?.version).toBe(1);
  });

  it('reports YAML problems with their line', async () => {
    const fx = await smallOffice();
    const yaml = ['routing:', '  rules:', '    - id: legal', '      when: { catgory: legal }', '      then: { assign: { team: LEGAL } }', '  fallback:', '    assign: { role: station_head }', ''].join('\n');
    const error = await fx.system.config.update(yaml, { filename: 'kechuang.config.yaml' }).catch((e: unknown) => e);
    expect(isKechuangError(error, 'VALIDATION_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/kechuang\.config\.yaml:4/);
    expect((error as Error).message).toMatch(/category/);
  });

  it('only the station head, office staff or the system may change it', async () => {
    const fx = await configured();
    await expect(fx.as(fx.members.captain.id).config.update(routingConfig())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await fx.as(fx.members.captain.id).config.get())?.version).toBe(1);
  });
});

describe('time-of-submission conditions', () => {
  it('routes by office hours and holidays in the office calendar', async () => {
    const fx = await smallOffice();
    const config = routingConfig();
    config.routing.rules = [
      { id: 'holiday_duty', when: { 'submitted.holiday': true }, then: { assign: { member: 'S002' } } },
      { id: 'out_of_hours', when: { 'submitted.in_office_hours': false }, then: { assign: { member: 'S003' } } },
    ];
    await fx.system.config.update(config);
    const at = async (iso: string) => {
      fx.clock.set(new Date(iso));
      return (await fx.system.requests.submit(submission(fx, { category: 'other', title: '咨询', description: '' }))).routing?.ruleId;
    };
    expect(await at('2026-10-02T10:00:00+08:00')).toBe('holiday_duty'); // National Day
    expect(await at('2026-03-02T19:00:00+08:00')).toBe('out_of_hours'); // a Monday evening
    expect(await at('2026-03-02T12:30:00+08:00')).toBe('out_of_hours'); // lunch break
    expect(await at('2026-02-14T10:00:00+08:00')).toBeNull(); // a make-up Saturday, in office hours
  });
});
