/**
 * A category's custom attributes (Open311-style) between the form and the API: what the
 * controls hold, the values a submission carries, and the checks the REST API does not make.
 *
 * `POST /api/requests` and `/api/visits` take any attribute value (text, number, yes/no, a
 * list) without comparing it with the category's definition, so "abc" would be stored as an
 * amount and `attributes.amount >= 10000` rules would never match. Until the server checks
 * attributes against the category (as its Open311 endpoint does), the form checks type,
 * required and allowed values here, at the same paths the server would use.
 */
import type { OfficeConfig } from '@kechuang/community';

export type Category = OfficeConfig['categories'][number];
export type AttributeDefinition = Category['attributes'][number];
export type AttributeValue = string | number | boolean | string[];

/** What the controls hold: text for text and numbers, 'true'/'false' for yes/no, a list for multi. */
export type AttributeDraft = Record<string, string | string[]>;

export interface AttributeMessages {
  notNumber: string;
  required: string;
  notAmong: string;
}

// Thousands separators are how people write amounts (350,000); the value is the number.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Turns what was typed into a number, or null when it is not one. */
export function parseNumber(text: string): number | null {
  const plain = text.trim().replace(/[,，\s]/g, '');
  if (!NUMBER.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/**
 * The attribute values to send, and a message per invalid attribute keyed by its path
 * (`attributes.amount`, or `requests.1.attributes.amount` with a prefix).
 */
export function attributeValues(category: Category | undefined, draft: AttributeDraft, prefix: string, messages: AttributeMessages): { values: Record<string, AttributeValue>; issues: Record<string, string> } {
  const values: Record<string, AttributeValue> = {};
  const issues: Record<string, string> = {};
  for (const attribute of category?.attributes ?? []) {
    const path = `${prefix}attributes.${attribute.code}`;
    const raw = draft[attribute.code];
    if (attribute.type === 'multi') {
      const chosen = Array.isArray(raw) ? raw : [];
      if (chosen.length > 0) values[attribute.code] = chosen;
      else if (attribute.required) issues[path] = messages.required;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (attribute.required) issues[path] = messages.required;
      continue;
    }
    if (attribute.type === 'number') {
      const number = parseNumber(text);
      if (number === null) issues[path] = messages.notNumber;
      else values[attribute.code] = number;
    } else if (attribute.type === 'boolean') {
      values[attribute.code] = text === 'true';
    } else if (attribute.type === 'single') {
      if (attribute.values && !attribute.values.includes(text)) issues[path] = messages.notAmong;
      else values[attribute.code] = text;
    } else {
      values[attribute.code] = text;
    }
  }
  return { values, issues };
}
