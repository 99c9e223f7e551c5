/** The category of a request and the custom attributes it asks for. */
import type { ApiProblem } from '../../api.js';
import { AttributeFields } from '../../category/attribute-fields.js';
import type { AttributeDraft } from '../../category/attribute-values.js';
import { CategorySelect } from '../../category/category-select.js';
import { Field } from '../../components/field.js';
import { useSession } from '../../session.js';
import { useIntakeTexts } from './intake-texts.js';

export interface CategoryFieldsProps {
  /** `intake-` or `intake-row-0-`: the controls' ids start with it. */
  idPrefix: string;
  /** `` or `requests.0.`: where the server reports these fields. */
  pathPrefix: string;
  category: string;
  onCategory(category: string): void;
  draft: AttributeDraft;
  onDraft(draft: AttributeDraft): void;
  problem: ApiProblem | null;
}

export function CategoryFields({ idPrefix, pathPrefix, category, onCategory, draft, onDraft, problem }: CategoryFieldsProps) {
  const t = useIntakeTexts();
  const { config } = useSession();
  const chosen = config.categories.find((c) => c.id === category);
  const id = `${idPrefix}category`;
  const path = `${pathPrefix}category`;
  return (
    <>
      <Field id={id} label={t.field.category} path={path} problem={problem} required>
        <CategorySelect id={id} path={path} problem={problem} categories={config.categories} value={category} onChange={onCategory} placeholder={t.field.categoryChoose} />
      </Field>
      {chosen ? <AttributeFields key={chosen.id} attributes={chosen.attributes} idPrefix={idPrefix} pathPrefix={pathPrefix} draft={draft} onDraft={onDraft} problem={problem} /> : null}
    </>
  );
}
