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

export const createMemberInput = z.strictObject({
  /** Staff number, unique in the office. */
  code: codeSchema,
  name: nameSchema,
  mobile: mobileSchema.nullable().default(null),
  email: z.email().nullable().default(null),
  roles: z.array(memberRoleSchema).min(1, 'A member needs at least one role'),
  status: z.enum(memberStatuses).default('active'),
});
export const updateMemberInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  mobile: mobileSchema.nullable().optional(),
  email: z.email().nullable().optional(),
  roles: z.array(memberRoleSchema).min(1).optional(),
  status: z.enum(memberStatuses).optional(),
});

/** A person who acts in the system: staff, volunteer, specialist or enterprise contact. */
export interface Member extends RecordBase {
  name: string;
  mobile: string | null;
  email: string | null;
  roles: MemberRole[];
  status: MemberStatus;
}
