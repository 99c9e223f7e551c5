/**
 * The category of a request and the custom attributes it asks for, each rendered by its type:
 * text, number, yes/no, one of a list, several of a list.
 */
import type { ApiProblem } from '../../api.js';
import { Field, fieldAria } from '../../components/field.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import type { AttributeDefinition, AttributeDraft } from './attribute-values.js';
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
  const locale = useLocale();
  const { config } = useSession();
  const chosen = config.categories.find((c) => c.id === category);
  const id = `${idPrefix}category`;
  const path = `${pathPrefix}category`;
  return (
    <>
      <Field id={id} label={t.field.category} path={path} problem={problem} required>
        <select id={id} class="input" value={category} onChange={(e) => onCategory(e.currentTarget.value)} {...fieldAria(id, path, problem)}>
          <option value="">{t.field.categoryChoose}</option>
          {config.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {pickLabel(c.labels, locale, c.id)}
            </option>
          ))}
        </select>
      </Field>
      {chosen?.attributes.map((attribute) => (
        <AttributeField key={`${chosen.id}.${attribute.code}`} attribute={attribute} idPrefix={idPrefix} pathPrefix={pathPrefix} draft={draft} onDraft={onDraft} problem={problem} />
      ))}
    </>
  );
}

interface AttributeFieldProps {
  attribute: AttributeDefinition;
  idPrefix: string;
  pathPrefix: string;
  draft: AttributeDraft;
  onDraft(draft: AttributeDraft): void;
  problem: ApiProblem | null;
}

function AttributeField({ attribute, idPrefix, pathPrefix, draft, onDraft, problem }: AttributeFieldProps) {
  const t = useIntakeTexts();
  const locale = useLocale();
  const id = `${idPrefix}attr-${attribute.code}`;
  const path = `${pathPrefix}attributes.${attribute.code}`;
  const aria = fieldAria(id, path, problem);
  const raw = draft[attribute.code];
  const text = typeof raw === 'string' ? raw : '';
  const set = (value: string | string[]): void => onDraft({ ...draft, [attribute.code]: value });
  let control;
  switch (attribute.type) {
    case 'number':
      // Text, not type=number: the browser would silently drop "35万" or "abc", and the
      // person taking the call must see why it was not accepted.
      control = <input id={id} class="input intake-number" type="text" inputMode="decimal" value={text} onInput={(e) => set(e.currentTarget.value)} {...aria} />;
      break;
    case 'boolean':
      control = (
        <select id={id} class="input" value={text} onChange={(e) => set(e.currentTarget.value)} {...aria}>
          <option value="">{t.attribute.choose}</option>
          <option value="true">{t.attribute.yes}</option>
          <option value="false">{t.attribute.no}</option>
        </select>
      );
      break;
    case 'single':
      control = (
        <select id={id} class="input" value={text} onChange={(e) => set(e.currentTarget.value)} {...aria}>
          <option value="">{t.attribute.choose}</option>
          {(attribute.values ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
      break;
    case 'multi': {
      const chosen = Array.isArray(raw) ? raw : [];
      control = (
        <div id={id} class="intake-choices" role="group" aria-label={pickLabel(attribute.labels, locale, attribute.code)} {...aria}>
          {(attribute.values ?? []).map((v, i) => (
            <label key={v} class="checkbox">
              <input
                type="checkbox"
                id={i === 0 ? `${id}-0` : undefined}
                checked={chosen.includes(v)}
                onChange={(e) => set(e.currentTarget.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
              />
              {v}
            </label>
          ))}
        </div>
      );
      break;
    }
    default:
      control = <input id={id} class="input" type="text" value={text} onInput={(e) => set(e.currentTarget.value)} {...aria} />;
  }
  return (
    <Field id={id} label={pickLabel(attribute.labels, locale, attribute.code)} path={path} problem={problem} required={attribute.required}>
      {control}
    </Field>
  );
}
