import { describe, expect, it } from 'vitest';
import { thrown } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { parseOfficeConfig } from '../config/parse-config.js';
import { validateOfficeConfig } from '../config/validate-config.js';
import { notifyConfig } from './__fixtures__/notify-office.js';

const withNotifications = (notifications: unknown): unknown => ({ ...notifyConfig(null), notifications });

describe('the notifications section of the office config', () => {
  it('is optional, and fills in its defaults', () => {
    const none = validateOfficeConfig(notifyConfig(null));
    expect(none.ok && none.config.notifications).toBeUndefined();
    const some = validateOfficeConfig(withNotifications({ channels: { email: 'smtp-main' } }));
    expect(some.ok && some.config.notifications).toEqual({ channels: { email: 'smtp-main' }, rules: [], replaceDefaults: false, templates: {}, locale: 'zh-CN' });
  });

  it('lists every problem at once: unknown events, recipients, placeholders and keys', () => {
    const result = validateOfficeConfig(
      withNotifications({
        channels: { 'E-mail': 'smtp' },
        rules: [
          { on: ['request.asign'], to: ['assignee'] },
          { on: ['request.reply'], to: ['boss'], via: [] },
          { on: ['sla.reminder'], to: [{ role: 'mayor' }], when: { channel: ['fax'] } },
        ],
        templates: { 'request.assign': { 'zh-CN': { title: '派单', text: '请于{dueAt}前办结' } } },
        replaceDefault: true,
      }),
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path.join('.'));
    expect(paths).toEqual([
      'notifications.channels.E-mail',
      'notifications.rules.0.on.0',
      'notifications.rules.1.to.0',
      'notifications.rules.1.via',
      'notifications.rules.2.to.0.role',
      'notifications.rules.2.when.channel.0',
      'notifications.templates.request.assign.zh-CN.text',
      'notifications.replaceDefault',
    ]);
    const placeholder = result.ok ? undefined : result.problems.find((p) => p.path.join('.') === 'notifications.templates.request.assign.zh-CN.text');
    expect(placeholder?.message).toContain('unknown placeholder {dueAt}; use one of {title}');
  });

  it('is read from YAML like the rest of the file', () => {
    const yaml = `
routing:
  fallback: { assign: { role: station_head } }
notifications:
  channels: { email: smtp-main, dingtalk: dingtalk-bot }
  rules:
    - on: [request.reply]
      to: [enterprise_contact, { role: office_staff }]
      via: [email]
  templates:
    request.assign:
      zh-CN: { title: '派单：{title}', text: '您有一条新的企业诉求待签收：{title}' }
`;
    const config = parseOfficeConfig(yaml);
    expect(config.notifications?.rules[0]?.to).toEqual(['enterprise_contact', { role: 'office_staff' }]);
    expect(config.notifications?.templates['request.assign']?.['zh-CN']?.title).toBe('派单：{title}');
  });
});

describe('notification rules naming members', () => {
  it('are checked against the directory when the config is stored', async () => {
    const fx = await smallOffice();
    const config = notifyConfig({ channels: { email: 'smtp-main' }, rules: [{ on: ['request.assign'], to: [{ member: 'NOBODY' }, { member: fx.members.lead.code }] }] });
    const error = await fx.system.config.update(config).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const issues = (error as { details: { issues: { path: (string | number)[] }[] } }).details.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['notifications.rules.0.to.0.member']);
  });
});

describe('member contacts and locale', () => {
  it('default to none and zh-CN, and are checked', async () => {
    const fx = await smallOffice();
    expect(fx.members.lead).toMatchObject({ contacts: [], locale: 'zh-CN' });
    const updated = await fx.system.members.update({ id: fx.members.lead.id, contacts: [{ channel: 'dingtalk', address: '13800000005' }], locale: 'en' });
    expect(updated).toMatchObject({ contacts: [{ channel: 'dingtalk', address: '13800000005' }], locale: 'en' });
    const error = await fx.system.members
      .create({ code: 'X9', name: '测试', roles: [{ role: 'office_staff' }], contacts: [{ channel: 'email', address: 'not-mail' }, { channel: 'email', address: 'a@b.cn' }], locale: 'fr' as 'en' })
      .then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const issues = (error as { details: { issues: { path: (string | number)[] }[] } }).details.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['contacts.0.address', 'contacts.1.channel', 'locale']));
  });

  it('refuses a channel name that is not one', () => {
    expect(thrown(() => parseOfficeConfig('routing: { fallback: { assign: { role: station_head } } }\nnotifications: { channels: { Email: x } }'), 'VALIDATION_FAILED').message).toContain('notifications.channels');
  });
});
