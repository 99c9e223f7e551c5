/**
 * The chosen category's own attributes (e.g. 涉及金额 for legal matters), since rules may
 * test them (`attributes.amount: { gte: 10000 }`). The server checks the values.
 */
import type { OfficeConfig } from '@kechuang/community';
import type { ApiProblem } from '../../api.js';
import { Field, fieldAria } from '../../components/field.js';
import { pickLabel, useLocale } from '../../i18n.js';
import type { Draft } from './explain-request.js';
import { useRulesTexts } from './rules-texts.js';

type Attribute = OfficeConfig['categories'][number]['attributes'][number];

export function AttributeInputs({ attributes, values, problem, onChange }: { attributes: readonly Attribute[]; values: Draft['attributes']; problem: ApiProblem | null; onChange(code: string, value: string | boolean | string[]): void }) {
  const t = useRulesTexts();
  const locale = useLocale();
  if (attributes.length === 0) return null;
  return (
    <fieldset class="rules-attributes">
      <legend>{t.form.attributes}</legend>
      {attributes.map((attribute) => {
        const id = `rules-attr-${attribute.code}`;
        const path = `attributes.${attribute.code}`;
        const label = pickLabel(attribute.labels, locale, attribute.code);
        const value = values[attribute.code];
        if (attribute.type === 'boolean') {
          return (
            <Field key={attribute.code} id={id} label={label} path={path} problem={problem} required={attribute.required}>
              <label class="checkbox">
                <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(attribute.code, e.currentTarget.checked)} {...fieldAria(id, path, problem)} />
                {t.form.yes}
              </label>
            </Field>
          );
        }
        if (attribute.type === 'single' || attribute.type === 'multi') {
          const multiple = attribute.type === 'multi';
          return (
            <Field key={attribute.code} id={id} label={label} path={path} problem={problem} required={attribute.required}>
              <select
                id={id}
                class="input"
                multiple={multiple}
                value={multiple ? undefined : typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(attribute.code, multiple ? [...e.currentTarget.selectedOptions].map((o) => o.value) : e.currentTarget.value)}
                {...fieldAria(id, path, problem)}
              >
                {multiple ? null : <option value="">{t.form.choose}</option>}
                {(attribute.values ?? []).map((v) => (
                  <option key={v} value={v} selected={multiple && Array.isArray(value) ? value.includes(v) : undefined}>
                    {v}
                  </option>
                ))}
              </select>
            </Field>
          );
        }
        return (
          <Field key={attribute.code} id={id} label={label} path={path} problem={problem} required={attribute.required}>
            <input
              id={id}
              class="input"
              type="text"
              inputMode={attribute.type === 'number' ? 'decimal' : undefined}
              value={typeof value === 'string' ? value : ''}
              onInput={(e) => onChange(attribute.code, e.currentTarget.value)}
              {...fieldAria(id, path, problem)}
            />
          </Field>
        );
      })}
    </fieldset>
  );
}
