/**
 * Reads the office config's JSON Schema (`kechuang.config.schema.json`) into a typed tree for
 * the configuration reference. Only the keywords the reference knows how to render are
 * accepted: a keyword it does not know fails loudly, so a new construct in the zod schema
 * cannot silently drop out of `docs/configuration.md`.
 */

/** A JSON value as it appears in `default`, `const` or `enum`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The subset of draft-07 the office config's schema uses. */
export interface JsonSchema {
  description?: string;
  type?: string[];
  const?: JsonValue;
  enum?: JsonValue[];
  default?: JsonValue;
  $ref?: string;
  anyOf?: JsonSchema[];
  properties?: Map<string, JsonSchema>;
  required?: string[];
  /** A schema for the values of a map; `false` for a closed object; absent when any key goes. */
  additionalProperties?: JsonSchema | false;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
}

/** The document: the root schema and its named definitions. */
export interface SchemaDocument {
  title: string;
  root: JsonSchema;
  definitions: Map<string, JsonSchema>;
}

// Keywords of the root that only label the document.
const DOCUMENT_KEYS = new Set(['$schema', '$id', 'title', 'definitions']);
const NUMBER_KEYS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;
const KNOWN_KEYS = new Set<string>([
  'description',
  'type',
  'const',
  'enum',
  'default',
  '$ref',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'pattern',
  ...NUMBER_KEYS,
]);

function fail(at: string, message: string): never {
  throw new Error(`config schema at ${at || '(root)'}: ${message}. Teach scripts/config-docs.ts to render it, then run npm run generate:config-docs.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toJsonValue(value: unknown, at: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, i) => toJsonValue(item, `${at}[${i}]`));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item, `${at}.${key}`)]));
  return fail(at, `${typeof value} is not a JSON value`);
}

function stringList(value: unknown, at: string): string[] {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) return fail(at, 'expected a list of strings');
  return value;
}

/**
 * One schema node, checked keyword by keyword.
 *
 * @example
 * readSchema({ type: 'string', maxLength: 64 }, 'portfolios[].id'); // { type: ['string'], maxLength: 64 }
 */
export function readSchema(value: unknown, at: string): JsonSchema {
  if (!isRecord(value)) return fail(at, 'expected a schema object');
  const schema: JsonSchema = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!KNOWN_KEYS.has(key)) fail(at, `unknown keyword "${key}"`);
    switch (key) {
      case 'description':
      case '$ref':
      case 'pattern':
        if (typeof raw !== 'string') fail(`${at}.${key}`, 'expected a string');
        schema[key] = raw;
        break;
      case 'type':
        schema.type = typeof raw === 'string' ? [raw] : stringList(raw, `${at}.type`);
        break;
      case 'const':
      case 'default':
        schema[key] = toJsonValue(raw, `${at}.${key}`);
        break;
      case 'enum':
        if (!Array.isArray(raw)) fail(`${at}.enum`, 'expected a list');
        schema.enum = raw.map((item, i) => toJsonValue(item, `${at}.enum[${i}]`));
        break;
      case 'anyOf':
        if (!Array.isArray(raw)) fail(`${at}.anyOf`, 'expected a list');
        schema.anyOf = raw.map((option, i) => readSchema(option, `${at}|${i + 1}`));
        break;
      case 'properties':
        if (!isRecord(raw)) fail(`${at}.properties`, 'expected an object');
        schema.properties = new Map(Object.entries(raw).map(([name, property]) => [name, readSchema(property, `${at}.${name}`)]));
        break;
      case 'required':
        schema.required = stringList(raw, `${at}.required`);
        break;
      case 'additionalProperties':
        if (raw === true) break;
        schema.additionalProperties = raw === false ? false : readSchema(raw, `${at}.<key>`);
        break;
      case 'propertyNames':
        schema.propertyNames = readSchema(raw, `${at} (keys)`);
        break;
      case 'items':
        schema.items = readSchema(raw, `${at}[]`);
        break;
      default: {
        const name = NUMBER_KEYS.find((known) => known === key);
        if (name === undefined || typeof raw !== 'number') return fail(`${at}.${key}`, 'expected a number');
        schema[name] = raw;
      }
    }
  }
  return schema;
}

/**
 * The whole schema file: its title, root and definitions.
 *
 * @example
 * const document = readSchemaDocument(JSON.parse(readFileSync('kechuang.config.schema.json', 'utf8')));
 * document.definitions.has('condition'); // true
 */
export function readSchemaDocument(value: unknown): SchemaDocument {
  if (!isRecord(value)) return fail('', 'expected the schema document to be an object');
  const { title, definitions } = value;
  if (typeof title !== 'string') fail('title', 'expected a string');
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !DOCUMENT_KEYS.has(key)));
  const named = new Map<string, JsonSchema>();
  if (definitions !== undefined) {
    if (!isRecord(definitions)) fail('definitions', 'expected an object');
    for (const [name, definition] of Object.entries(definitions)) named.set(name, readSchema(definition, `#${name}`));
  }
  return { title, root: readSchema(rest, ''), definitions: named };
}
