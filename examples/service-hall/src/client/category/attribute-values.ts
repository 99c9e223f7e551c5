/**
 * A category's custom attributes (Open311-style) between the form and the API: what the
 * controls hold and the values a submission carries. The server checks them against the
 * category (type, required, allowed values) and says what is wrong at `attributes.<code>`, so
 * the form sends what was typed — a number when it reads as one, the text otherwise.
 */
import type { OfficeConfig } from '@kechuang/community';

export type Category = OfficeConfig['categories'][number];
export type AttributeDefinition = Category['attributes'][number];
export type AttributeValue = string | number | boolean | string[];

/** What the controls hold: text for text and numbers, 'true'/'false' for yes/no, a list for multi. */
export type AttributeDraft = Record<string, string | string[]>;

// Thousands separators are how people write amounts (350,000); the value is the number.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Turns what was typed into a number, or null when it is not one. */
export function parseNumber(text: string): number | null {
  const plain = text.trim().replace(/[,，\s]/g, '');
  if (!NUMBER.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/** The attribute values to send; an empty control sends nothing, so the server can say it is required. */
export function attributeValues(category: Category | undefined, draft: AttributeDraft): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const attribute of category?.attributes ?? []) {
    const raw = draft[attribute.code];
    if (attribute.type === 'multi') {
      if (Array.isArray(raw) && raw.length > 0) values[attribute.code] = raw;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') continue;
    if (attribute.type === 'number') values[attribute.code] = parseNumber(text) ?? text;
    else if (attribute.type === 'boolean') values[attribute.code] = text === 'true';
    else values[attribute.code] = text;
  }
  return values;
}
