/**
 * A labelled form field with the server's message for it underneath. The message is tied to
 * the control (`aria-describedby`, `aria-invalid`) so that screen readers announce it too.
 */
import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../api.js';
import { useLocale } from '../i18n.js';
import { issueText } from '../issue-texts.js';

export interface FieldProps {
  /** The input's id; the label points at it. */
  id: string;
  label: string;
  /** Where the server reports this field's problem: `title`, `attributes.amount`, `requests.0.title`. */
  path: string;
  problem: ApiProblem | null;
  hint?: string;
  required?: boolean;
  /** The control: give it `id`, and `aria-invalid`/`aria-describedby` from {@link fieldAria}. */
  children: ComponentChildren;
}

export function Field({ id, label, path, problem, hint, required, children }: FieldProps) {
  const locale = useLocale();
  const said = problem?.field(path);
  // In Chinese the common problems are worded in Chinese; the server's words stay as the tooltip.
  const message = said === undefined ? undefined : issueText(said, locale);
  return (
    <div class={message ? 'field field--invalid' : 'field'} data-field={path}>
      <label for={id}>
        {label}
        {required ? <span class="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint && !message ? <p class="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      {message ? (
        <p class="field__error" id={`${id}-error`} role="alert" data-error-for={path} title={said !== message ? said : undefined}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The accessibility attributes of a control inside a {@link Field}. */
export function fieldAria(id: string, path: string, problem: ApiProblem | null): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  const invalid = problem?.field(path) !== undefined;
  return invalid ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : { 'aria-invalid': false };
}
