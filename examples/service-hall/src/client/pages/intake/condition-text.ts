/**
 * A routing condition in words, from the trace `POST /api/routing/explain` returns: only the
 * tests that made the rule match, with categories, channels and attributes by their labels.
 */
import type { ConditionTrace, OfficeConfig } from '@kechuang/community';
import { pickLabel, type Locale } from '../../i18n.js';
import { fill, type useIntakeTexts } from './intake-texts.js';

type Texts = ReturnType<typeof useIntakeTexts>;

export interface ConditionWords {
  texts: Texts;
  locale: Locale;
  config: OfficeConfig;
  channel: Record<string, string>;
  priority: Record<string, string>;
}

function fieldName(kind: string, words: ConditionWords): string {
  if (kind.startsWith('attributes.')) {
    const code = kind.slice('attributes.'.length);
    for (const category of words.config.categories) {
      const attribute = category.attributes.find((a) => a.code === code);
      if (attribute) return pickLabel(attribute.labels, words.locale, code);
    }
    return code;
  }
  return words.texts.routing.field[kind] ?? kind;
}

function valueWord(kind: string, value: unknown, words: ConditionWords): string {
  if (typeof value === 'boolean') return value ? words.texts.routing.yes : words.texts.routing.no;
  if (typeof value === 'number') return value.toLocaleString(words.locale);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (kind === 'category') {
    const category = words.config.categories.find((c) => c.id === value);
    return category ? pickLabel(category.labels, words.locale, value) : value;
  }
  if (kind === 'channel') return words.channel[value] ?? value;
  if (kind === 'priority') return words.priority[value] ?? value;
  return value;
}

function leafText(node: ConditionTrace, words: ConditionWords): string {
  const { texts } = words;
  let expected = node.expected;
  // For keyword tests, the keywords the request actually contains say more than the list.
  if ((node.operator === 'any' || node.operator === 'all_of') && Array.isArray(expected) && typeof node.actual === 'string') {
    const actual = node.actual;
    const found = expected.filter((k): k is string => typeof k === 'string' && actual.includes(k));
    if (found.length > 0) expected = found;
  }
  const value = Array.isArray(expected) ? expected.map((v) => valueWord(node.kind, v, words)).join(texts.routing.listSeparator) : valueWord(node.kind, expected, words);
  const template = texts.routing.op[node.operator ?? 'eq'] ?? texts.routing.op['other']!;
  return fill(template, { field: fieldName(node.kind, words), value, op: node.operator ?? '' });
}

/**
 * The tests that carried a matched condition: every part of an `all`, the passing parts of
 * an `any`, a `not` with its part.
 */
export function conditionLines(node: ConditionTrace | undefined, words: ConditionWords): string[] {
  if (!node) return [];
  if (node.kind === 'all') return (node.children ?? []).flatMap((child) => conditionLines(child, words));
  if (node.kind === 'any') return (node.children ?? []).filter((child) => child.passed).flatMap((child) => conditionLines(child, words));
  if (node.kind === 'not') return (node.children ?? []).flatMap((child) => conditionLines(child, words).map((line) => words.texts.routing.not + line));
  // Several operators on one field (`{ gte: 10000, lt: 50000 }`) trace one child each.
  if (node.children && node.children.length > 0) return node.children.flatMap((child) => conditionLines(child, words));
  return [leafText(node, words)];
}
