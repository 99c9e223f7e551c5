import { z } from 'zod';
import { codeSchema, idSchema, mobileSchema, nameSchema, type RecordBase } from './common.js';

/** The default portfolios (分管领域); offices may configure their own list. */
export const defaultPortfolios = ['economic_development', 'comprehensive_governance', 'public_affairs', 'party_building'] as const;

/**
 * A role a member holds. A member may hold several, e.g. a station head who also captains a
 * park. Roles that scope what a member sees carry the scope.
 */
export const memberRoleSchema = z.discriminatedUnion('role', [
  /** 专员: owns one portfolio in the service hall. */
  z.strictObject({ role: z.literal('commissioner'), portfolio: z.string().min(1).max(64) }),
  /** 站长: runs the public service station; receives returned requests. */
  z.strictObject({ role: z.literal('station_head') }),
  /** A configured dispatcher who may assign, re-assign and settle returns like the station head. */
  z.strictObject({ role: z.literal('dispatcher') }),
  /** 园区长: volunteer liaison for the given parks. */
  z.strictObject({ role: z.literal('captain'), parkIds: z.array(idSchema).min(1) }),
  /** 服务提供方: a specialist in a team, e.g. the legal station's lawyer. */
  z.strictObject({ role: z.literal('provider'), teamId: idSchema }),
  /** 街道工作人员: office staff who supervise across the office. */
  z.strictObject({ role: z.literal('office_staff') }),
  /** 企业联系人: a contact person of one enterprise. */
  z.strictObject({ role: z.literal('enterprise_contact'), enterpriseId: idSchema }),
]);
export type MemberRole = z.infer<typeof memberRoleSchema>;
export type RoleName = MemberRole['role'];

/** `away` members are skipped by routing; `left` members can no longer act. */
export const memberStatuses = ['active', 'away', 'left'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** The languages a member can be told things in. */
export const memberLocales = ['zh-CN', 'en'] as const;
export type MemberLocale = (typeof memberLocales)[number];

/**
 * Where a member can be reached on one notification channel: an e-mail address, a DingTalk,
 * WeCom or Feishu user id or mobile to @-mention, … The channel names the kind of notifier
 * (`email`, `dingtalk`, `wecom`, `feishu`, `webhook`, or a custom one).
 */
export const memberContactSchema = z.strictObject({
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'Use a channel name such as email, dingtalk, wecom or feishu')
    .max(32),
  address: z.string().trim().min(1).max(320),
});
export type MemberContact = z.infer<typeof memberContactSchema>;

const emailSchema = z.email();

/** One address per channel, and e-mail addresses that are e-mail addresses. */
const contactsSchema = z
  .array(memberContactSchema)
  .max(20)
  .superRefine((contacts, ctx) => {
    const seen = new Set<string>();
    contacts.forEach((contact, i) => {
      if (seen.has(contact.channel)) ctx.addIssue({ code: 'custom', path: [i, 'channel'], message: `'${contact.channel}' is listed twice; give one address per channel` });
      seen.add(contact.channel);
      if (contact.channel === 'email' && !emailSchema.safeParse(contact.address).success) {
        ctx.addIssue({ code: 'custom', path: [i, 'address'], message: 'not an e-mail address' });
      }
    });
  });

export const createMemberInput = z.strictObject({
  /** Staff number, unique in the office. */
  code: codeSchema,
  name: nameSchema,
  mobile: mobileSchema.nullable().default(null),
  email: z.email().nullable().default(null),
  roles: z.array(memberRoleSchema).min(1, 'A member needs at least one role'),
  status: z.enum(memberStatuses).default('active'),
  /** Where notifications reach the member besides `email`. @default [] */
  contacts: contactsSchema.default([]),
  /** The language the member is told things in. @default 'zh-CN' */
  locale: z.enum(memberLocales).default('zh-CN'),
});
export const updateMemberInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  mobile: mobileSchema.nullable().optional(),
  email: z.email().nullable().optional(),
  roles: z.array(memberRoleSchema).min(1).optional(),
  status: z.enum(memberStatuses).optional(),
  /** Replaces the member's contacts. */
  contacts: contactsSchema.optional(),
  locale: z.enum(memberLocales).optional(),
});

/** A person who acts in the system: staff, volunteer, specialist or enterprise contact. */
export interface Member extends RecordBase {
  name: string;
  mobile: string | null;
  email: string | null;
  roles: MemberRole[];
  status: MemberStatus;
  /**
   * Where notifications reach the member, one address per channel; `email` above also serves
   * the `email` channel when no contact names it. Absent or null (rows stored before members
   * had contacts) means none.
   */
  contacts?: MemberContact[] | null;
  /** The language the member is told things in; absent or null (rows stored before locales existed) means 'zh-CN'. */
  locale?: MemberLocale | null;
}
