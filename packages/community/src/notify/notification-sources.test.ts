import { describe, expect, it } from 'vitest';
import { submission } from '../__fixtures__/small-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import type { Notifier } from './notifier.js';
import { notifyConfig, notifyOffice, outbox, told } from './__fixtures__/notify-office.js';

const notifier = (id: string, channel: string): Notifier => ({ id, channel, send: async () => ({ externalId: null }) });

describe('where rules, templates and channels come from', () => {
  it("the community's notifiers serve an office whose config names no channel, by the default rules", async () => {
    const fx = await notifyOffice(notifyConfig(null), { notifiers: [notifier('mail', 'email'), notifier('mail-2', 'email')] });
    const r = await fx.system.requests.submit(submission(fx));
    const rows = await outbox(fx, r.id);
    expect(told(fx, rows)).toEqual(['request.assign L001 email']);
    // The first notifier of a channel serves it.
    expect(rows[0]?.['notifierId']).toBe('mail');
  });

  it("the office's channels win over the community's notifiers for the same channel", async () => {
    const fx = await notifyOffice(notifyConfig({ channels: { email: 'mail-2' } }), { notifiers: [notifier('mail', 'email'), notifier('mail-2', 'email')] });
    const r = await fx.system.requests.submit(submission(fx));
    expect((await outbox(fx, r.id)).map((row) => row['notifierId'])).toEqual(['mail-2']);
  });

  it('plugins add rules and templates; an office template still wins', async () => {
    const feed = definePlugin({
      id: 'feed',
      setup({ notifications }) {
        notifications.rule({ on: ['request.accept'], to: [{ role: 'office_staff' }] });
        notifications.template('request.accept', 'zh-CN', { title: '签收：{title}', text: (vars) => `${vars.actor ?? ''}签收了「${vars.title ?? ''}」` });
        notifications.template('request.assign', 'zh-CN', { title: '插件派单', text: '插件派单' });
      },
    });
    const config = notifyConfig({ channels: { email: 'smtp-main' }, templates: { 'request.assign': { 'zh-CN': { title: '派单：{title}', text: '请签收：{title}' } } } });
    const fx = await notifyOffice(config, { plugins: [feed()] });
    const r = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.lead.id).requests.accept({ requestId: r.id });
    const rows = await outbox(fx, r.id);
    expect(told(fx, rows)).toEqual(['request.accept S003 email', 'request.assign L001 email']);
    const message = (event: string) => rows.find((row) => row['event'] === event)?.['message'] as { title: string; text: string };
    expect(message('request.accept')).toMatchObject({ title: '签收：40余个项目尾款未结', text: '李律师签收了「40余个项目尾款未结」' });
    expect(message('request.assign')).toMatchObject({ title: '派单：40余个项目尾款未结', text: '请签收：40余个项目尾款未结' });
  });
});
