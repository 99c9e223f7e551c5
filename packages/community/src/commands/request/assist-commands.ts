import { z } from 'zod';
import { KechuangError } from '../../errors/kechuang-error.js';
import { attachmentSchema } from '../../model/attachment.js';
import type { AssistingUnit, ServiceRequest } from '../../model/request.js';
import type { ResolvedActor } from '../../auth/actor.js';
import type { JsonValue } from '../../storage/types.js';
import { requestCommand, targetFields } from './command-definition.js';
import { requireActiveMember, requireTeam } from './references.js';

/** The assisting unit the actor answers for: their own, else one of their teams'. */
function ownUnit(request: ServiceRequest, actor: ResolvedActor): number {
  const me = actor.member?.id;
  const own = request.assists.findIndex((a) => a.memberId !== null && a.memberId === me);
  if (own >= 0) return own;
  return request.assists.findIndex((a) => a.teamId !== null && actor.teamIds.has(a.teamId));
}

function notYet(command: string, request: ServiceRequest, message: string, allowed: string[]): KechuangError {
  return new KechuangError('INVALID_TRANSITION', message, { command, state: request.status, allowed });
}

/** 协办: adds an assisting member or team; the lead still replies for all. */
export const addAssistCommand = requestCommand({
  name: 'add_assist',
  input: z
    .strictObject({
      ...targetFields,
      /** The assisting member; give this or `teamId`, not both. */
      memberId: z.string().min(1).optional(),
      /** The assisting team; give this or `memberId`, not both. */
      teamId: z.string().min(1).optional(),
      /** What the assisting unit is asked to do. */
      note: z.string().trim().max(2000).optional(),
    })
    .refine((v) => (v.memberId === undefined) !== (v.teamId === undefined), {
      message: 'Give exactly one of memberId or teamId',
      path: ['memberId'],
    }),
  transition: () => 'add_assist',
  references: (input) => ({ members: [input.memberId], teams: [input.teamId] }),
  decide({ request, input, snapshot, now, sla }) {
    const memberId = input.memberId !== undefined ? requireActiveMember(snapshot, input.memberId, 'memberId').id : null;
    const teamId = input.teamId !== undefined ? requireTeam(snapshot, input.teamId, 'teamId').id : null;
    if (memberId !== null && memberId === request.assigneeId) {
      throw new KechuangError('VALIDATION_FAILED', 'Invalid memberId: this member already leads the request and cannot also assist.', {
        issues: [{ path: ['memberId'], message: 'is the lead', code: 'lead_cannot_assist' }],
      });
    }
    if (request.assists.some((a) => (memberId !== null && a.memberId === memberId) || (teamId !== null && a.teamId === teamId))) {
      throw new KechuangError('DUPLICATE', 'This member or team already assists on the request.', { fields: [memberId ? 'memberId' : 'teamId'] });
    }
    const unit: AssistingUnit = { memberId, teamId, status: 'pending', signedAt: null, signedById: null, contribution: null, contributedAt: null, dueAt: sla?.assistDueAt(now) ?? null };
    return {
      request: { ...request, assists: [...request.assists, unit] },
      entries: [{ type: 'assist_added', data: { memberId, teamId, note: input.note ?? null } }],
      parties: [{ partyKind: memberId ? 'member' : 'team', partyId: (memberId ?? teamId) as string, role: 'assist' }],
    };
  },
});

/** An assisting unit signs for its part. */
export const signAssistCommand = requestCommand({
  name: 'sign_assist',
  input: z.strictObject(targetFields),
  transition: () => 'sign_assist',
  decide({ request, actor, now }) {
    const i = ownUnit(request, actor);
    const unit = request.assists[i];
    if (!unit || unit.status !== 'pending') {
      throw notYet('sign_assist', request, 'Your assisting unit has already signed for this request.', ['contribute', 'note']);
    }
    const assists = request.assists.map((a, j) => (j === i ? { ...a, status: 'signed' as const, signedAt: now.toISOString(), signedById: actor.member?.id ?? null } : a));
    return { request: { ...request, assists }, entries: [{ type: 'assist_signed', data: { memberId: unit.memberId, teamId: unit.teamId } }] };
  },
});

/** An assisting unit files its contribution for the lead's reply. */
export const contributeCommand = requestCommand({
  name: 'contribute',
  input: z.strictObject({
    ...targetFields,
    /** The contribution, for the lead to use in the reply (at least 2 characters). */
    text: z.string().trim().min(2).max(20000),
    /** Files already in the blob store, at most 50. @default [] */
    attachments: z.array(attachmentSchema).max(50).default([]),
  }),
  transition: () => 'contribute',
  decide({ request, input, actor, now }) {
    const i = ownUnit(request, actor);
    const unit = request.assists[i];
    if (!unit || unit.status === 'pending') {
      throw notYet('contribute', request, 'Sign for your part of the request (sign_assist) before filing a contribution.', ['sign_assist']);
    }
    const assists = request.assists.map((a, j) => (j === i ? { ...a, status: 'contributed' as const, contribution: input.text, contributedAt: now.toISOString() } : a));
    return {
      request: { ...request, assists },
      entries: [{ type: 'assist_contributed', data: { memberId: unit.memberId, teamId: unit.teamId, text: input.text, attachments: input.attachments as unknown as JsonValue } }],
    };
  },
});
