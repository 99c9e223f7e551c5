import { z } from 'zod';
import { KechuangError } from '../../errors/kechuang-error.js';
import type { ServiceRequest } from '../../model/request.js';
import { requestCommand, targetFields, transitionEntry, type DecideArgs } from './command-definition.js';
import { requireActiveMember, requireTeam, requireTeamMember } from './references.js';

const assignFields = {
  ...targetFields,
  /** The lead (主办) member. */
  assigneeId: z.string().min(1),
  /** The team the assignee works for on this request, when assigned through a team. */
  teamId: z.string().min(1).nullable().default(null),
  /** A note for the assignee, e.g. what to look at first. */
  note: z.string().trim().max(2000).optional(),
};

function assignTo(args: DecideArgs<{ assigneeId: string; teamId: string | null }>): ServiceRequest {
  const { request, input, snapshot, now, to, sla } = args;
  const member = requireActiveMember(snapshot, input.assigneeId, 'assigneeId');
  if (input.teamId !== null) requireTeamMember(member, requireTeam(snapshot, input.teamId, 'teamId'), 'assigneeId');
  // A new lead gets a fresh respond limit.
  const timed = sla ? sla.assigned(request, now) : request;
  return {
    ...timed,
    status: to ?? request.status,
    assigneeId: member.id,
    assigneeTeamId: input.teamId,
    assignedAt: now,
    returnInfo: null,
  };
}

/** The new lead's respond deadline, recorded with the assignment when an SLA policy sets one. */
const respondDue = (request: ServiceRequest): { respondDueAt?: string } => (request.respondDueAt ? { respondDueAt: request.respondDueAt.toISOString() } : {});

const refs = (input: { assigneeId: string; teamId: string | null }) => ({ members: [input.assigneeId], teams: [input.teamId] });

/** 派单: the dispatcher assigns a new request to its lead. */
export const assignCommand = requestCommand({
  name: 'assign',
  input: z.strictObject(assignFields),
  transition: () => 'assign',
  references: refs,
  decide(args) {
    const request = assignTo(args);
    return {
      request,
      entries: [transitionEntry('assigned', args.request, args.to, { assigneeId: request.assigneeId, teamId: request.assigneeTeamId, note: args.input.note ?? null, ...respondDue(request) })],
    };
  },
});

/** 改派: the dispatcher moves a request that is being worked on to someone else. */
export const reassignCommand = requestCommand({
  name: 'reassign',
  input: z.strictObject({
    ...assignFields,
    /** Why it moves, kept on the timeline (at least 2 characters). */
    reason: z.string().trim().min(2).max(2000),
  }),
  transition: () => 'reassign',
  references: refs,
  decide(args) {
    if (args.input.assigneeId === args.request.assigneeId && args.input.teamId === args.request.assigneeTeamId) {
      throw new KechuangError('VALIDATION_FAILED', 'Invalid assigneeId: the request is already assigned to this member. Choose someone else.', {
        issues: [{ path: ['assigneeId'], message: 'already the assignee', code: 'unchanged' }],
      });
    }
    const request = assignTo(args);
    return {
      request,
      entries: [
        transitionEntry('reassigned', args.request, args.to, {
          ...respondDue(request),
          fromAssigneeId: args.request.assigneeId,
          assigneeId: request.assigneeId,
          teamId: request.assigneeTeamId,
          reason: args.input.reason,
        }),
      ],
    };
  },
});

/** 签收: the lead signs for the request. */
export const acceptCommand = requestCommand({
  name: 'accept',
  input: z.strictObject(targetFields),
  transition: () => 'accept',
  decide: ({ request, to, now }) => ({
    request: { ...request, status: to ?? request.status, respondedAt: now },
    entries: [transitionEntry('accepted', request, to)],
  }),
});

/** 退单: the lead says it is not theirs, with a reason and optionally who it belongs to. */
export const returnCommand = requestCommand({
  name: 'return',
  input: z.strictObject({
    ...targetFields,
    /** Why the request is not the lead's (at least 2 characters). */
    reason: z.string().trim().min(2, 'Say why the request is not yours (at least 2 characters)').max(2000),
    /** The member the lead thinks it belongs to, or null. @default null */
    suggestedOwnerId: z.string().min(1).nullable().default(null),
  }),
  transition: () => 'return',
  references: (input) => ({ members: [input.suggestedOwnerId] }),
  decide({ request, input, snapshot, actor, now, to, sla }) {
    const closesAt = sla?.returnWindowClosesAt(request);
    if (closesAt && now.getTime() > closesAt.getTime()) {
      throw new KechuangError(
        'INVALID_TRANSITION',
        `The return window closed at ${closesAt.toISOString()} (${sla?.policy.returnWindowWorkingDays} working days after assignment). Handle the request, or ask the dispatcher to reassign it.`,
        { command: 'return', state: request.status, allowed: ['accept', 'reply', 'note'], reason: 'return_window_closed', closedAt: closesAt.toISOString() },
      );
    }
    if (input.suggestedOwnerId !== null) requireActiveMember(snapshot, input.suggestedOwnerId, 'suggestedOwnerId');
    return {
      request: {
        ...request,
        status: to ?? request.status,
        returnInfo: { reason: input.reason, suggestedOwnerId: input.suggestedOwnerId, returnedById: actor.member?.id ?? '', returnedAt: now.toISOString() },
      },
      entries: [transitionEntry('returned', request, to, { reason: input.reason, suggestedOwnerId: input.suggestedOwnerId })],
    };
  },
});

/**
 * The dispatcher settles a return by assigning someone else: the member given, or — without
 * `assigneeId` — whoever the office's routing picks, passing over the member who returned it.
 */
export const redispatchCommand = requestCommand({
  name: 'redispatch',
  input: z.strictObject({
    ...assignFields,
    /** The new lead; leave it out to let routing pick one, passing over who returned it. */
    assigneeId: z.string().min(1).optional(),
  }),
  transition: () => 'redispatch',
  references: (input) => ({ members: [input.assigneeId], teams: [input.teamId] }),
  routes: (input, request) => (input.assigneeId === undefined ? { exclude: [request.returnInfo?.returnedById ?? request.assigneeId ?? ''] } : null),
  decide(args) {
    const { assigneeId } = args.input;
    if (assigneeId === undefined) {
      const routed = args.routing;
      if (!routed || routed.decision.memberId === null) {
        throw new KechuangError(
          'VALIDATION_FAILED',
          `Invalid assigneeId: ${routed ? 'routing found nobody available' : 'this office has no routing config'}, so give the member to assign.`,
          { issues: [{ path: ['assigneeId'], message: 'required when routing cannot choose', code: 'invalid_type' }] },
        );
      }
      const applied = routed.apply(args.sla ? args.sla.assigned(args.request, args.now) : args.request, args.now, args.to);
      return { request: applied.request, entries: applied.entries.map((e) => (e.type === 'assigned' ? { ...e, type: 'redispatched', data: { ...e.data, fromAssigneeId: args.request.assigneeId } } : e)), parties: applied.parties };
    }
    const request = assignTo({ ...args, input: { assigneeId, teamId: args.input.teamId } });
    return {
      request,
      entries: [
        transitionEntry('redispatched', args.request, args.to, {
          ...respondDue(request),
          fromAssigneeId: args.request.assigneeId,
          assigneeId: request.assigneeId,
          teamId: request.assigneeTeamId,
          note: args.input.note ?? null,
        }),
      ],
    };
  },
});

/** The dispatcher settles a return by overruling it: the same lead keeps the request. */
export const overruleReturnCommand = requestCommand({
  name: 'overrule_return',
  input: z.strictObject({
    ...targetFields,
    /** Why the lead must keep it, kept on the timeline (at least 2 characters). */
    reason: z.string().trim().min(2).max(2000),
  }),
  transition: () => 'overrule_return',
  references: (_input, request) => ({ members: [request.assigneeId] }),
  decide({ request: current, input, snapshot, now, to, sla }) {
    const request = sla ? sla.assigned(current, now) : current;
    if (request.assigneeId === null) {
      throw new KechuangError('INVALID_TRANSITION', 'This request has no previous assignee to return it to; use redispatch instead.', {
        command: 'overrule_return',
        state: request.status,
        allowed: ['redispatch'],
      });
    }
    requireActiveMember(snapshot, request.assigneeId, 'assigneeId');
    return {
      request: { ...request, status: to ?? request.status, returnInfo: null, assignedAt: now },
      entries: [transitionEntry('return_overruled', request, to, { reason: input.reason, assigneeId: request.assigneeId, ...respondDue(request) })],
    };
  },
});
