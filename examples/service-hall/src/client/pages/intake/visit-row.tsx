/** One request heard on a visit: its category and attributes, title and description. */
import type { ApiProblem } from '../../api.js';
import type { AttributeDraft } from '../../category/attribute-values.js';
import { Field, fieldAria } from '../../components/field.js';
import { CategoryFields } from './category-fields.js';
import { fill, useIntakeTexts } from './intake-texts.js';

export interface VisitRowDraft {
  /** Stable across removals of other rows, for Preact's keys. */
  key: string;
  category: string;
  draft: AttributeDraft;
  title: string;
  description: string;
}

export function newRow(): VisitRowDraft {
  return { key: crypto.randomUUID(), category: '', draft: {}, title: '', description: '' };
}

export interface VisitRowProps {
  index: number;
  row: VisitRowDraft;
  onChange(row: VisitRowDraft): void;
  onRemove(): void;
  problem: ApiProblem | null;
}

export function VisitRow({ index, row, onChange, onRemove, problem }: VisitRowProps) {
  const t = useIntakeTexts();
  const idPrefix = `intake-row-${index}-`;
  const pathPrefix = `requests.${index}.`;
  const set = (change: Partial<VisitRowDraft>): void => onChange({ ...row, ...change });
  const heading = fill(t.visit.row, { n: index + 1 });
  return (
    <fieldset class="intake-row" data-row={index}>
      <legend class="intake-row__legend">{heading}</legend>
      <button type="button" class="button button--ghost button--small intake-row__remove" data-testid={`intake-row-${index}-remove`} aria-label={`${t.visit.removeRow} · ${heading}`} onClick={onRemove}>
        {t.visit.removeRow}
      </button>
      <div class="grid-2">
        <CategoryFields idPrefix={idPrefix} pathPrefix={pathPrefix} category={row.category} onCategory={(category) => set({ category })} draft={row.draft} onDraft={(draft) => set({ draft })} problem={problem} />
      </div>
      <Field id={`${idPrefix}title`} label={t.field.title} path={`${pathPrefix}title`} problem={problem} required>
        <input id={`${idPrefix}title`} class="input" type="text" value={row.title} placeholder={t.field.titlePlaceholder} onInput={(e) => set({ title: e.currentTarget.value })} {...fieldAria(`${idPrefix}title`, `${pathPrefix}title`, problem)} />
      </Field>
      <Field id={`${idPrefix}description`} label={t.field.description} path={`${pathPrefix}description`} problem={problem}>
        <textarea id={`${idPrefix}description`} class="input" rows={3} value={row.description} placeholder={t.field.descriptionPlaceholder} onInput={(e) => set({ description: e.currentTarget.value })} {...fieldAria(`${idPrefix}description`, `${pathPrefix}description`, problem)} />
      </Field>
    </fieldset>
  );
}
