import { z } from 'zod';
import { KechuangError } from '../../errors/kechuang-error.js';
import { requestCommand, targetFields } from './command-definition.js';
import { withSla } from './with-sla.js';

function noPolicy(command: string, state: string, why: string): KechuangError {
  return new KechuangError('INVALID_TRANSITION', why, { command, state, allowed: [] });
}

/** 延期: the lead asks for more time, with a reason, before the deadline. */
export const requestExtensionCommand = requestCommand({
  name: 'request_extension',
  input: z.strictObject({
    ...targetFields,
    /** How many working days to add to the resolve deadline; the policy caps it. */
    workingDays: z.number().int().positive().max(365),
    /** Why more time is needed (at least 2 characters). */
    reason: z.string().trim().min(2).max(2000),
  }),
  transition: () => 'request_extension',
  decide({ request, input, actor, now, sla }) {
    const rules = sla?.policy.extension;
    if (!sla || !rules || !request.resolveDueAt) {
      throw noPolicy('request_extension', request.status, `This request's SLA policy (${request.slaPolicy ?? 'none'}) allows no extensions.`);
    }
    if (now.getTime() >= request.resolveDueAt.getTime()) {
      throw noPolicy('request_extension', request.status, `Extensions must be asked for before the deadline (${request.resolveDueAt.toISOString()}); ask the station head to supervise or reassign instead.`);
    }
    if (input.workingDays > rules.maxWorkingDays) {
      throw new KechuangError('VALIDATION_FAILED', `Invalid workingDays: policy ${sla.policy.id} allows at most ${rules.maxWorkingDays} working days.`, {
        issues: [{ path: ['workingDays'], message: `at most ${rules.maxWorkingDays}`, code: 'too_big' }],
      });
    }
    if (request.extension?.status === 'requested') {
      throw new KechuangError('DUPLICATE', 'An extension is already waiting for a decision.', { fields: ['extension'] });
    }
    return {
      request: {
        ...request,
        extension: { status: 'requested', workingDays: input.workingDays, reason: input.reason, requestedById: actor.member?.id ?? null, requestedAt: now.toISOString(), decidedById: null, decidedAt: null, note: null, previousDueAt: null, newDueAt: null },
      },
      entries: [{ type: 'extension_requested', data: { workingDays: input.workingDays, reason: input.reason, resolveDueAt: request.resolveDueAt.toISOString() } }],
    };
  },
});

/** Approves or refuses a pending extension; only the roles the policy names may decide. */
export const decideExtensionCommand = requestCommand({
  name: 'decide_extension',
  input: z.strictObject({
    ...targetFields,
    /** True to approve (the deadline moves), false to refuse (it stays). */
    approve: z.boolean(),
    /** The decider's note, kept with the extension. */
    note: z.string().trim().max(2000).optional(),
  }),
  transition: () => 'decide_extension',
  decide({ request, input, actor, now, sla }) {
    const pending = request.extension;
    if (!sla || !pending || pending.status !== 'requested') {
      throw noPolicy('decide_extension', request.status, 'There is no extension waiting for a decision on this request.');
    }
    const approvers = sla.policy.extension?.approvers ?? [];
    if (actor.kind !== 'system' && !approvers.some((role) => actor.roleNames.has(role))) {
      throw new KechuangError('FORBIDDEN', `Only ${approvers.join(', ')} may decide extensions under policy ${sla.policy.id}.`, { command: 'decide_extension', required: approvers });
    }
    const decided = { ...pending, decidedById: actor.member?.id ?? null, decidedAt: now.toISOString(), note: input.note ?? null };
    if (!input.approve) {
      return { request: { ...request, extension: { ...decided, status: 'refused' } }, entries: [{ type: 'extension_refused', data: { note: input.note ?? null } }] };
    }
    const change = sla.extend(request, pending.workingDays, now);
    const newDueAt = change.request.resolveDueAt?.toISOString() ?? null;
    const extension = { ...decided, status: 'approved' as const, previousDueAt: request.resolveDueAt?.toISOString() ?? null, newDueAt };
    return withSla(
      { request, entries: [{ type: 'extension_approved', data: { workingDays: pending.workingDays, previousDueAt: extension.previousDueAt, newDueAt, note: input.note ?? null } }] },
      { ...change, request: { ...change.request, extension } },
    );
  },
});

/** 督办: office staff or the station head supervise a request; they join its watchers. */
export const superviseCommand = requestCommand({
  name: 'supervise',
  input: z.strictObject({
    ...targetFields,
    /** What the supervisor asks for, kept with the supervision. */
    note: z.string().trim().max(2000).optional(),
  }),
  transition: () => 'supervise',
  decide({ request, input, actor, now }) {
    const me = actor.member?.id ?? null;
    return {
      request: {
        ...request,
        supervision: { byId: me, at: now.toISOString(), note: input.note ?? null },
        watchers: me && !request.watchers.includes(me) ? [...request.watchers, me] : request.watchers,
      },
      entries: [{ type: 'supervised', data: { note: input.note ?? null, assigneeId: request.assigneeId } }],
    };
  },
});
