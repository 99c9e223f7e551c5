import { z } from 'zod';
import { idSchema, tagsSchema } from './common.js';
import { attachmentSchema, type Attachment } from './attachment.js';

/** How a request reached the community (渠道). */
export const channels = ['phone', 'visit', 'captain_report', 'walk_in', 'online', 'hotline_12345'] as const;
export type Channel = (typeof channels)[number];

/** Reply outcomes (办理结果). */
export const outcomes = ['solved', 'explained', 'unsolvable', 'out_of_scope'] as const;
export type Outcome = (typeof outcomes)[number];

/** Follow-up ratings (回访评价); `unsatisfied` redoes the request (重办). */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

export const priorities = ['normal', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

/** A custom attribute value of a category (Open311-style service attributes). */
export const attributeValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** A reference to the same matter in another system, e.g. a 12345 ticket. */
export const externalRefSchema = z.strictObject({
  source: z.string().trim().min(1).max(64),
  id: z.string().trim().min(1).max(128),
});
export type ExternalRef = z.infer<typeof externalRefSchema>;

/** Who may be contacted about the request (masked in any outgoing message). */
export const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(3).max(30).nullable().default(null),
});
export type Contact = z.infer<typeof contactSchema>;

/** The fields of a submitted request, shared by `submit` and `recordVisit`. */
export const submitRequestFields = {
  communityId: idSchema,
  enterpriseId: idSchema.nullable().default(null),
  parkId: idSchema.nullable().default(null),
  buildingId: idSchema.nullable().default(null),
  channel: z.enum(channels),
  category: z.string().trim().min(1).max(64),
  attributes: z.record(z.string().min(1).max(64), attributeValueSchema).default({}),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20000).default(''),
  priority: z.enum(priorities).default('normal'),
  contact: contactSchema.nullable().default(null),
  externalRef: externalRefSchema.nullable().default(null),
  attachments: z.array(attachmentSchema).max(50).default([]),
  tags: tagsSchema.default([]),
};

export const submitRequestInput = z.strictObject({
  ...submitRequestFields,
  /** A retried submit with the same key returns the request the first one created. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type SubmitRequestInput = z.input<typeof submitRequestInput>;

/**
 * An assisting unit (协办) and how far its part has come. Like every timestamp inside a JSON
 * sub-record, `signedAt` and `contributedAt` are ISO-8601 strings, so that they survive any
 * storage adapter unchanged.
 */
export interface AssistingUnit {
  /** Either a member or a team assists. */
  memberId: string | null;
  teamId: string | null;
  status: 'pending' | 'signed' | 'contributed';
  signedAt: string | null;
  signedById: string | null;
  contribution: string | null;
  contributedAt: string | null;
  /** When the contribution is due under the SLA policy's `assist` limit. */
  dueAt: string | null;
}

/** 督办: supervision of a request by office staff or the station head. */
export interface Supervision {
  byId: string | null;
  /** ISO-8601. */
  at: string;
  note: string | null;
}

/** 延期: an extension request and its decision. Timestamps are ISO-8601. */
export interface ExtensionRecord {
  status: 'requested' | 'approved' | 'refused';
  workingDays: number;
  reason: string;
  requestedById: string | null;
  requestedAt: string;
  decidedById: string | null;
  decidedAt: string | null;
  note: string | null;
  /** The deadline before and after an approval, ISO-8601. */
  previousDueAt: string | null;
  newDueAt: string | null;
}

/** How routing placed a request, kept on it for lists and audits. */
export interface RoutingRecord {
  configVersion: number;
  ruleId: string | null;
  source: 'rule' | 'fallback' | 'none';
  reason: string;
}

/** A return (退单) waiting for the dispatcher. */
export interface ReturnInfo {
  reason: string;
  suggestedOwnerId: string | null;
  returnedById: string;
  /** ISO-8601. */
  returnedAt: string;
}

/** An enterprise request (诉求): the aggregate the workflow moves around the closed loop. */
export interface ServiceRequest {
  id: string;
  officeId: string;
  communityId: string;
  enterpriseId: string | null;
  parkId: string | null;
  buildingId: string | null;
  visitId: string | null;
  channel: Channel;
  category: string;
  attributes: Record<string, AttributeValue>;
  title: string;
  description: string;
  priority: Priority;
  contact: Contact | null;
  externalRef: ExternalRef | null;
  attachments: Attachment[];
  tags: string[];
  status: string;
  /** The lead (主办) member, and the team it works for when assigned through a team. */
  assigneeId: string | null;
  assigneeTeamId: string | null;
  assignedAt: Date | null;
  assists: AssistingUnit[];
  returnInfo: ReturnInfo | null;
  outcome: Outcome | null;
  outcomeNote: string | null;
  satisfaction: Satisfaction | null;
  redoCount: number;
  duplicateOfId: string | null;
  submittedById: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Members (ids) who follow the request: supervisors, rule watchers. */
  watchers: string[];
  /** The SLA policy in force, from the category or a routing rule. */
  slaPolicy: string | null;
  /** How routing last placed the request: the config version, the rule and why. */
  routing: RoutingRecord | null;
  /** SLA: when the lead must sign for it (签收); null without an SLA policy. */
  respondDueAt: Date | null;
  /** SLA: when it must be replied to (反馈); an approved extension replaces it. */
  resolveDueAt: Date | null;
  /** When the SLA clock last started (submit, or a redo). */
  slaStartedAt: Date | null;
  /** When the light turns yellow (the last reminder before the deadline). */
  dueSoonAt: Date | null;
  /** When the lead signed for it. */
  respondedAt: Date | null;
  /** Since when it is paused (waiting on the enterprise); the paused working time is added back on resume. */
  pausedAt: Date | null;
  /** How many escalation steps have fired. */
  escalationLevel: number;
  /** 督办: who supervises it, since when. */
  supervision: Supervision | null;
  /** 延期: the latest extension request and its decision. */
  extension: ExtensionRecord | null;
  /**
   * The portfolio (分管领域) of the request's category when it was submitted, so that metrics
   * by portfolio keep counting a request where it was handled even after the config changes.
   */
  portfolio: string | null;
  /** When the lead gave the reply in force (反馈); cleared by a redo until the next reply. */
  repliedAt: Date | null;
  /** When the request was first returned (退单). */
  firstReturnedAt: Date | null;
  /** When an extension (延期) was first approved. */
  extendedAt: Date | null;
  /** When the request was first supervised (督办). */
  supervisedAt: Date | null;
  /**
   * Working time (ms, office hours only) from the assignment to the sign-for in force,
   * recorded at sign-for so that metrics need no calendar.
   */
  respondWorkMs: number | null;
  /** Working time (ms) from submission to conclusion (办结), recorded when it is concluded. */
  concludeWorkMs: number | null;
  /** Raised by exactly one for every committed command. */
  version: number;
}
