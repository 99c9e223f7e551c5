import { describe, expect, it } from 'vitest';
import { routingConfig } from '../__fixtures__/routing-config.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import type { OfficeConfigInput } from '../config/config-schema.js';
import type { SlaReminderEvent } from '../events/core-events.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { createWorker } from '../worker/create-worker.js';
import { slaState } from './sla-state.js';

const labels = { 'zh-CN': '求助类', en: 'Assistance' };
/** Shanghai wall-clock time as an instant. */
const sh = (local: string): Date => new Date(`${local}+08:00`);

function slaConfig(): OfficeConfigInput {
  const config = routingConfig();
  config.slaPolicies = [
    {
      id: 'assistance',
      labels,
      respond: { workingHours: 4 },
      resolve: { workingDays: 5 },
      reminders: [0.5, 0.8, 1],
      escalation: [
        { afterWorkingDays: 0, notify: ['station_head'] },
        { afterWorkingDays: 2, notify: ['office_staff'] },
      ],
      returnWindowWorkingDays: 2,
      extension: { approvers: ['station_head'], maxWorkingDays: 10 },
    },
  ];
  return config;
}

async function office(at: string): Promise<SmallOffice> {
  const fx = await smallOffice();
  await fx.system.config.update(slaConfig());
  fx.clock.set(sh(at));
  return fx;
}

async function timers(fx: SmallOffice, requestId: string): Promise<TimerRecord[]> {
  const rows = await runtimeOf(fx.community).storage.findMany({ model: 'timer', where: [{ field: 'requestId', value: requestId }] });
  return rows as unknown as TimerRecord[];
}

describe('SLA deadlines in Chinese working days', () => {
  it('computes deadlines at submit across National Day and a make-up Saturday, and records them', async () => {
    const fx = await office('2026-09-30T16:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(r.slaPolicy).toBe('assistance');
    // Oct 8, 9, 10 (make-up Saturday), 12, 13.
    expect(r.resolveDueAt).toEqual(sh('2026-10-13T17:30:00'));
    // 4 working hours: 1.5 h on Sep 30, then Oct 8 from 08:30 (lunch 12:00–13:30).
    expect(r.respondDueAt).toEqual(sh('2026-10-08T11:00:00'));
    const { timeline } = await fx.system.requests.get(r.id);
    expect(timeline.find((e) => e.type === 'sla_scheduled')?.data).toMatchObject({ policy: 'assistance', reason: 'submitted', resolveDueAt: sh('2026-10-13T17:30:00').toISOString() });
    const scheduled = await timers(fx, r.id);
    expect(scheduled.map((t) => t.kind).sort()).toEqual(['sla.escalation', 'sla.escalation', 'sla.reminder', 'sla.reminder', 'sla.reminder']);
    expect(slaState(r, fx.clock.now(), true)).toBe('on_time');
  });

  it('refuses a return once the return window (2 working days after assignment) has closed', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const lead = fx.as(r.assigneeId!);
    fx.clock.set(sh('2026-03-04T18:00:00'));
    await expect(lead.requests.return({ requestId: r.id, reason: '不属于本单位' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'return_window_closed' } });
    fx.clock.set(sh('2026-03-04T17:00:00'));
    await expect(lead.requests.return({ requestId: r.id, reason: '不属于本单位' })).resolves.toMatchObject({ status: 'returned' });
  });

  it('pausing stops the clock: the paused working time is added back on resume', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    expect(r.resolveDueAt).toEqual(sh('2026-03-09T17:30:00'));
    const lead = fx.as(r.assigneeId!);
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.start({ requestId: r.id });
    fx.clock.set(sh('2026-03-03T09:00:00'));
    const paused = await lead.requests.pause({ requestId: r.id, reason: '等待企业提供聊天记录' });
    expect(slaState(paused, fx.clock.now(), true)).toBe('paused');
    expect((await timers(fx, r.id)).filter((t) => t.status === 'pending')).toEqual([]);
    // Paused for two whole working days (Mar 3 09:00 → Mar 5 09:00).
    fx.clock.set(sh('2026-03-05T09:00:00'));
    const resumed = await lead.requests.resume({ requestId: r.id });
    expect(resumed.resolveDueAt).toEqual(sh('2026-03-11T17:30:00'));
    expect((await timers(fx, r.id)).some((t) => t.status === 'pending')).toBe(true);
  });

  it('an extension approved while the request is paused moves the deadline but schedules no reminders until the resume', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const lead = fx.as(r.assigneeId!);
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.start({ requestId: r.id });
    await lead.requests.requestExtension({ requestId: r.id, workingDays: 3, reason: '需要调取更多证据' });
    fx.clock.set(sh('2026-03-03T09:00:00'));
    await lead.requests.pause({ requestId: r.id, reason: '等待企业提供聊天记录' });
    const approved = await fx.as(fx.members.stationHead.id).requests.decideExtension({ requestId: r.id, approve: true });
    expect(approved.resolveDueAt).toEqual(sh('2026-03-12T17:30:00'));
    expect((await timers(fx, r.id)).filter((t) => t.status === 'pending')).toEqual([]);
    // Paused for one working day (Mar 3 09:00 → Mar 4 09:00), added back on resume.
    fx.clock.set(sh('2026-03-04T09:00:00'));
    const resumed = await lead.requests.resume({ requestId: r.id });
    expect(resumed.resolveDueAt).toEqual(sh('2026-03-13T17:30:00'));
    expect((await timers(fx, r.id)).filter((t) => t.status === 'pending').every((t) => t.key.startsWith(`${r.id}:${resumed.version}:`))).toBe(true);
    expect((await timers(fx, r.id)).filter((t) => t.status === 'pending')).not.toEqual([]);
  });

  it('an extension asked before the deadline and approved replaces the deadline; others may not decide it', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const lead = fx.as(r.assigneeId!);
    await lead.requests.accept({ requestId: r.id });
    await expect(lead.requests.requestExtension({ requestId: r.id, workingDays: 20, reason: '需要调取更多证据' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await lead.requests.requestExtension({ requestId: r.id, workingDays: 3, reason: '需要调取更多证据' });
    await expect(fx.as(fx.members.dispatcher.id).requests.decideExtension({ requestId: r.id, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await fx.as(fx.members.stationHead.id).requests.decideExtension({ requestId: r.id, approve: true, note: '同意延期' });
    expect(approved.resolveDueAt).toEqual(sh('2026-03-12T17:30:00'));
    expect(approved.extension).toMatchObject({ status: 'approved', previousDueAt: sh('2026-03-09T17:30:00').toISOString(), newDueAt: sh('2026-03-12T17:30:00').toISOString() });
    // After the deadline, no more extensions can be asked for.
    fx.clock.set(sh('2026-03-13T09:00:00'));
    await expect(lead.requests.requestExtension({ requestId: r.id, workingDays: 1, reason: '再延一天' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('supervision flags the request, adds the supervisor as a watcher and tells listeners', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const told: string[] = [];
    fx.community.events.on('request.supervise', ({ request }) => {
      told.push(request.assigneeId ?? '');
    });
    const staff = fx.as(fx.members.officeStaff.id);
    const supervised = await staff.requests.supervise({ requestId: r.id, note: '街道督办' });
    expect(supervised.supervision).toMatchObject({ byId: fx.members.officeStaff.id, note: '街道督办' });
    expect(supervised.watchers).toContain(fx.members.officeStaff.id);
    expect(told).toEqual([r.assigneeId]);
    expect((await staff.requests.list({ supervised: true })).items.map((i) => i.id)).toEqual([r.id]);
    await expect(fx.as(fx.members.commissioner.id).requests.supervise({ requestId: r.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reminders and the escalation ladder fire through the worker; the lights follow; a reply stops them', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const worker = createWorker(fx.community);
    const reminders: SlaReminderEvent[] = [];
    fx.community.events.on('sla.reminder', (e) => {
      reminders.push(e);
    });
    const escalations: number[] = [];
    fx.community.events.on('request.escalate', ({ request }) => {
      escalations.push(request.escalationLevel);
    });

    fx.clock.set(sh('2026-03-05T15:00:00'));
    await worker.runOnce();
    expect(reminders.map((e) => e.share)).toEqual([0.5]);
    expect((await fx.system.requests.list({ sla: 'on_time' })).items.map((i) => i.id)).toEqual([r.id]);

    fx.clock.set(sh('2026-03-06T17:00:00'));
    await worker.runOnce();
    expect(reminders.map((e) => e.share)).toEqual([0.5, 0.8]);
    expect((await fx.system.requests.list({ sla: 'due_soon' })).items.map((i) => i.id)).toEqual([r.id]);

    // The deadline passes: the last reminder and the first escalation step.
    fx.clock.set(sh('2026-03-10T09:00:00'));
    await worker.runOnce();
    expect(reminders.map((e) => e.share)).toEqual([0.5, 0.8, 1]);
    expect(escalations).toEqual([1]);
    const escalated = (await fx.system.requests.get(r.id)).request;
    expect(escalated.watchers).toContain(fx.members.stationHead.id);
    expect((await fx.system.requests.list({ sla: 'overdue' })).items.map((i) => i.id)).toEqual([r.id]);

    // Two working days after the deadline: the office joins.
    fx.clock.set(sh('2026-03-12T09:00:00'));
    await worker.runOnce();
    expect(escalations).toEqual([1, 2]);
    const again = await fx.system.requests.get(r.id);
    expect(again.request.watchers).toContain(fx.members.officeStaff.id);
    expect(again.timeline.filter((e) => e.type === 'escalated').map((e) => e.data['level'])).toEqual([1, 2]);

    // A reply cancels what is left; nothing fires afterwards.
    const lead = fx.as(r.assigneeId!);
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.reply({ requestId: r.id, outcome: 'solved', note: '已追回欠款' });
    expect((await timers(fx, r.id)).filter((t) => t.status === 'pending')).toEqual([]);
  });

  it('a redo restarts the clock from the follow-up', async () => {
    const fx = await office('2026-03-02T09:00:00');
    const r = await fx.system.requests.submit(submission(fx, { category: 'legal' }));
    const lead = fx.as(r.assigneeId!);
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.reply({ requestId: r.id, outcome: 'explained', note: '已解释' });
    fx.clock.set(sh('2026-03-04T10:00:00'));
    const redone = await fx.system.requests.followUp({ requestId: r.id, rating: 'unsatisfied' });
    expect(redone.resolveDueAt).toEqual(sh('2026-03-11T17:30:00'));
    expect(redone.slaStartedAt).toEqual(sh('2026-03-04T10:00:00'));
  });
});
