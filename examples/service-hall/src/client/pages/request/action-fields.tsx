/**
 * The inputs of each command's inline form, each inside a `Field` bound to the path the
 * server reports it under, so that a refusal shows beside the input it concerns.
 */
import type { ApiProblem } from '../../api.js';
import { Field, fieldAria } from '../../components/field.js';
import { useShared } from '../../shared-texts.js';
import type { ActionValues } from './action-body.js';
import { useActionTexts } from './action-texts.js';
import { AttachmentField } from './attachment-field.js';
import type { ActionName } from './allowed-actions.js';
import { MemberPicker } from './member-picker.js';
import type { Req } from './request-data.js';

export interface ActionFieldsProps {
  action: ActionName;
  request: Req;
  values: ActionValues;
  set<K extends keyof ActionValues>(key: K, value: ActionValues[K]): void;
  problem: ApiProblem | null;
  onUploading(busy: boolean): void;
}

/** The paths each command's form shows beside its inputs; a problem elsewhere is shown above the buttons. */
const SHOWN: Record<ActionName, readonly string[]> = {
  accept: [],
  start: [],
  sign_assist: [],
  resume: ['note'],
  return: ['reason', 'suggestedOwnerId'],
  pause: ['reason'],
  note: ['text', 'attachments'],
  reply: ['outcome', 'note', 'attachments'],
  request_extension: ['workingDays', 'reason'],
  contribute: ['text', 'attachments'],
  add_assist: ['memberId', 'teamId', 'note'],
  follow_up: ['rating', 'comment'],
  close: ['note'],
  supervise: ['note'],
  assign: ['assigneeId', 'note'],
  redispatch: ['assigneeId', 'note'],
  reassign: ['assigneeId', 'reason'],
  overrule_return: ['reason'],
  withdraw: ['reason'],
  decide_extension: ['approve', 'note'],
};

/** Whether the form shows every field the problem names beside its input. */
export function shownBesideFields(action: ActionName, problem: ApiProblem): boolean {
  const fields = Object.keys(problem.fields);
  return fields.length > 0 && fields.every((path) => SHOWN[action].some((shown) => path === shown || path.startsWith(`${shown}.`)));
}

const OUTCOMES = ['solved', 'explained', 'unsolvable', 'out_of_scope'] as const;
const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

export function ActionFields({ action, request, values, set, problem, onUploading }: ActionFieldsProps) {
  const t = useActionTexts();
  const shared = useShared();
  const optional = (label: string): string => `${label}${t.field.optional}`;

  /** A textarea for one of the free texts, reported by the server under `path`. */
  const text = (id: string, key: 'reason' | 'note' | 'contribution' | 'comment', path: string, label: string, required: boolean, hint?: string) => (
    <Field id={id} label={required ? label : optional(label)} path={path} problem={problem} required={required} {...(hint ? { hint } : {})}>
      <textarea id={id} class="input" rows={3} value={values[key]} onInput={(e) => set(key, e.currentTarget.value)} {...fieldAria(id, path, problem)} />
    </Field>
  );
  /** A select of fixed choices, each in the shared words, reported by the server under `key`. */
  const choice = (id: string, key: 'outcome' | 'rating', label: string, options: readonly string[], words: Record<string, string>) => (
    <Field id={id} label={label} path={key} problem={problem} required>
      <select id={id} class="input" value={values[key]} onChange={(e) => set(key, e.currentTarget.value)} {...fieldAria(id, key, problem)}>
        <option value="">{t.field.choose}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {words[option]}
          </option>
        ))}
      </select>
    </Field>
  );
  const attachments = (
    <AttachmentField id="action-attachments" value={values.attachments} onChange={(next) => set('attachments', next)} onBusy={onUploading} commandError={problem?.field('attachments')} />
  );
  const handler = (path: string, emptyLabel: string, exclude: readonly string[] = []) => (
    <Field id="action-assignee" label={action === 'redispatch' ? optional(t.field.assignee) : t.field.assignee} path={path} problem={problem} required={action !== 'redispatch'}>
      <MemberPicker id="action-assignee" value={values.assignee} onChange={(v) => set('assignee', v)} parkId={request.parkId} exclude={exclude} emptyLabel={emptyLabel} aria={fieldAria('action-assignee', path, problem)} />
    </Field>
  );

  switch (action) {
    case 'accept':
    case 'start':
    case 'sign_assist':
      return null;
    case 'resume':
      return text('action-note', 'note', 'note', t.field.resumeNote, false);
    case 'return':
      return (
        <>
          {text('action-reason', 'reason', 'reason', t.field.returnReason, true)}
          <Field id="action-suggested-owner" label={optional(t.field.suggestedOwner)} path="suggestedOwnerId" problem={problem}>
            <MemberPicker
              id="action-suggested-owner"
              value={values.suggestedOwnerId}
              onChange={(v) => set('suggestedOwnerId', v.split('@')[0] ?? '')}
              parkId={request.parkId}
              exclude={request.assigneeId ? [request.assigneeId] : []}
              emptyLabel={t.field.choose}
              aria={fieldAria('action-suggested-owner', 'suggestedOwnerId', problem)}
            />
          </Field>
        </>
      );
    case 'pause':
      return text('action-reason', 'reason', 'reason', t.field.pauseReason, true);
    case 'note':
      return (
        <>
          {text('action-note', 'note', 'text', t.field.progress, true)}
          {attachments}
        </>
      );
    case 'reply':
      return (
        <>
          {choice('action-outcome', 'outcome', t.field.outcome, OUTCOMES, shared.outcome)}
          {text('action-note', 'note', 'note', t.field.replyNote, true, t.field.replyNoteHint)}
          {attachments}
        </>
      );
    case 'request_extension':
      return (
        <>
          <Field id="action-working-days" label={t.field.workingDays} path="workingDays" problem={problem} required>
            <input id="action-working-days" class="input rd-input--short" type="number" inputMode="numeric" min={1} step={1} value={values.workingDays} onInput={(e) => set('workingDays', e.currentTarget.value)} {...fieldAria('action-working-days', 'workingDays', problem)} />
          </Field>
          {text('action-reason', 'reason', 'reason', t.field.extensionReason, true)}
        </>
      );
    case 'contribute':
      return (
        <>
          {text('action-contribution', 'contribution', 'text', t.field.contribution, true)}
          {attachments}
        </>
      );
    case 'add_assist': {
      const path = problem?.field('teamId') !== undefined ? 'teamId' : 'memberId';
      return (
        <>
          <Field id="action-assist" label={t.field.assist} path={path} problem={problem} required>
            <MemberPicker id="action-assist" value={values.assist} onChange={(v) => set('assist', v)} parkId={request.parkId} exclude={request.assigneeId ? [request.assigneeId] : []} teams emptyLabel={t.field.choose} aria={fieldAria('action-assist', path, problem)} />
          </Field>
          {text('action-note', 'note', 'note', t.field.dispatchNote, false)}
        </>
      );
    }
    case 'follow_up':
      return (
        <>
          {choice('action-rating', 'rating', t.field.rating, RATINGS, shared.satisfaction)}
          {values.rating === 'unsatisfied' ? (
            <label class="checkbox">
              <input id="action-redo" type="checkbox" checked={values.redo} onChange={(e) => set('redo', e.currentTarget.checked)} />
              {t.field.redo}
            </label>
          ) : null}
          {text('action-comment', 'comment', 'comment', t.field.comment, false)}
        </>
      );
    case 'close':
      return text('action-note', 'note', 'note', t.field.closeNote, false);
    case 'supervise':
      return text('action-note', 'note', 'note', t.field.supervisionNote, false);
    case 'assign':
      return (
        <>
          {handler('assigneeId', t.field.choose)}
          {text('action-note', 'note', 'note', t.field.dispatchNote, false)}
        </>
      );
    case 'redispatch':
      return (
        <>
          {handler('assigneeId', t.field.autoAssign, request.returnInfo ? [request.returnInfo.returnedById] : [])}
          {text('action-note', 'note', 'note', t.field.dispatchNote, false)}
        </>
      );
    case 'reassign':
      return (
        <>
          {handler('assigneeId', t.field.choose, request.assigneeId ? [request.assigneeId] : [])}
          {text('action-reason', 'reason', 'reason', t.field.reassignReason, true)}
        </>
      );
    case 'overrule_return':
      return text('action-reason', 'reason', 'reason', t.field.overruleReason, true);
    case 'withdraw':
      return text('action-reason', 'reason', 'reason', t.field.withdrawReason, true);
    case 'decide_extension': {
      const pending = request.extension;
      return (
        <>
          {pending ? <p class="notice">{t.field.pending(pending.workingDays, pending.reason)}</p> : null}
          <fieldset class="field rd-choice" data-field="approve" aria-invalid={problem?.field('approve') !== undefined}>
            <legend>{t.field.decision}</legend>
            <label class="checkbox">
              <input type="radio" name="action-decision" id="action-approve" value="approve" checked={values.decision === 'approve'} onChange={() => set('decision', 'approve')} />
              {t.field.approve}
            </label>
            <label class="checkbox">
              <input type="radio" name="action-decision" id="action-refuse" value="refuse" checked={values.decision === 'refuse'} onChange={() => set('decision', 'refuse')} />
              {t.field.refuse}
            </label>
            {problem?.field('approve') ? (
              <p class="field__error" role="alert" data-error-for="approve">
                {problem.field('approve')}
              </p>
            ) : null}
          </fieldset>
          {text('action-note', 'note', 'note', t.field.decisionNote, false)}
        </>
      );
    }
  }
}
