/**
 * What each command sends, built from the inline form's values. Required texts are sent as
 * typed, even empty, so that the server (the one judge of input) answers beside the field;
 * optional ones are left out when empty.
 */
import type { UploadedAttachment } from '../../api.js';
import type { ActionName } from './allowed-actions.js';

export interface ActionValues {
  /** Every free text a form has: a reason, a note, a progress text, a contribution, a comment. */
  reason: string;
  note: string;
  contribution: string;
  comment: string;
  outcome: string;
  rating: string;
  workingDays: string;
  /** A member picked as the new handler, as `memberId` or `memberId@teamId`. */
  assignee: string;
  suggestedOwnerId: string;
  /** An assisting unit picked: `member:<id>` or `team:<id>`. */
  assist: string;
  /** `approve` or `refuse`. */
  decision: string;
  redo: boolean;
  attachments: UploadedAttachment[];
}

export const emptyValues: ActionValues = {
  reason: '',
  note: '',
  contribution: '',
  comment: '',
  outcome: '',
  rating: '',
  workingDays: '',
  assignee: '',
  suggestedOwnerId: '',
  assist: '',
  decision: '',
  redo: true,
  attachments: [],
};

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** `memberId@teamId` → the member and the team they would work for. */
function handler(value: string): { assigneeId?: string; teamId: string | null } {
  if (value === '') return { teamId: null };
  const [assigneeId = '', teamId] = value.split('@');
  return { assigneeId, teamId: teamId ?? null };
}

function whole(value: string): number | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The JSON body of `POST /api/requests/{id}/<command>` (the `version` makes a stale form a CONFLICT). */
export function bodyOf(action: ActionName, v: ActionValues, version: number): Record<string, unknown> {
  const base = { version };
  switch (action) {
    case 'accept':
    case 'start':
    case 'sign_assist':
      return base;
    case 'resume':
      return { ...base, note: optional(v.note) };
    case 'return':
      return { ...base, reason: v.reason, suggestedOwnerId: v.suggestedOwnerId === '' ? null : v.suggestedOwnerId };
    case 'pause':
    case 'overrule_return':
    case 'withdraw':
      return { ...base, reason: v.reason };
    case 'note':
      return { ...base, text: v.note, attachments: v.attachments };
    case 'reply':
      return { ...base, outcome: optional(v.outcome), note: v.note, attachments: v.attachments };
    case 'request_extension':
      return { ...base, workingDays: whole(v.workingDays), reason: v.reason };
    case 'contribute':
      return { ...base, text: v.contribution, attachments: v.attachments };
    case 'add_assist': {
      const [kind, id] = v.assist.split(':');
      return { ...base, ...(kind === 'team' ? { teamId: id } : kind === 'member' ? { memberId: id } : {}), note: optional(v.note) };
    }
    case 'follow_up':
      return { ...base, rating: optional(v.rating), comment: optional(v.comment), ...(v.rating === 'unsatisfied' ? { redo: v.redo } : {}) };
    case 'close':
    case 'supervise':
      return { ...base, note: optional(v.note) };
    case 'assign':
      return { ...base, ...handler(v.assignee), note: optional(v.note) };
    case 'redispatch':
      return { ...base, ...handler(v.assignee), note: optional(v.note) };
    case 'reassign':
      return { ...base, ...handler(v.assignee), reason: v.reason };
    case 'decide_extension':
      return { ...base, approve: v.decision === '' ? undefined : v.decision === 'approve', note: optional(v.note) };
  }
}
