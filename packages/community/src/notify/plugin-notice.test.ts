import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import type { NotificationsConfig } from '../config/config-schema.js';
import { definePlugin } from '../plugins/define-plugin.js';
import type { PluginNotificationTemplate } from './notification-template.js';
import type { NotificationLocale } from './notifier.js';
import { notifyConfig, notifyOffice, outbox, told } from './__fixtures__/notify-office.js';

interface ReporterOptions {
  /** The plugin's wording, by locale. @default zh-CN and en */
  templates?: Partial<Record<NotificationLocale, PluginNotificationTemplate>>;
  /** What the plugin sends; the default sends its declared event. */
  event?: `${string}.${string}`;
  /** Throws in a later transaction hook, after the send. */
  failAfterSend?: boolean;
}

const wording: Record<NotificationLocale, PluginNotificationTemplate> = {
  'zh-CN': { title: '诉求办理进展：{title}', text: '您反映的诉求已办理{elapsed}，仍在办理中。\n联系人：{contact}\n（第{n}次进展告知）' },
  en: { title: 'Progress: {title}', text: 'Your request has been in hand for {elapsed}.\nContact: {contact}\n(update no. {n})' },
};

/**
 * A plugin that sends its `reporter.update` notice from every `note` command, keyed by the
 * note's text, and records what each send returned.
 */
function reporter(options: ReporterOptions = {}) {
  const sent: number[] = [];
  const plugin = definePlugin({
    id: 'reporter',
    setup({ hooks, notifications }) {
      notifications.event('update');
      notifications.rule({ on: ['reporter.update'], to: ['enterprise_contact'] });
      for (const [locale, template] of Object.entries(options.templates ?? wording) as [NotificationLocale, PluginNotificationTemplate][]) {
        notifications.template('reporter.update', locale, template);
      }
      hooks.transaction('note', async ({ tx, request, input }) => {
        const n = await notifications.send(tx, {
          officeId: request.officeId,
          requestId: request.id,
          event: options.event ?? 'reporter.update',
          key: String(input['text']),
          data: { n: 3, elapsed: { 'zh-CN': '12个工作日', en: '12 working days' }, source: 'reporter' },
          now: request.updatedAt,
        });
        sent.push(n);
        if (options.failAfterSend) throw new Error('the report archive is offline');
      });
    },
  })();
  return { plugin, sent };
}

/** The small office with e-mail and DingTalk channels, the reporter installed and one request of enterprise 1. */
async function reporting(options: ReporterOptions = {}, notifications?: NotificationsConfig | Partial<NotificationsConfig>) {
  const { plugin, sent } = reporter(options);
  const config = notifications ? notifyConfig(notifications) : notifyConfig();
  const fx = await notifyOffice(config, { plugins: [plugin] });
  const request = await fx.system.requests.submit(submitInput(fx, { contact: { name: '冯经理', phone: '13812345678' } }));
  const staff = fx.as(fx.members.officeStaff.id);
  const note = (text: string) => staff.requests.note({ requestId: request.id, text });
  const updates = async () => (await outbox(fx, request.id)).filter((row) => row['event'] === 'reporter.update');
  return { ...fx, request, sent, note, updates };
}

describe('a plugin sends its own notification event', () => {
  it('writes a row for the enterprise contact by the plugin’s rule, in the contact’s locale, masked, with the data', async () => {
    const fx = await reporting();
    await fx.note('第一次进展');
    const rows = await fx.updates();
    expect(fx.sent).toEqual([1]);
    expect(told(fx, rows)).toEqual(['reporter.update E001 email']);
    const [row] = rows;
    expect(row?.['idempotencyKey']).toBe(`${fx.request.id}:第一次进展:reporter.update:${fx.members.contact.id}:email`);
    expect(row?.['message']).toMatchObject({
      locale: 'en',
      title: 'Progress: 40余个项目尾款未结',
      text: 'Your request has been in hand for 12 working days.\nContact: 冯经理 138****5678\n(update no. 3)',
      to: { memberId: fx.members.contact.id, name: '冯经理', address: 'contact@enterprise.example' },
      data: { requestId: fx.request.id, status: fx.request.status, n: 3, source: 'reporter', event: 'reporter.update' },
    });
    expect(row?.['status']).toBe('pending');
  });

  it('adds the recipients of office rules that name the event, but not of `*` rules', async () => {
    const fx = await reporting({}, {
      channels: { email: 'smtp-main' },
      rules: [
        { on: ['reporter.update'], to: [{ role: 'office_staff' }, 'captain'] },
        { on: ['*'], to: [{ role: 'dispatcher' }] },
      ],
    });
    await fx.note('第一次进展');
    // The captain of park 1 and the office staff by the office's rule; the contact by the plugin's.
    // The staff member wrote the note but did not send the notice, so is told too.
    expect(told(fx, await fx.updates())).toEqual(['reporter.update E001 email', 'reporter.update P01-C email', 'reporter.update S003 email']);
    const staffRow = (await fx.updates()).find((row) => row['recipientMemberId'] === fx.members.officeStaff.id);
    expect(staffRow?.['message']).toMatchObject({ locale: 'zh-CN', title: '诉求办理进展：40余个项目尾款未结' });
  });

  it('uses the office’s template for the event over the plugin’s', async () => {
    const fx = await reporting({}, {
      channels: { email: 'smtp-main' },
      templates: { 'reporter.update': { en: { title: 'Update {n} on {title}', text: 'Still in hand after {elapsed}.' } } },
    });
    await fx.note('第一次进展');
    const [row] = await fx.updates();
    expect(row?.['message']).toMatchObject({ locale: 'en', title: 'Update 3 on 40余个项目尾款未结', text: 'Still in hand after 12 working days.' });
  });

  it('writes nothing when the office has no notifier for the recipient’s channel', async () => {
    // The contact can be reached by e-mail only; the office delivers DingTalk only.
    const fx = await reporting({}, { channels: { dingtalk: 'ding-bot' } });
    await fx.note('第一次进展');
    expect(fx.sent).toEqual([0]);
    expect(await fx.updates()).toEqual([]);
  });

  it('writes nothing in an office without a config', async () => {
    const { plugin, sent } = reporter();
    const fx = await notifyOffice(null, { plugins: [plugin] });
    const request = await fx.system.requests.submit(submitInput(fx));
    await fx.system.requests.note({ requestId: request.id, text: '第一次进展' });
    expect(sent).toEqual([0]);
    expect(await outbox(fx, request.id)).toEqual([]);
  });

  it('writes nothing twice under the same key, and again under a new one', async () => {
    const fx = await reporting();
    await fx.note('第一次进展');
    await fx.note('第一次进展');
    expect(fx.sent).toEqual([1, 0]);
    expect(await fx.updates()).toHaveLength(1);
    await fx.note('第二次进展');
    expect(fx.sent).toEqual([1, 0, 1]);
    expect(await fx.updates()).toHaveLength(2);
  });

  it('is rolled back with the transaction it was sent in', async () => {
    const fx = await reporting({ failAfterSend: true });
    const error = await rejection(fx.note('第一次进展'), 'PLUGIN_ERROR');
    expect(error.message).toContain('the report archive is offline');
    expect(fx.sent).toEqual([1]);
    expect(await fx.updates()).toEqual([]);
    expect((await fx.system.requests.get(fx.request.id)).request.version).toBe(fx.request.version);
  });

  it('refuses an event no plugin declares, naming the declared ones', async () => {
    const fx = await reporting({ event: 'reporter.updates' });
    const error = await rejection(fx.note('第一次进展'), 'PLUGIN_ERROR');
    expect(error.message).toContain("'reporter.updates'");
    expect(error.message).toContain('declared: reporter.update');
    expect(await fx.updates()).toEqual([]);
  });

  it('refuses a send with no wording in a recipient’s locale, naming the event and the locale', async () => {
    const fx = await reporting({ templates: { 'zh-CN': wording['zh-CN'] } });
    const error = await rejection(fx.note('第一次进展'), 'PLUGIN_ERROR');
    expect(error.message).toContain("no en wording for the notification event 'reporter.update'");
    expect(error.message).toContain("notifications.template('reporter.update', 'en'");
    expect(error.details).toMatchObject({ event: 'reporter.update', locale: 'en' });
    expect(await fx.updates()).toEqual([]);
  });
});
