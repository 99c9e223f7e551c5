import { z } from '@hono/zod-openapi';
import { KechuangError, type ValidationIssue } from '@kechuang/community';
import { issuesOf } from '../http/zod-issues.js';
import type { Category } from './service-catalog.js';

type AttributeValue = string | number | boolean | string[];

const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const coordinate = (name: string, limit: number) =>
  z
    .string()
    .regex(decimal, `Use a decimal ${name} in WGS84 degrees, e.g. ${name === 'latitude' ? '30.2741' : '120.1551'}`)
    .transform(Number)
    .refine((n) => Math.abs(n) <= limit, `A ${name} lies between -${limit} and ${limit}`);

/**
 * The fields of `POST requests` other than `attribute[…]`, as GeoReport v2 defines them. An
 * empty field counts as not sent, as the spec says of optional arguments.
 */
export const open311SubmitFields = z
  .object({
    api_key: z.string().min(1).optional().openapi({ description: 'Required: the key the office issued to your application (also accepted as the `X-API-Key` header).' }),
    jurisdiction_id: z.string().max(64).optional().openapi({ description: "A community code of the key's office; may be left out when the office has one community." }),
    service_code: z.string({ error: 'Required: pick a service_code from GET services' }).min(1).max(64),
    lat: coordinate('latitude', 90).optional(),
    long: coordinate('longitude', 180).optional(),
    address_string: z.string().trim().min(1).max(500).optional(),
    address_id: z.string().trim().min(1).max(64).optional().openapi({ description: 'The code of a building (e.g. `P01-B02`) or park (`P01`) of the community.' }),
    email: z.email('Use an e-mail address such as name@example.com').max(100).optional(),
    device_id: z.string().max(128).optional(),
    account_id: z.string().max(128).optional(),
    first_name: z.string().trim().min(1).max(50).optional(),
    last_name: z.string().trim().min(1).max(50).optional(),
    phone: z.string().trim().regex(/^\+?[\d\s()-]{3,30}$/, 'Use a phone number of digits, spaces, "-", "(" or ")", e.g. 13800138000').optional(),
    description: z.string().trim().max(4000, 'A description may have at most 4,000 characters (GeoReport v2)').optional(),
    media_url: z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).max(2000).optional(),
  })
  .superRefine((form, ctx) => {
    if ((form.lat === undefined) !== (form.long === undefined)) {
      ctx.addIssue({ code: 'custom', path: [form.lat === undefined ? 'lat' : 'long'], message: 'Send lat and long together' });
    } else if (form.lat === undefined && !form.address_string && !form.address_id) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'A location is required: send lat and long, address_string or address_id' });
    }
  });

/** The parsed fields of an Open311 submission. */
export type Open311SubmitFields = z.output<typeof open311SubmitFields>;

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

/** A submission's fields, and its attributes checked against the service's definition. */
export interface Open311Submission {
  fields: Open311SubmitFields;
  attributes: Record<string, AttributeValue>;
}

/**
 * Reads a form-encoded GeoReport v2 submission for `category`: every field checked, the
 * `attribute[code]` (and `attribute[code][]` for multivaluelist) values checked against the
 * category's attributes — types, allowed values, required ones — and every problem reported
 * at once as VALIDATION_FAILED.
 */
export function readSubmission(form: URLSearchParams, category: Category | null): Open311Submission {
  const plain: Record<string, string> = {};
  const sent = new Map<string, { values: string[]; list: boolean }>();
  const issues: ValidationIssue[] = [];
  for (const [key, value] of form) {
    if (value === '') continue;
    if (!key.startsWith('attribute[')) {
      // A repeated plain field keeps its first value, as URLSearchParams.get does.
      plain[key] ??= value;
      continue;
    }
    const match = ATTRIBUTE_KEY.exec(key);
    if (!match?.[1]) {
      issues.push({ path: [key], message: 'Send attributes as attribute[code]=value, or attribute[code][]=value for each value of a multivaluelist', code: 'invalid_key' });
      continue;
    }
    const entry = sent.get(match[1]) ?? { values: [], list: false };
    entry.values.push(value);
    entry.list ||= match[2] !== undefined;
    sent.set(match[1], entry);
  }
  const parsed = open311SubmitFields.safeParse(plain);
  if (!parsed.success) issues.push(...issuesOf(parsed.error));
  const attributes = category ? checkAttributes(category, sent, issues) : {};
  if (issues.length > 0 || !parsed.success) {
    const list = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new KechuangError('VALIDATION_FAILED', `Invalid Open311 request: ${list}. Fix these fields and send it again.`, { issues });
  }
  return { fields: parsed.data, attributes };
}

function checkAttributes(category: Category, sent: Map<string, { values: string[]; list: boolean }>, issues: ValidationIssue[]): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  const known = new Set(category.attributes.map((a) => a.code));
  for (const code of sent.keys()) {
    if (!known.has(code)) {
      const list = [...known].join(', ') || 'none';
      issues.push({ path: ['attribute', code], message: `not an attribute of service '${category.id}' (its attributes: ${list})`, code: 'unrecognized_keys' });
    }
  }
  for (const attribute of category.attributes) {
    const bad = (message: string, code = 'invalid_value'): void => {
      issues.push({ path: ['attribute', attribute.code], message, code });
    };
    const given = sent.get(attribute.code);
    if (!given) {
      if (attribute.required) bad(`required by service '${category.id}'`, 'required');
      continue;
    }
    const allowed = attribute.type === 'boolean' ? ['true', 'false'] : (attribute.values ?? []);
    if (attribute.type === 'multi') {
      const values = [...new Set(given.values)];
      const unknown = values.filter((v) => !allowed.includes(v));
      if (unknown.length) bad(`${unknown.map((v) => `'${v}'`).join(', ')} not among the values (${allowed.join(', ')})`);
      else if (values.length > 50) bad('at most 50 values');
      else attributes[attribute.code] = values;
      continue;
    }
    const [value = ''] = given.values;
    if (given.values.length > 1 || given.list) {
      bad('takes one value; send attribute[code]=value once');
    } else if (attribute.type === 'number') {
      if (decimal.test(value) && Number.isFinite(Number(value))) attributes[attribute.code] = Number(value);
      else bad(`'${value}' is not a number; use digits with an optional decimal point, e.g. 12000`);
    } else if (attribute.type === 'boolean' || attribute.type === 'single') {
      if (allowed.includes(value)) attributes[attribute.code] = attribute.type === 'boolean' ? value === 'true' : value;
      else bad(`'${value}' is not among the values (${allowed.join(', ')})`);
    } else if (value.length > 2000) {
      bad('at most 2,000 characters');
    } else {
      attributes[attribute.code] = value;
    }
  }
  return attributes;
}
