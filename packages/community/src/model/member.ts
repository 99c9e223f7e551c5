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
  z.strictObject({
    /** Always `commissioner`. */
    role: z.literal('commissioner'),
    /** The portfolio id the commissioner owns, from the office config's `portfolios`. */
    portfolio: z.string().min(1).max(64),
  }),
  /** 站长: runs the public service station; receives returned requests. */
  z.strictObject({
    /** Always `station_head`. */
    role: z.literal('station_head'),
  }),
  /** A configured dispatcher who may assign, re-assign and settle returns like the station head. */
  z.strictObject({
    /** Always `dispatcher`. */
    role: z.literal('dispatcher'),
  }),
  /** 园区长: volunteer liaison for the given parks. */
  z.strictObject({
    /** Always `captain`. */
    role: z.literal('captain'),
    /** The parks the captain looks after (at least one). */
    parkIds: z.array(idSchema).min(1),
  }),
  /** 服务提供方: a specialist in a team, e.g. the legal station's lawyer. */
  z.strictObject({
    /** Always `provider`. */
    role: z.literal('provider'),
    /** The team the provider works in. */
    teamId: idSchema,
  }),
  /** 街道工作人员: office staff who supervise across the office. */
  z.strictObject({
    /** Always `office_staff`. */
    role: z.literal('office_staff'),
  }),
  /** 企业联系人: a contact person of one enterprise. */
  z.strictObject({
    /** Always `enterprise_contact`. */
    role: z.literal('enterprise_contact'),
    /** The enterprise the member speaks for. */
    enterpriseId: idSchema,
  }),
]);
/**
 * A role a member holds, with its scope: which portfolio, parks, team or enterprise.
 *
 * @useDeclaredType
 */
export type MemberRole = z.infer<typeof memberRoleSchema>;
/** The name of a role: `commissioner`, `station_head`, `dispatcher`, `captain`, `provider`, `office_staff` or `enterprise_contact`. */
export type RoleName = MemberRole['role'];

/** `away` members are skipped by routing; `left` members can no longer act. */
export const memberStatuses = ['active', 'away', 'left'] as const;
/**
 * A member's status: one of {@link memberStatuses}.
 *
 * @useDeclaredType
 */
export type MemberStatus = (typeof memberStatuses)[number];

/** The languages a member can be told things in. */
export const memberLocales = ['zh-CN', 'en'] as const;
/**
 * A language a member can be told things in: one of {@link memberLocales}.
 *
 * @useDeclaredType
 */
export type MemberLocale = (typeof memberLocales)[number];

/**
 * Where a member can be reached on one notification channel: an e-mail address, a DingTalk,
 * WeCom or Feishu user id or mobile to @-mention, … The channel names the kind of notifier
 * (`email`, `dingtalk`, `wecom`, `feishu`, `webhook`, or a custom one).
 */
export const memberContactSchema = z.strictObject({
  /** The notification channel, e.g. `email`, `dingtalk`, `wecom`, `feishu`. */
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'Use a channel name such as email, dingtalk, wecom or feishu')
    .max(32),
  /** The address on that channel: an e-mail address, a user id or a mobile number. */
  address: z.string().trim().min(1).max(320),
});
/**
 * Where a member can be reached on one notification channel.
 *
 * @useDeclaredType
 */
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

/** The input schema of `members.create`: a new member with at least one role. */
export const createMemberInput = z.strictObject({
  /** Staff number, unique in the office. */
  code: codeSchema,
  /** The member's name. */
  name: nameSchema,
  /** An 11-digit mainland mobile number, or null. @default null */
  mobile: mobileSchema.nullable().default(null),
  /** An e-mail address, or null; it also serves the `email` channel. @default null */
  email: z.email().nullable().default(null),
  /** The roles the member holds (at least one). */
  roles: z.array(memberRoleSchema).min(1, 'A member needs at least one role'),
  /** `active`, `away` (skipped by routing) or `left` (can no longer act). @default 'active' */
  status: z.enum(memberStatuses).default('active'),
  /** Where notifications reach the member besides `email`. @default [] */
  contacts: contactsSchema.default([]),
  /** The language the member is told things in. @default 'zh-CN' */
  locale: z.enum(memberLocales).default('zh-CN'),
});
/** The input schema of `members.update`: the member's id and the fields to change. */
export const updateMemberInput = z.strictObject({
  /** The member to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** A new mobile number, or null to remove it. */
  mobile: mobileSchema.nullable().optional(),
  /** A new e-mail address, or null to remove it. */
  email: z.email().nullable().optional(),
  /** Replaces the member's roles (at least one). */
  roles: z.array(memberRoleSchema).min(1).optional(),
  /** A new status: `active`, `away` or `left`. */
  status: z.enum(memberStatuses).optional(),
  /** Replaces the member's contacts. */
  contacts: contactsSchema.optional(),
  /** A new language to be told things in. */
  locale: z.enum(memberLocales).optional(),
});

/** A person who acts in the system: staff, volunteer, specialist or enterprise contact. */
export interface Member extends RecordBase {
  /** The member's name. */
  name: string;
  /** An 11-digit mainland mobile number, or null. */
  mobile: string | null;
  /** An e-mail address, or null. */
  email: string | null;
  /** The roles the member holds, each with its scope. */
  roles: MemberRole[];
  /** `active`, `away` (skipped by routing) or `left` (can no longer act). */
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
