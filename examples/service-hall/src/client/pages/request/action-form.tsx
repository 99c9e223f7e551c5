/**
 * The inline form of one command: its hint, its inputs, the server's refusal beside the
 * fields (or above the buttons when it concerns no field), and a confirm button that is
 * disabled while sending or uploading.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiProblem } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { emptyValues, type ActionValues } from './action-body.js';
import { ActionFields, shownBesideFields } from './action-fields.js';
import { useActionTexts } from './action-texts.js';
import type { ActionName } from './allowed-actions.js';
import type { Req } from './request-data.js';
import { useSendAction } from './send-action.js';

export interface ActionFormProps {
  action: ActionName;
  request: Req;
  onSent(action: ActionName): void;
  /** The request changed under the form: the page reloads it; the form keeps what was typed. */
  onConflict(): void;
  onCancel(): void;
}

export function ActionForm({ action, request, onSent, onConflict, onCancel }: ActionFormProps) {
  const t = useActionTexts();
  const [values, setValues] = useState<ActionValues>(emptyValues);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState(false);
  const send = useSendAction(request);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('textarea, select, input')?.focus();
  }, [action]);

  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]): void => setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending || uploading) return;
    setSending(true);
    setProblem(null);
    const sent = await send(action, values);
    setSending(false);
    if (sent === 'sent') onSent(action);
    else if (sent === 'conflict') onConflict();
    else setProblem(sent);
  };

  const hint = t.hint[action];
  return (
    <form ref={form} class="form rd-action-form" data-testid="action-form" data-form-action={action} onSubmit={(e) => void submit(e)} noValidate>
      <h3 class="rd-action-form__title">{t.label[action]}</h3>
      {hint ? <p class="field__hint rd-action-form__hint">{hint}</p> : null}
      <ActionFields action={action} request={request} values={values} set={set} problem={problem} onUploading={setUploading} />
      <ProblemNote problem={problem && !shownBesideFields(action, problem) ? problem : null} />
      <div class="form-actions">
        <button type="submit" class="button" data-testid="action-submit" disabled={sending || uploading}>
          {sending ? t.sending : t.submit}
        </button>
        <button type="button" class="button button--ghost" onClick={onCancel} disabled={sending}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
