import { z } from 'zod';
import { attachmentSchema } from '../../model/attachment.js';
import { outcomes } from '../../model/request.js';
import type { JsonValue } from '../../storage/types.js';
import { requestCommand, targetFields, transitionEntry } from './command-definition.js';
import { withSla } from './with-sla.js';

const attachments = z.array(attachmentSchema).max(50).default([]);
const json = (value: unknown): JsonValue => value as JsonValue;

/** 办理: the lead starts working on it. */
export const startCommand = requestCommand({
  name: 'start',
  input: z.strictObject(targetFields),
  transition: () => 'start',
  decide: ({ request, to }) => ({ request: { ...request, status: to ?? request.status }, entries: [transitionEntry('started', request, to)] }),
});

/** Waiting on the enterprise (e.g. for documents); the SLA clock pauses. */
export const pauseCommand = requestCommand({
  name: 'pause',
  input: z.strictObject({
    ...targetFields,
    /** What the lead is waiting for, kept on the timeline (at least 2 characters). */
    reason: z.string().trim().min(2).max(2000),
  }),
  transition: () => 'pause',
  decide: ({ request, input, to, now, sla }) =>
    withSla({ request: { ...request, status: to ?? request.status }, entries: [transitionEntry('paused', request, to, { reason: input.reason })] }, sla?.pause({ ...request, status: to ?? request.status }, now)),
});

/** The enterprise has answered: work goes on and the paused working time is added back to the deadline. */
export const resumeCommand = requestCommand({
  name: 'resume',
  input: z.strictObject({
    ...targetFields,
    /** What came in, kept on the timeline. */
    note: z.string().trim().max(2000).optional(),
  }),
  transition: () => 'resume',
  decide: ({ request, input, to, now, sla }) =>
    withSla({ request: { ...request, status: to ?? request.status }, entries: [transitionEntry('resumed', request, to, { note: input.note ?? null })] }, sla?.resume({ ...request, status: to ?? request.status }, now)),
});

/** 反馈: the lead replies with an outcome, for itself and every assisting unit. */
export const replyCommand = requestCommand({
  name: 'reply',
  input: z.strictObject({
    ...targetFields,
    /** The outcome (办理结果): `solved`, `explained`, `unsolvable` or `out_of_scope`. */
    outcome: z.enum(outcomes),
    /** What was done, or for `unsolvable` why it cannot be solved. */
    note: z.string().trim().min(2, 'Say what was done (at least 2 characters)').max(20000),
    /** Files already in the blob store, at most 50. @default [] */
    attachments,
  }),
  transition: () => 'reply',
  decide: ({ request, input, to }) => ({
    request: { ...request, status: to ?? request.status, outcome: input.outcome, outcomeNote: input.note, pausedAt: null },
    entries: [transitionEntry('replied', request, to, { outcome: input.outcome, note: input.note, attachments: json(input.attachments) })],
    // Replied: nothing more to remind about until a redo restarts the clock.
    cancelTimers: true,
  }),
});

/** A progress note (办理进展), optionally with attachments; the state does not change. */
export const noteCommand = requestCommand({
  name: 'note',
  input: z.strictObject({
    ...targetFields,
    /** The note, at most 20,000 characters. */
    text: z.string().trim().min(1).max(20000),
    /** Files already in the blob store, at most 50. @default [] */
    attachments,
  }),
  transition: () => 'note',
  decide: ({ request, input }) => ({
    request,
    entries: [{ type: 'note', data: { text: input.text, attachments: json(input.attachments) } }],
  }),
});
