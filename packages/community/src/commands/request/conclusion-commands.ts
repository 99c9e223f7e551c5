import { z } from 'zod';
import { KechuangError } from '../../errors/kechuang-error.js';
import { satisfactionLevels } from '../../model/request.js';
import { requestCommand, targetFields, transitionEntry, type DecideArgs, type Decision } from './command-definition.js';
import { withSla } from './with-sla.js';
import { invalidReference } from './references.js';

/**
 * 回访: the follow-up call records the enterprise's rating. `unsatisfied` redoes the request
 * (重办): it goes back to its lead, and its outcome and rating are cleared so that it counts
 * once, with its final result.
 */
export const followUpCommand = requestCommand({
  name: 'follow_up',
  input: z.strictObject({
    ...targetFields,
    /** The enterprise's rating (回访评价): `satisfied`, `basically_satisfied` or `unsatisfied`. */
    rating: z.enum(satisfactionLevels),
    /** What the enterprise said, kept on the timeline. */
    comment: z.string().trim().max(5000).optional(),
    /**
     * Whether an `unsatisfied` rating redoes the request (重办). Give false to conclude it with
     * the rating instead, e.g. after a redo already failed or when the outcome cannot change.
     * @default true
     */
    redo: z.boolean().default(true),
  }),
  transition: (input) => (redoes(input) ? 'redo' : 'follow_up'),
  // A redo is routed again (the office's rules may now send it elsewhere); without a config
  // or an available member, the same lead redoes it.
  routes: (input) => (redoes(input) ? { exclude: [] } : null),
  decide({ request, input, now, to, routing, sla }) {
    if (redoes(input)) {
      const redone = redo({ request, input, now, to, routing });
      // The redo restarts the SLA clock.
      return withSla(redone, sla?.start(redone.request, now, 'redo'));
    }
    const comment = input.comment ?? null;
    return {
      request: { ...request, status: to ?? request.status, satisfaction: input.rating, closedAt: now },
      entries: [transitionEntry('followed_up', request, to, { rating: input.rating, comment })],
    };
  },
});

function redoes(input: { rating: string; redo: boolean }): boolean {
  return input.rating === 'unsatisfied' && input.redo;
}

/** The redo (重办) half of a follow-up: back to a lead, routed again when the office has rules. */
function redo({ request, input, now, to, routing }: Pick<DecideArgs<{ comment?: string | undefined; rating: string }>, 'request' | 'input' | 'now' | 'to' | 'routing'>): Decision {
  const comment = input.comment ?? null;
  const redone = { ...request, status: to ?? request.status, outcome: null, outcomeNote: null, satisfaction: null, redoCount: request.redoCount + 1, assignedAt: now };
  const entries = [
    { type: 'followed_up', data: { rating: input.rating, comment } },
    transitionEntry('redone', request, to, { redoCount: request.redoCount + 1, assigneeId: request.assigneeId }),
  ];
  if (routing && routing.decision.memberId !== null && to !== null) {
    const applied = routing.apply(redone, now, to);
    return { request: applied.request, entries: [...entries, ...applied.entries], parties: applied.parties };
  }
  return { request: redone, entries };
}

/** 办结 without a rating, e.g. when the enterprise could not be reached for the follow-up. */
export const closeCommand = requestCommand({
  name: 'close',
  input: z.strictObject({
    ...targetFields,
    /** Why it is concluded without a rating, kept on the timeline. */
    note: z.string().trim().max(2000).optional(),
  }),
  transition: () => 'close',
  decide: ({ request, input, now, to }) => ({
    request: { ...request, status: to ?? request.status, closedAt: now },
    entries: [transitionEntry('closed', request, to, { note: input.note ?? null })],
    cancelTimers: true,
  }),
});

/** Links a duplicate with nothing new to the request that is being handled. */
export const mergeCommand = requestCommand({
  name: 'merge',
  input: z.strictObject({
    ...targetFields,
    /** The original request this one duplicates; it must not itself be merged or withdrawn. */
    duplicateOfId: z.string().min(1),
    /** A note kept on the timeline. */
    note: z.string().trim().max(2000).optional(),
  }),
  transition: () => 'merge',
  references: (input) => ({ requests: [input.duplicateOfId] }),
  decide({ request, input, snapshot, now, to }) {
    const target = snapshot.requests.get(input.duplicateOfId);
    if (!target) throw invalidReference('duplicateOfId', `no request '${input.duplicateOfId}' that you can see. Use the id of the original request.`);
    if (target.id === request.id) throw invalidReference('duplicateOfId', 'a request cannot be a duplicate of itself.');
    if (target.status === 'merged' || target.status === 'withdrawn') {
      const hint = target.duplicateOfId ? ` Merge into '${target.duplicateOfId}' instead.` : '';
      throw new KechuangError('VALIDATION_FAILED', `Invalid duplicateOfId: that request is ${target.status}.${hint}`, {
        issues: [{ path: ['duplicateOfId'], message: `the original is ${target.status}`, code: 'invalid_reference' }],
      });
    }
    return {
      request: { ...request, status: to ?? request.status, duplicateOfId: target.id, closedAt: now },
      entries: [transitionEntry('merged', request, to, { duplicateOfId: target.id, note: input.note ?? null })],
      cancelTimers: true,
    };
  },
});

/** The enterprise (or the station for it) withdraws the request. */
export const withdrawCommand = requestCommand({
  name: 'withdraw',
  input: z.strictObject({
    ...targetFields,
    /** Why it is withdrawn, kept on the timeline (at least 2 characters). */
    reason: z.string().trim().min(2).max(2000),
  }),
  transition: () => 'withdraw',
  decide: ({ request, input, now, to }) => ({
    request: { ...request, status: to ?? request.status, closedAt: now },
    entries: [transitionEntry('withdrawn', request, to, { reason: input.reason })],
    cancelTimers: true,
  }),
});
