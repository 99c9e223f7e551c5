import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/kechuang-error.js';
import { notifyConfig, outbox, sh, told } from '../notify/__fixtures__/notify-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { createWorker } from '../worker/create-worker.js';
import { acceptedRequest, legalReviewOffice, type LegalReviewOffice } from './__fixtures__/legal-review.js';

/** The legal-review office with an SLA policy and notification channels, at Mon 2026-03-02 09:00. */
async function timedOffice(options: Parameters<typeof legalReviewOffice>[0] = {}): Promise<LegalReviewOffice> {
  const fx = await legalReviewOffice(options);
  await fx.system.members.update({ id: fx.members.stationHead.id, contacts: [{ channel: 'dingtalk', address: '13800000001' }] });
  await fx.system.members.update({ id: fx.members.lead.id, email: 'lead@mengchuang.example' });
  await fx.system.members.update({ id: fx.members.captain.id, email: 'captain@mengchuang.example' });
  await fx.system.config.update(notifyConfig());
  fx.clock.set(sh('2026-03-02T09:00:00'));
  return fx;
}

async function inReview(fx: LegalReviewOffice, channel: 'phone' | 'captain_report' = 'phone'): Promise<string> {
  const id = await acceptedRequest(fx, { channel, parkId: fx.park1.id });
  await fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'legal-review.send', note: '合同条款需审核' });
  return id;
}

describe('a request in a plugin state is open', () => {
  it('keeps its SLA clock running: reminders and escalation fire, and lists and metrics count it as open and overdue', async () => {
    const fx = await timedOffice();
    const id = await inReview(fx);
    const reminded: string[] = [];
    fx.community.events.on('sla.reminder', ({ request }) => void reminded.push(request.status));
    fx.clock.set(sh('2026-03-10T09:00:00'));
    const worker = createWorker(fx.community, { notify: false });
    await worker.runOnce();
    const { request, timeline } = await fx.system.requests.get(id);
    expect(request.status).toBe('legal-review.reviewing');
    expect(reminded.length).toBeGreaterThan(0);
    expect(new Set(reminded)).toEqual(new Set(['legal-review.reviewing']));
    expect(request.escalationLevel).toBe(1);
    expect(timeline.at(-1)?.type).toBe('escalated');

    expect((await fx.system.requests.list({ sla: 'overdue' })).items.map((r) => r.id)).toEqual([id]);
    expect((await fx.system.requests.list({ status: 'legal-review.reviewing' })).items.map((r) => r.id)).toEqual([id]);
    const month = await fx.system.metrics.query({ period: { month: '2026-03' } });
    expect(month.total.counts).toMatchObject({ collected: 1, backlog: 1, overdue: 1, concluded: 0 });
    expect((await fx.system.enterprises.lifecycle(fx.ent1.id)).summary).toMatchObject({ open: 1, byStatus: { 'legal-review.reviewing': 1 } });
  });

  it('takes notes, supervision and a withdrawal, like any open request', async () => {
    const fx = await legalReviewOffice();
    const id = await acceptedRequest(fx);
    await fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'legal-review.send' });
    await fx.as(fx.members.lead.id).requests.note({ requestId: id, text: '已提交审核材料' });
    await fx.as(fx.members.stationHead.id).requests.supervise({ requestId: id, note: '请加快审核' });
    const withdrawn = await fx.as(fx.members.contact.id).requests.withdraw({ requestId: id, reason: '双方已和解' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 7 });
    const { timeline } = await fx.system.requests.get(id);
    expect(timeline.slice(-3).map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['note', null, null],
      ['supervised', null, null],
      ['withdrawn', 'legal-review.reviewing', 'withdrawn'],
    ]);
  });

  it('restarts a paused SLA clock when a plugin transition leads out of paused', async () => {
    const mediation = definePlugin({
      id: 'mediation',
      setup({ workflow }) {
        workflow.state('mediating');
        workflow.transition({ name: 'mediation.begin', from: ['paused'], to: 'mediation.mediating', roles: ['assignee'] });
        workflow.transition({ name: 'mediation.end', from: ['mediation.mediating'], to: 'in_progress', roles: ['assignee'] });
      },
    });
    const fx = await timedOffice({ plugins: [mediation()] });
    const lead = fx.as(fx.members.lead.id);
    const id = await acceptedRequest(fx);
    await lead.requests.start({ requestId: id });
    const paused = await lead.requests.pause({ requestId: id, reason: '等待企业提供聊天记录' });
    expect(paused.pausedAt).not.toBeNull();
    // Paused from Monday 09:00 to Tuesday 09:00, one working day (7.5 h), which the deadline gains.
    fx.clock.set(sh('2026-03-03T09:00:00'));
    const mediating = await lead.requests.transition({ requestId: id, name: 'mediation.begin', note: '约双方调解' });
    expect(mediating).toMatchObject({ status: 'mediation.mediating', pausedAt: null });
    expect(mediating.resolveDueAt).toEqual(sh('2026-03-10T17:30:00'));
    const { timeline } = await fx.system.requests.get(id);
    expect(timeline.filter((e) => e.seq === mediating.version).map((e) => e.type)).toEqual(['transitioned', 'sla_rescheduled']);
  });
});

describe('notifications of a plugin transition', () => {
  it('writes no outbox rows by default, even where a rule names every change (*)', async () => {
    const fx = await timedOffice();
    const id = await inReview(fx, 'captain_report');
    await fx.as(fx.members.stationHead.id).requests.transition({ requestId: id, name: 'legal-review.approve' });
    const events = (await outbox(fx, id)).map((r) => r['event'] as string);
    // The captain hears of every core change of a captain's report, but of no plugin transition.
    expect(events).toContain('request.accept');
    expect(events.filter((e) => e.includes('legal-review'))).toEqual([]);
  });

  it('tells whom a rule names, in the plugin’s wording', async () => {
    const tellHead = definePlugin({
      id: 'tell-head',
      setup({ notifications }) {
        notifications.rule({ on: ['request.legal-review.send'], to: [{ role: 'station_head' }] });
        notifications.template('request.legal-review.send', 'zh-CN', { title: '诉求待法律审核：{title}', text: '{actor}已提交法律审核，请审核。\n说明：{note}' });
      },
    });
    const fx = await timedOffice({ plugins: [tellHead()] });
    const id = await inReview(fx);
    const rows = (await outbox(fx, id)).filter((r) => (r['event'] as string).includes('legal-review'));
    expect(told(fx, rows)).toEqual(['request.legal-review.send S001 dingtalk']);
    expect(rows[0]?.['message']).toMatchObject({ title: '诉求待法律审核：40余个项目尾款未结', text: '李律师已提交法律审核，请审核。\n说明：合同条款需审核' });
  });

  it('never fails the transition for want of a template: nothing is written and the host is told', async () => {
    const reported: { error: unknown; where: string }[] = [];
    const silent = definePlugin({
      id: 'silent',
      setup: ({ notifications }) => notifications.rule({ on: ['request.legal-review.approve'], to: ['assignee'] }),
    });
    const fx = await timedOffice({ plugins: [silent()], onListenerError: (error, where) => void reported.push({ error, where }) });
    const id = await inReview(fx);
    const approved = await fx.as(fx.members.stationHead.id).requests.transition({ requestId: id, name: 'legal-review.approve' });
    expect(approved.status).toBe('in_progress');
    expect((await outbox(fx, id)).filter((r) => (r['event'] as string).includes('legal-review'))).toEqual([]);
    expect(reported.map((r) => r.where)).toEqual(['notifications of request.legal-review.approve']);
    expect(isKechuangError(reported[0]?.error)).toBe(true);
  });
});
