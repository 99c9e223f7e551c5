import { routingConfig } from '../../__fixtures__/routing-config.js';
import { smallOffice, type SmallOffice } from '../../__fixtures__/small-office.js';
import type { CommunityOptions } from '../../community.js';
import type { OfficeConfigInput } from '../../config/config-schema.js';
import type { MemberContact, MemberLocale } from '../../model/member.js';
import { runtimeOf } from '../../pipeline/runtime-registry.js';
import type { Plugin } from '../../plugins/define-plugin.js';
import type { Row } from '../../storage/types.js';

/** Shanghai wall-clock time as an instant. */
export const sh = (local: string): Date => new Date(`${local}+08:00`);

/**
 * The small office's config with an SLA policy (reminders, a two-step ladder) and
 * `notifications` (none for null).
 */
export function notifyConfig(notifications: OfficeConfigInput['notifications'] | null = { channels: { email: 'smtp-main', dingtalk: 'ding-bot' } }): OfficeConfigInput {
  const config = routingConfig();
  config.slaPolicies = [
    {
      id: 'assistance',
      labels: { 'zh-CN': '求助类', en: 'Assistance' },
      respond: { workingHours: 4 },
      resolve: { workingDays: 5 },
      reminders: [0.5, 1],
      escalation: [
        { afterWorkingDays: 0, notify: ['station_head'] },
        { afterWorkingDays: 2, notify: ['office_staff'] },
      ],
    },
  ];
  return notifications === null ? config : { ...config, notifications };
}

/** Who can be reached where in {@link notifyOffice}. */
const reach: Record<string, { contacts?: MemberContact[]; email?: string; mobile?: string; locale?: MemberLocale }> = {
  stationHead: { contacts: [{ channel: 'dingtalk', address: '13800000001' }] },
  dispatcher: { email: 'dispatch@mengchuang.example' },
  officeStaff: { email: 'staff@mengchuang.example' },
  lead: { contacts: [{ channel: 'email', address: 'lead@mengchuang.example' }, { channel: 'dingtalk', address: '13800000005' }] },
  assisting: { email: 'assist@mengchuang.example' },
  captain: { email: 'captain@mengchuang.example' },
  otherCaptain: { email: 'captain2@mengchuang.example' },
  contact: { email: 'contact@enterprise.example', locale: 'en' },
  otherContact: { email: 'contact2@enterprise.example' },
  // The commissioner and the other provider have no contact at all.
};

/**
 * The small office with {@link notifyConfig} (or `config`), its members given contacts, at
 * Monday 2026-03-02 09:00 in Shanghai.
 */
export async function notifyOffice<const P extends readonly Plugin[] = []>(config: OfficeConfigInput | null = notifyConfig(), options: Partial<CommunityOptions<P>> = {}) {
  const fx = await smallOffice(options);
  for (const [key, contact] of Object.entries(reach)) {
    const member = fx.members[key as keyof SmallOffice['members']];
    await fx.system.members.update({ id: member.id, ...contact });
  }
  if (config) await fx.system.config.update(config);
  fx.clock.set(sh('2026-03-02T09:00:00'));
  return fx;
}

export type NotifyOffice = Awaited<ReturnType<typeof notifyOffice>>;

/** The outbox rows of a request (or of the office), oldest first. */
export async function outbox(fx: SmallOffice, requestId?: string): Promise<Row[]> {
  const where = [{ field: 'officeId', value: fx.office.id }, ...(requestId ? [{ field: 'requestId', value: requestId }] : [])];
  return runtimeOf(fx.community).storage.findMany({ model: 'outbox', where, orderBy: [{ field: 'createdAt' }, { field: 'id' }] });
}

/** Rows as `<event> <member code or channel> <channel>`, sorted, for readable expectations. */
export function told(fx: SmallOffice, rows: readonly Row[]): string[] {
  const codes = new Map(Object.values(fx.members).map((m) => [m.id, m.code]));
  return rows.map((r) => `${r['event'] as string} ${r['recipientMemberId'] ? (codes.get(r['recipientMemberId'] as string) ?? '?') : '-'} ${r['channel'] as string}`).sort();
}
