/**
 * The commands the signed-in member may take now, as buttons. One-click commands (sign for,
 * start, resume, sign for an assisting part) are sent at once; the others open their form
 * inline. After a command the page reloads and says what happened; when someone else changed
 * the request first (CONFLICT), it reloads and says so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiProblem } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { useSession } from '../../session.js';
import { ActionForm } from './action-form.js';
import { useActionTexts } from './action-texts.js';
import { allowedActions, oneClick, type ActionName } from './allowed-actions.js';
import { emptyValues } from './action-body.js';
import type { Req } from './request-data.js';
import { useSendAction } from './send-action.js';

const FINISHED = new Set(['closed', 'withdrawn', 'merged']);
/** The step that moves the request on, shown as the main button. */
const PRIMARY = new Set<ActionName>(['accept', 'start', 'reply', 'follow_up', 'assign', 'redispatch', 'sign_assist', 'contribute', 'decide_extension', 'resume']);

export interface ActionPanelProps {
  request: Req;
  /** Load the request again (after a command, or a conflict). */
  onChanged(): void;
  /** Told whether a form is open, so that live updates do not replace what is being typed. */
  onFormOpen(open: boolean): void;
}

export function ActionPanel({ request, onChanged, onFormOpen }: ActionPanelProps) {
  const t = useActionTexts();
  const session = useSession();
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState<ActionName | null>(null);
  const [done, setDone] = useState<ActionName | null>(null);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const send = useSendAction(request);
  const actions = allowedActions(request, session);

  useEffect(() => onFormOpen(open !== null), [open]);
  // A form whose command no longer applies (the request moved on meanwhile) closes.
  useEffect(() => {
    if (open !== null && !actions.includes(open)) setOpen(null);
  }, [request.version, request.status]);

  const reset = (): void => {
    setDone(null);
    setConflict(false);
    setProblem(null);
  };
  const sent = (action: ActionName): void => {
    setOpen(null);
    setDone(action);
    onChanged();
  };
  const conflicted = (): void => {
    setConflict(true);
    onChanged();
  };

  const click = async (action: ActionName): Promise<void> => {
    reset();
    if (!oneClick.has(action)) {
      setOpen(open === action ? null : action);
      return;
    }
    setOpen(null);
    setBusy(action);
    const result = await send(action, emptyValues);
    setBusy(null);
    if (result === 'sent') sent(action);
    else if (result === 'conflict') conflicted();
    else setProblem(result);
  };

  return (
    <section class="card rd-action-panel" data-testid="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.title}</h2>
      {done ? (
        <p class="notice notice--ok" role="status" data-testid="action-confirmation" data-done={done}>
          {t.done[done]}
        </p>
      ) : null}
      {conflict ? (
        <p class="notice notice--warn" role="status" data-testid="action-conflict">
          {t.conflict}
        </p>
      ) : null}
      <ProblemNote problem={problem} />
      {actions.length === 0 ? (
        <p class="muted rd-action-panel__none">{FINISHED.has(request.status) ? t.finished : t.none}</p>
      ) : (
        <div class="rd-action-panel__buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              class={PRIMARY.has(action) ? 'button' : 'button button--ghost'}
              data-action={action}
              disabled={busy !== null}
              {...(oneClick.has(action) ? {} : { 'aria-expanded': open === action })}
              onClick={() => void click(action)}
            >
              {busy === action ? t.sending : t.label[action]}
            </button>
          ))}
        </div>
      )}
      {open !== null ? <ActionForm key={open} action={open} request={request} onSent={sent} onConflict={conflicted} onCancel={() => setOpen(null)} /> : null}
    </section>
  );
}
