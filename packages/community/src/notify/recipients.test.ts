import { describe, expect, it } from 'vitest';
import { submission } from '../__fixtures__/small-office.js';
import { createWorker } from '../worker/create-worker.js';
import { notifyConfig, notifyOffice, outbox, sh, told } from './__fixtures__/notify-office.js';

describe('who is told what, by default', () => {
  it('assigned → the assignee, over every channel the assignee has an address on', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    expect(r.assigneeId).toBe(fx.members.lead.id);
    const rows = await outbox(fx, r.id);
    expect(told(fx, rows)).toEqual(['request.assign L001 dingtalk', 'request.assign L001 email']);
    const email = rows.find((row) => row['channel'] === 'email');
    expect(email).toMatchObject({
      officeId: fx.office.id,
      requestId: r.id,
      notifierId: 'smtp-main',
      recipientMemberId: fx.members.lead.id,
      idempotencyKey: `${r.id}:1:request.assign:${fx.members.lead.id}:email`,
      status: 'pending',
      attempts: 0,
      dueAt: fx.clock.now(),
      deliveredAt: null,
      deadAt: null,
    });
    expect(email?.['message']).toMatchObject({ locale: 'zh-CN', to: { memberId: fx.members.lead.id, name: '李律师', address: 'lead@mengchuang.example' }, data: { requestId: r.id, event: 'request.assign', status: 'assigned' } });
    const ding = rows.find((row) => row['channel'] === 'dingtalk');
    expect(ding).toMatchObject({ notifierId: 'ding-bot', message: { html: null, to: { address: '13800000005' } } });
  });

  it('a reassignment tells the new lead once, as an assignment', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.dispatcher.id).requests.reassign({ requestId: r.id, assigneeId: fx.members.assisting.id, reason: '李律师出差' });
    expect(told(fx, (await outbox(fx, r.id)).slice(2))).toEqual(['request.assign L002 email']);
  });

  it('returned → the dispatcher and the station head, not the member who returned it', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' });
    const rows = (await outbox(fx, r.id)).filter((row) => row['event'] === 'request.return');
    expect(told(fx, rows)).toEqual(['request.return S001 dingtalk', 'request.return S002 email']);
    expect((rows[0]?.['message'] as { text: string }).text).toContain('该诉求已被退回，退回原因：不属于法律服务');
  });

  it('supervised → the assignee and the next level (the station head)', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.officeStaff.id).requests.supervise({ requestId: r.id, note: '请加快办理' });
    const rows = (await outbox(fx, r.id)).filter((row) => row['event'] === 'request.supervise');
    expect(told(fx, rows)).toEqual(['request.supervise L001 dingtalk', 'request.supervise L001 email', 'request.supervise S001 dingtalk']);
    expect((rows[0]?.['message'] as { text: string }).text).toContain('街道已对该诉求进行督办');
  });

  it('replied → the enterprise contact, in the contact\'s locale; a rating thanks them', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    const lead = fx.as(fx.members.lead.id);
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.reply({ requestId: r.id, outcome: 'solved', note: '已协助追回20余笔欠款' });
    await fx.system.requests.followUp({ requestId: r.id, rating: 'satisfied' });
    const rows = (await outbox(fx, r.id)).filter((row) => row['recipientMemberId'] === fx.members.contact.id);
    expect(told(fx, rows)).toEqual(['request.follow_up E001 email', 'request.reply E001 email']);
    const reply = rows.find((row) => row['event'] === 'request.reply')?.['message'] as { locale: string; text: string; html: string };
    expect(reply.locale).toBe('en');
    expect(reply.text).toContain('The matter you raised has been concluded. Outcome: solved. What was done: 已协助追回20余笔欠款');
    expect(reply.html).toContain('<p>The matter you raised has been concluded.');
  });

  it("a captain's report → the park's captain on every change after the one the captain made", async () => {
    const fx = await notifyOffice();
    const captain = fx.as(fx.members.captain.id);
    const r = await captain.requests.submit(submission(fx, { channel: 'captain_report', category: 'other', title: '园区路灯损坏' }));
    const lead = fx.as(r.assigneeId ?? '');
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.note({ requestId: r.id, text: '已联系物业' });
    const rows = (await outbox(fx, r.id)).filter((row) => row['recipientMemberId'] === fx.members.captain.id);
    expect(told(fx, rows)).toEqual(['request.accept P01-C email', 'request.note P01-C email']);
    // Another park's captain hears nothing.
    expect((await outbox(fx, r.id)).some((row) => row['recipientMemberId'] === fx.members.otherCaptain.id)).toBe(false);
  });

  it('a reminder for a returned request goes to the dispatcher, not to the member who returned it', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' });
    fx.clock.set(sh('2026-03-05T17:00:00'));
    await createWorker(fx.community).runOnce();
    const reminders = (await outbox(fx, r.id)).filter((row) => row['event'] === 'sla.reminder');
    expect(told(fx, reminders)).toEqual(['sla.reminder S001 dingtalk', 'sla.reminder S002 email']);
  });

  it('reminders → the assignee and watchers; escalation → those and the step\'s roles, with the days overdue', async () => {
    const fx = await notifyOffice();
    const r = await fx.system.requests.submit(submission(fx));
    const worker = createWorker(fx.community);
    // Half the resolve time: Thu 2026-03-05 afternoon.
    fx.clock.set(sh('2026-03-05T17:00:00'));
    await worker.runOnce();
    const reminders = (await outbox(fx, r.id)).filter((row) => row['event'] === 'sla.reminder');
    expect(told(fx, reminders)).toEqual(['sla.reminder L001 dingtalk', 'sla.reminder L001 email']);
    expect((reminders[0]?.['message'] as { text: string }).text).toContain('该诉求将于2026年3月9日 17:30到期，请及时办理（催办）');
    expect(reminders[0]?.['idempotencyKey']).toMatch(new RegExp(`^${r.id}:1:reminder:0.5:sla.reminder:`));

    // Two working days after the deadline (Mon 9 → Wed 11): both steps have fired.
    fx.clock.set(sh('2026-03-11T17:40:00'));
    await worker.runOnce();
    const escalations = (await outbox(fx, r.id)).filter((row) => row['event'] === 'request.escalate');
    expect(told(fx, escalations)).toEqual([
      'request.escalate L001 dingtalk',
      'request.escalate L001 dingtalk',
      'request.escalate L001 email',
      'request.escalate L001 email',
      'request.escalate S001 dingtalk',
      'request.escalate S001 dingtalk',
      'request.escalate S003 email',
    ]);
    const texts = escalations.filter((row) => row['recipientMemberId'] === fx.members.officeStaff.id).map((row) => (row['message'] as { text: string }).text);
    expect(texts[0]).toContain('该诉求已超期2个工作日，已升级至第2级督办');
  });

  it('members with no address on any channel get nothing, and nobody is told twice per channel', async () => {
    const fx = await notifyOffice(notifyConfig({ channels: { email: 'smtp-main' }, rules: [{ on: ['request.assign'], to: ['assignee', { role: 'commissioner' }, { member: 'L001' }] }] }));
    const r = await fx.system.requests.submit(submission(fx));
    expect(told(fx, await outbox(fx, r.id))).toEqual(['request.assign L001 email']);
  });
});

describe('office rules', () => {
  it('add to the defaults, limited to channels and requests; a { channel } recipient posts with no member', async () => {
    const fx = await notifyOffice(
      notifyConfig({
        channels: { email: 'smtp-main', dingtalk: 'ding-bot', webhook: 'crm-hook' },
        rules: [
          { on: ['request.submit'], to: [{ channel: 'webhook' }] },
          { on: ['request.assign'], to: [{ role: 'office_staff' }], via: ['email'], when: { priority: ['urgent'] } },
        ],
      }),
    );
    const normal = await fx.system.requests.submit(submission(fx));
    expect(told(fx, await outbox(fx, normal.id))).toEqual(['request.assign L001 dingtalk', 'request.assign L001 email', 'request.submit - webhook']);
    const urgent = await fx.system.requests.submit(submission(fx, { priority: 'urgent' }));
    expect(told(fx, await outbox(fx, urgent.id))).toContain('request.assign S003 email');
    const hook = (await outbox(fx, normal.id)).find((row) => row['channel'] === 'webhook');
    expect(hook).toMatchObject({ notifierId: 'crm-hook', recipientMemberId: null, idempotencyKey: `${normal.id}:1:request.submit:-:webhook`, message: { to: { memberId: null, address: null } } });
  });

  it('replace the defaults with replaceDefaults', async () => {
    const fx = await notifyOffice(notifyConfig({ channels: { email: 'smtp-main' }, replaceDefaults: true, rules: [{ on: ['request.accept'], to: ['dispatcher'] }] }));
    const r = await fx.system.requests.submit(submission(fx));
    expect(await outbox(fx, r.id)).toEqual([]);
    await fx.as(fx.members.lead.id).requests.accept({ requestId: r.id });
    expect(told(fx, await outbox(fx, r.id))).toEqual(['request.accept S002 email']);
  });

  it('an office without notifications, and a community without notifiers, writes no outbox row', async () => {
    const fx = await notifyOffice(notifyConfig(null));
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.lead.id).requests.return({ requestId: r.id, reason: '不属于法律服务' });
    expect(await outbox(fx)).toEqual([]);
  });
});
