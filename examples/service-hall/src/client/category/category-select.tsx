/** A choice of the office's request categories, by their label in the language in force. */
import type { OfficeConfig } from '@kechuang/community';
import type { ApiProblem } from '../api.js';
import { fieldAria } from '../components/field.js';
import { pickLabel, useLocale } from '../i18n.js';

export interface CategorySelectProps {
  id: string;
  /** Where the server reports the category: `category`, `requests.0.category`. */
  path: string;
  problem: ApiProblem | null;
  categories: OfficeConfig['categories'];
  value: string;
  onChange(category: string): void;
  /** The empty choice's words. */
  placeholder: string;
}

export function CategorySelect({ id, path, problem, categories, value, onChange, placeholder }: CategorySelectProps) {
  const locale = useLocale();
  return (
    <select id={id} class="input" value={value} onChange={(e) => onChange(e.currentTarget.value)} {...fieldAria(id, path, problem)}>
      <option value="">{placeholder}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {pickLabel(c.labels, locale, c.id)}
        </option>
      ))}
    </select>
  );
}
