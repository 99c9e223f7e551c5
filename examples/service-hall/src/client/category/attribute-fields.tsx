/**
 * A category's own attributes (e.g. 涉及金额 for legal matters), each a field rendered by its
 * type: text, number, yes/no, one of a list, several of a list. The server checks the values
 * and says what is wrong beside the field, at `<pathPrefix>attributes.<code>`.
 */
import type { ApiProblem } from '../api.js';
import { Field, fieldAria } from '../components/field.js';
import { pickLabel, useLocale } from '../i18n.js';
import type { AttributeDefinition, AttributeDraft } from './attribute-values.js';
import { useCategoryTexts } from './category-texts.js';
import './category.css';

export interface AttributeFieldsProps {
  attributes: readonly AttributeDefinition[];
  /** `intake-`, `intake-row-0-`, `rules-`: the controls' ids are `<idPrefix>attr-<code>`. */
  idPrefix: string;
  /** `` or `requests.0.`: where the server reports these fields. */
  pathPrefix: string;
  draft: AttributeDraft;
  onDraft(draft: AttributeDraft): void;
  problem: ApiProblem | null;
}

export function AttributeFields({ attributes, idPrefix, pathPrefix, draft, onDraft, problem }: AttributeFieldsProps) {
  return (
    <>
      {attributes.map((attribute) => (
        <AttributeField key={attribute.code} attribute={attribute} idPrefix={idPrefix} pathPrefix={pathPrefix} draft={draft} onDraft={onDraft} problem={problem} />
      ))}
    </>
  );
}

type AttributeFieldProps = Omit<AttributeFieldsProps, 'attributes'> & { attribute: AttributeDefinition };

function AttributeField({ attribute, idPrefix, pathPrefix, draft, onDraft, problem }: AttributeFieldProps) {
  const t = useCategoryTexts();
  const locale = useLocale();
  const id = `${idPrefix}attr-${attribute.code}`;
  const path = `${pathPrefix}attributes.${attribute.code}`;
  const label = pickLabel(attribute.labels, locale, attribute.code);
  const aria = fieldAria(id, path, problem);
  const raw = draft[attribute.code];
  const text = typeof raw === 'string' ? raw : '';
  const set = (value: string | string[]): void => onDraft({ ...draft, [attribute.code]: value });
  let control;
  switch (attribute.type) {
    case 'number':
      // Text, not type=number: the browser would silently drop "35万" or "abc", and the
      // person typing must see why it was not accepted.
      control = <input id={id} class="input" type="text" inputMode="decimal" value={text} onInput={(e) => set(e.currentTarget.value)} {...aria} />;
      break;
    case 'boolean':
      control = (
        <select id={id} class="input" value={text} onChange={(e) => set(e.currentTarget.value)} {...aria}>
          <option value="">{t.choose}</option>
          <option value="true">{t.yes}</option>
          <option value="false">{t.no}</option>
        </select>
      );
      break;
    case 'single':
      control = (
        <select id={id} class="input" value={text} onChange={(e) => set(e.currentTarget.value)} {...aria}>
          <option value="">{t.choose}</option>
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
        <div id={id} class="attr-choices" role="group" aria-label={label} {...aria}>
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
    <Field id={id} label={label} path={path} problem={problem} required={attribute.required}>
      {control}
    </Field>
  );
}
