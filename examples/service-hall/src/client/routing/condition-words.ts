/**
 * Conditions in words: fields, operators and values as a station head reads them
 * ("诉求类别为法律服务"), not as the config spells them (`{ category: legal }`). Codes are looked
 * up in the office's config and directory; what cannot be looked up is shown as written.
 */
import type { OfficeConfig } from '@kechuang/community';
import type { CommunityRow, ParkRow } from '../directory/places.js';
import { pickLabel, type Locale } from '../i18n.js';
import type { useShared } from '../shared-texts.js';
import type { RoutingTexts } from './routing-texts.js';

/** Everything words are looked up in. */
export interface WordsContext {
  t: RoutingTexts;
  shared: ReturnType<typeof useShared>;
  locale: Locale;
  config: OfficeConfig;
  parks: readonly ParkRow[];
  communities: readonly CommunityRow[];
  memberNames: ReadonlyMap<string, string>;
}

const MAX_TEXT = 80;

/** Brackets around an aside, as each language writes them. */
export function aside(text: string, note: string, locale: Locale): string {
  return note ? (locale === 'en' ? `${text} (${note})` : `${text}（${note}）`) : text;
}

/** What a field is called: `category` → 诉求类别, `attributes.amount` → the attribute's label. */
export function fieldLabel(field: string, ctx: WordsContext): string {
  const known = ctx.t.cond.fields[field];
  if (known) return known;
  if (field.startsWith('attributes.')) {
    const code = field.slice('attributes.'.length);
    for (const category of ctx.config.categories) {
      const attribute = category.attributes.find((a) => a.code === code);
      if (attribute) return pickLabel(attribute.labels, ctx.locale, code);
    }
    return code;
  }
  return field;
}

function byRef<T extends { id: string; code: string }>(rows: readonly T[], ref: string): T | undefined {
  return rows.find((row) => row.code === ref || row.id === ref);
}

/** One value of a field in words: a category's label, a park's name, 是/否. */
export function valueWords(field: string, value: unknown, ctx: WordsContext): string {
  if (value === null || value === undefined || value === '') return ctx.t.trace.missing;
  if (Array.isArray(value)) return value.length === 0 ? ctx.t.trace.missing : value.map((v) => valueWords(field, v, ctx)).join(ctx.t.cond.list);
  if (typeof value === 'boolean') return value ? ctx.t.cond.yes : ctx.t.cond.no;
  if (typeof value === 'number') return value.toLocaleString(ctx.locale);
  // Directory records (park, community, building) arrive as { id, code }.
  if (typeof value === 'object') {
    const record = value as { code?: unknown; id?: unknown };
    return valueWords(field, record.code ?? record.id ?? JSON.stringify(value), ctx);
  }
  const text = String(value);
  switch (field) {
    case 'category':
      return pickLabel(ctx.config.categories.find((c) => c.id === text)?.labels, ctx.locale, text);
    case 'channel':
      return ctx.shared.channel[text] ?? text;
    case 'priority':
      return ctx.shared.priority[text] ?? text;
    case 'park': {
      const park = byRef(ctx.parks, text);
      return park ? aside(park.name, park.code, ctx.locale) : text;
    }
    case 'community':
      return byRef(ctx.communities, text)?.name ?? text;
    case 'enterprise.size':
      return ctx.t.cond.sizes[text] ?? text;
    default: {
      const flat = text.replace(/\s+/g, ' ').trim();
      return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
    }
  }
}

/** The values an operator compares with, each in words (a list stays a list, for chips). */
export function expectedWords(field: string, operator: string, expected: unknown, ctx: WordsContext): string[] {
  if (operator === 'exists') return [];
  const list = Array.isArray(expected) ? expected : [expected];
  // Keywords and patterns are the words themselves; other values are looked up.
  if (operator === 'any' || operator === 'all_of' || operator === 'regex') return list.map(String);
  return list.map((v) => valueWords(field, v, ctx));
}

/** The operator in words; `exists: false` reads "is not given". */
export function operatorWords(operator: string, expected: unknown, ctx: WordsContext): string {
  if (operator === 'exists') return expected === false ? ctx.t.cond.ops['notExists']! : ctx.t.cond.ops['exists']!;
  return ctx.t.cond.ops[operator] ?? operator;
}
