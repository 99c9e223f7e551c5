import { z } from 'zod';
import { idSchema, tagsSchema } from './common.js';
import { attachmentSchema, type Attachment } from './attachment.js';

/** How a request reached the community (渠道). */
export const channels = ['phone', 'visit', 'captain_report', 'walk_in', 'online', 'hotline_12345'] as const;
/**
 * A channel (渠道) a request can come in by: one of {@link channels}.
 *
 * @useDeclaredType
 */
export type Channel = (typeof channels)[number];

/** Reply outcomes (办理结果). */
export const outcomes = ['solved', 'explained', 'unsolvable', 'out_of_scope'] as const;
/**
 * A reply outcome (办理结果): one of {@link outcomes}.
 *
 * @useDeclaredType
 */
export type Outcome = (typeof outcomes)[number];

/** Follow-up ratings (回访评价); `unsatisfied` redoes the request (重办). */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
/**
 * A follow-up rating (回访评价): one of {@link satisfactionLevels}.
 *
 * @useDeclaredType
 */
export type Satisfaction = (typeof satisfactionLevels)[number];

/**
 * Request priorities. A routing rule may raise one (`then.priority`) and a notification rule may
 * test it.
 */
export const priorities = ['normal', 'urgent'] as const;
/**
 * A request priority: one of {@link priorities}.
 *
 * @useDeclaredType
 */
export type Priority = (typeof priorities)[number];

/** A custom attribute value of a category (Open311-style service attributes). */
export const attributeValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]);
/**
 * The value of one category attribute: text, a number, a yes/no, or a list of chosen values.
 *
 * @useDeclaredType
 */
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** A reference to the same matter in another system, e.g. a 12345 ticket. */
export const externalRefSchema = z.strictObject({
  /** The other system, e.g. `12345`. */
  source: z.string().trim().min(1).max(64),
  /** The matter's id in that system. */
  id: z.string().trim().min(1).max(128),
});
/**
 * A reference to the same matter in another system (see {@link submitRequestInput}).
 *
 * @useDeclaredType
 */
export type ExternalRef = z.infer<typeof externalRefSchema>;

/** Who may be contacted about the request (masked in any outgoing message). */
export const contactSchema = z.strictObject({
  /** The contact person's name. */
  name: z.string().trim().min(1).max(100),
  /** Their phone number, or null. It is masked in every outgoing message. @default null */
  phone: z.string().trim().min(3).max(30).nullable().default(null),
});
/**
 * Who may be contacted about a request (masked in any outgoing message).
 *
 * @useDeclaredType
 */
export type Contact = z.infer<typeof contactSchema>;

/** The fields of a submitted request, shared by `submit` and `recordVisit`. */
export const submitRequestFields = {
  /** The community (社区) the request belongs to. */
  communityId: idSchema,
  /** The enterprise that raised it, if known. @default null */
  enterpriseId: idSchema.nullable().default(null),
  /** The park (园区) it concerns, if any. @default null */
  parkId: idSchema.nullable().default(null),
  /** The building (楼宇) it concerns, if any. @default null */
  buildingId: idSchema.nullable().default(null),
  /** How it came in (渠道). */
  channel: z.enum(channels),
  /** The category id from the office config; routing and the SLA policy follow from it. */
  category: z.string().trim().min(1).max(64),
  /** Values of the category's custom attributes, by attribute code. @default {} */
  attributes: z.record(z.string().min(1).max(64), attributeValueSchema).default({}),
  /** A one-line summary, at most 200 characters. */
  title: z.string().trim().min(1).max(200),
  /** The full account of the need or problem, at most 20,000 characters. @default '' */
  description: z.string().trim().max(20000).default(''),
  /** `urgent` or `normal`. @default 'normal' */
  priority: z.enum(priorities).default('normal'),
  /** Who to contact about it. @default null */
  contact: contactSchema.nullable().default(null),
  /** The same matter's id in another system, e.g. a 12345 ticket. @default null */
  externalRef: externalRefSchema.nullable().default(null),
  /** Files already stored in the community's blob store, at most 50. @default [] */
  attachments: z.array(attachmentSchema).max(50).default([]),
  /** Free-form tags. @default [] */
  tags: tagsSchema.default([]),
};

/**
 * The input schema of `requests.submit`: where the request comes from, what it is about and who to
 * contact. Unknown keys are refused.
 */
export const submitRequestInput = z.strictObject({
  ...submitRequestFields,
  /** A retried submit with the same key returns the request the first one created. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
/**
 * What `session.requests.submit()` takes, before defaults are applied.
 *
 * @useDeclaredType
 */
export type SubmitRequestInput = z.input<typeof submitRequestInput>;

/**
 * An assisting unit (协办) and how far its part has come. Like every timestamp inside a JSON
 * sub-record, `signedAt` and `contributedAt` are ISO-8601 strings, so that they survive any
 * storage adapter unchanged.
 */
export interface AssistingUnit {
  /** Either a member or a team assists. */
  memberId: string | null;
  /** The assisting team, when a team rather than a member assists; any of its members signs for it. */
  teamId: string | null;
  /**
   * `pending` until it signs for its part, `signed`, then `contributed` once it has filed its
   * contribution.
   */
  status: 'pending' | 'signed' | 'contributed';
  /** When it signed for its part (ISO-8601), or null. */
  signedAt: string | null;
  /** The member who signed for it, or null. */
  signedById: string | null;
  /** The text it filed for the lead's reply, or null. */
  contribution: string | null;
  /** When it filed its contribution (ISO-8601), or null. */
  contributedAt: string | null;
  /** When the contribution is due under the SLA policy's `assist` limit. */
  dueAt: string | null;
}

/** 督办: supervision of a request by office staff or the station head. */
export interface Supervision {
  /** The member who supervises, or null when the system did. */
  byId: string | null;
  /** ISO-8601. */
  at: string;
  /** What the supervisor asked for, or null. */
  note: string | null;
}

/** 延期: an extension request and its decision. Timestamps are ISO-8601. */
export interface ExtensionRecord {
  /** `requested` until decided, then `approved` or `refused`. */
  status: 'requested' | 'approved' | 'refused';
  /** How many working days the extension adds to the resolve deadline. */
  workingDays: number;
  /** Why the lead asked for more time. */
  reason: string;
  /** The member who asked, or null. */
  requestedById: string | null;
  /** When it was asked for (ISO-8601). */
  requestedAt: string;
  /** The member who decided, or null while undecided. */
  decidedById: string | null;
  /** When it was decided (ISO-8601), or null. */
  decidedAt: string | null;
  /** The decider's note, or null. */
  note: string | null;
  /** The deadline before and after an approval, ISO-8601. */
  previousDueAt: string | null;
  /** The deadline after an approval (ISO-8601); null while undecided or when refused. */
  newDueAt: string | null;
}

/** How routing placed a request, kept on it for lists and audits. */
export interface RoutingRecord {
  /** The version of the office config that routed it. */
  configVersion: number;
  /** The routing rule that matched, or null for the fallback or no match. */
  ruleId: string | null;
  /**
   * `rule` when a rule placed it, `fallback` when the fallback did, `none` when nobody could be
   * found.
   */
  source: 'rule' | 'fallback' | 'none';
  /** A short, human-readable account of the decision. */
  reason: string;
}

/** A return (退单) waiting for the dispatcher. */
export interface ReturnInfo {
  /** Why the assignee returned it. */
  reason: string;
  /** The member the assignee suggests instead, or null. */
  suggestedOwnerId: string | null;
  /** The member who returned it. */
  returnedById: string;
  /** ISO-8601. */
  returnedAt: string;
}

/** An enterprise request (诉求): the aggregate the workflow moves around the closed loop. */
export interface ServiceRequest {
  /** The request's id. */
  id: string;
  /** The street office (街道) that owns it. */
  officeId: string;
  /** The community it belongs to. */
  communityId: string;
  /** The enterprise that raised it, or null. */
  enterpriseId: string | null;
  /** The park it concerns, or null. */
  parkId: string | null;
  /** The building it concerns, or null. */
  buildingId: string | null;
  /** The visit (走访) it was recorded on, or null. */
  visitId: string | null;
  /** How it came in (渠道). */
  channel: Channel;
  /** Its category id in the office config. */
  category: string;
  /** The category's custom attribute values, by code. */
  attributes: Record<string, AttributeValue>;
  /** The one-line summary. */
  title: string;
  /** The full account. */
  description: string;
  /** `normal` or `urgent`. */
  priority: Priority;
  /** Who to contact, or null. */
  contact: Contact | null;
  /** The matter's id in another system, or null. */
  externalRef: ExternalRef | null;
  /** Metadata of its attachments; the bytes are in the blob store. */
  attachments: Attachment[];
  /** Free-form tags, including those routing rules added. */
  tags: string[];
  /** Its state in the workflow; with the default workflow one of {@link RequestState}. */
  status: string;
  /** The lead (主办) member, and the team it works for when assigned through a team. */
  assigneeId: string | null;
  /** The team the lead was assigned through, or null. */
  assigneeTeamId: string | null;
  /** When it was last assigned (a redo counts as an assignment). */
  assignedAt: Date | null;
  /** The assisting units (协办) and how far each has come. */
  assists: AssistingUnit[];
  /** The pending return (退单), while it waits for the dispatcher; otherwise null. */
  returnInfo: ReturnInfo | null;
  /** The outcome of the reply in force (办理结果), or null before a reply and after a redo. */
  outcome: Outcome | null;
  /** What was done, as the lead wrote it in the reply, or null. */
  outcomeNote: string | null;
  /** The follow-up rating (回访评价), or null before the follow-up. */
  satisfaction: Satisfaction | null;
  /** How many times an unsatisfied follow-up sent it back to be redone (重办). */
  redoCount: number;
  /** The request it was merged into as a duplicate, or null. */
  duplicateOfId: string | null;
  /** The member who submitted it, or null when no member did (an enterprise, an import, the system). */
  submittedById: string | null;
  /** The key of the submit that created it, or null. */
  idempotencyKey: string | null;
  /** When it was submitted. */
  createdAt: Date;
  /** When it last changed. */
  updatedAt: Date;
  /** When it reached a terminal state (closed, withdrawn, merged), or null. */
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
