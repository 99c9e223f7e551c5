/**
 * Renders docs/configuration.md from the office config's JSON Schema: a section per top-level
 * key with a table of every field (path, type, required or default, allowed values,
 * description), then the routing conditions from the schema's definitions. The text around it
 * comes from scripts/configuration-intro.md. `scripts/generate-config-docs.ts` writes the
 * result; `tests/docs/configuration-doc.test.ts` fails when the committed file differs.
 */
import type { JsonSchema, JsonValue, SchemaDocument } from './config-schema-reader.js';
import { CONDITION_FIELD_NOTES, CONDITION_OPERATOR_NOTES } from './config-docs-notes.js';

/** One row of a section's table. */
interface Row {
  path: string;
  type: string;
  presence: string;
  allowed: string;
  description: string;
}

const DEFINITION_LINKS: Readonly<Record<string, { label: string; anchor: string }>> = {
  condition: { label: 'condition', anchor: 'conditions-when' },
  fieldTest: { label: 'field test', anchor: 'field-tests' },
};

/** Markdown-safe text for a table cell: pipes escaped, angle brackets shown, lines joined. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('\n', ' ');
}

/** Inline code that survives a table cell. */
function code(text: string): string {
  const safe = text.replaceAll('|', '\\|');
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}

/** A JSON value as it is written in YAML flow style. */
function yamlValue(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${key}: ${yamlValue(item)}`).join(', ')} }`;
  }
  return String(value);
}

function refTarget(schema: JsonSchema): { label: string; anchor: string } | undefined {
  const name = schema.$ref?.replace('#/definitions/', '');
  if (schema.$ref === undefined) return undefined;
  const link = name === undefined ? undefined : DEFINITION_LINKS[name];
  if (link === undefined) throw new Error(`config docs: no section for ${schema.$ref}; add it to DEFINITION_LINKS in scripts/config-docs.ts`);
  return link;
}

function isObjectForm(schema: JsonSchema): boolean {
  return schema.properties !== undefined && schema.properties.size > 0;
}

function isMap(schema: JsonSchema): boolean {
  return schema.type?.includes('object') === true && !isObjectForm(schema) && schema.additionalProperties !== false;
}

/** The keys of an object form, as written: `{ team, strategy }`. */
function formName(schema: JsonSchema): string {
  return `{ ${[...(schema.properties?.keys() ?? [])].join(', ')} }`;
}

/** A short type name: `string`, `list of object`, `one of 3 forms`, a link to a definition. */
function typeOf(schema: JsonSchema): string {
  const ref = refTarget(schema);
  if (ref !== undefined) return `[${ref.label}](#${ref.anchor})`;
  if (schema.anyOf !== undefined) {
    if (schema.anyOf.some(isObjectForm)) return `one of ${schema.anyOf.length} forms`;
    return [...new Set(schema.anyOf.map(typeOf))].join(' or ');
  }
  const types = schema.type ?? [];
  if (types.includes('array')) return `list of ${schema.items === undefined ? 'any' : typeOf(schema.items)}`;
  if (types.includes('object')) return isMap(schema) ? 'map' : 'object';
  if (types.length > 0) return types.join(' or ');
  return 'any';
}

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const units = (n: number): string => (n === 1 ? unit : `${unit}s`);
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${units(min)}` : `${min}–${max} ${units(max)}`;
  if (min !== undefined) return `at least ${min} ${units(min)}`;
  if (max !== undefined) return `at most ${max} ${units(max)}`;
  return undefined;
}

/** The constraints of one schema, as short phrases. */
function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.const !== undefined) out.push(`only ${code(yamlValue(schema.const))}`);
  if (schema.enum !== undefined) out.push(schema.enum.map((value) => code(yamlValue(value))).join(', '));
  if (schema.pattern !== undefined) out.push(`matching ${code(schema.pattern)}`);
  const length = range(schema.minLength, schema.maxLength, 'character');
  if (length !== undefined) out.push(length);
  const items = range(schema.minItems, schema.maxItems, 'item');
  if (items !== undefined) out.push(items);
  const keys = range(schema.minProperties, schema.maxProperties, 'key');
  if (keys !== undefined) out.push(keys);
  const low = schema.exclusiveMinimum !== undefined ? `> ${schema.exclusiveMinimum}` : schema.minimum !== undefined ? `≥ ${schema.minimum}` : undefined;
  const high = schema.exclusiveMaximum !== undefined ? `< ${schema.exclusiveMaximum}` : schema.maximum !== undefined ? `≤ ${schema.maximum}` : undefined;
  if (low !== undefined || high !== undefined) out.push([low, high].filter((part) => part !== undefined).join(', '));
  if (schema.type?.includes('integer') === true) out.push('a whole number');
  if (schema.propertyNames !== undefined) out.push(`keys: ${allowedOf(schema.propertyNames)}`);
  return out;
}

/** The allowed values of a field, unions included. */
function allowedOf(schema: JsonSchema): string {
  if (schema.anyOf !== undefined && !schema.anyOf.some(isObjectForm)) {
    const options = schema.anyOf.map((option) => constraintsOf(option).join('; ')).filter((text) => text !== '');
    return [...constraintsOf({ ...schema, anyOf: undefined }), options.join(', or ')].filter((text) => text !== '').join('; ');
  }
  const own = constraintsOf(schema);
  if (schema.items !== undefined && refTarget(schema.items) === undefined) {
    const each = allowedOf(schema.items);
    if (each !== '' && !isObjectForm(schema.items)) own.push(`each: ${each}`);
  }
  return own.join('; ');
}

function presenceOf(schema: JsonSchema, required: boolean): string {
  if (schema.default !== undefined) return `default ${code(yamlValue(schema.default))}`;
  return required ? '**required**' : 'optional';
}

/** The forms of a union of objects, for the union's own row. */
function formsText(options: readonly JsonSchema[]): string {
  const forms = options.map((option) => {
    const name = isObjectForm(option) ? code(formName(option)) : `a ${typeOf(option)}${allowedOf(option) === '' ? '' : ` (${allowedOf(option)})`}`;
    return option.description === undefined ? name : `${name}: ${cell(option.description)}`;
  });
  return `One of: ${forms.join('<br>')}`;
}

/** How a field's own row is written. */
interface RowOptions {
  /** Text before the description, e.g. the form the field belongs to. */
  lead?: string;
  /** Leave the description out: a section's own row, whose description heads the section. */
  omitDescription?: boolean;
}

/** The rows of one field and everything inside it. */
function rowsOf(schema: JsonSchema, path: string, required: boolean, options: RowOptions = {}): Row[] {
  const lead = options.lead ?? '';
  const unionOptions = schema.anyOf ?? schema.items?.anyOf;
  const unionHasForms = unionOptions?.some(isObjectForm) === true;
  const own = options.omitDescription === true ? '' : `${lead}${schema.description === undefined ? '' : cell(schema.description)}`;
  const description = [own, unionHasForms && unionOptions !== undefined ? formsText(unionOptions) : ''].filter((text) => text !== '').join('<br>');
  const rows: Row[] = [{ path, type: typeOf(schema), presence: presenceOf(schema, required), allowed: allowedOf(schema), description }];
  return [...rows, ...childRows(schema, path)];
}

/** Rows for what a field holds: properties, map values, list items, union forms. */
function childRows(schema: JsonSchema, path: string, lead = ''): Row[] {
  if (refTarget(schema) !== undefined) return [];
  if (schema.anyOf !== undefined) {
    const forms = schema.anyOf.filter(isObjectForm);
    // With several forms, say which one a field belongs to: two forms may share a key (name).
    return forms.flatMap((form) => childRows(form, path, forms.length > 1 ? `In ${code(formName(form))}: ` : ''));
  }
  if (schema.items !== undefined) return childRows(schema.items, `${path}[]`);
  if (schema.properties !== undefined && schema.properties.size > 0) {
    const required = new Set(schema.required ?? []);
    return [...schema.properties].flatMap(([name, property]) => rowsOf(property, `${path}.${name}`, required.has(name), { lead }));
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false && isObjectForm(schema.additionalProperties)) {
    return childRows(schema.additionalProperties, `${path}.<key>`);
  }
  return [];
}

function table(rows: readonly Row[]): string {
  const lines = ['| Field | Type | Required / default | Allowed values | Description |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${code(row.path)} | ${row.type} | ${row.presence} | ${row.allowed} | ${row.description} |`);
  return lines.join('\n');
}

function section(name: string, schema: JsonSchema, required: boolean): string {
  const heading = `## \`${name}\``;
  const lead = schema.description === undefined ? '' : `${schema.description}\n\n`;
  return `${heading}\n\n${lead}${table(rowsOf(schema, name, required, { omitDescription: schema.description !== undefined }))}\n`;
}

function definition(document: SchemaDocument, name: string): JsonSchema {
  const found = document.definitions.get(name);
  if (found === undefined) throw new Error(`config docs: the schema has no definition "${name}"; update scripts/config-docs.ts`);
  return found;
}

/** Checks that the notes name exactly the given names, so neither side can drift. */
function notesFor(what: string, names: readonly string[], notes: Readonly<Record<string, string>>): [string, string][] {
  const missing = names.filter((name) => notes[name] === undefined);
  const stale = Object.keys(notes).filter((name) => !names.includes(name));
  if (missing.length > 0 || stale.length > 0) {
    throw new Error(
      `config docs: the ${what} notes in scripts/config-docs-notes.ts do not match the schema (${[
        missing.length > 0 ? `no note for ${missing.join(', ')}` : '',
        stale.length > 0 ? `no such ${what} ${stale.join(', ')}` : '',
      ]
        .filter((text) => text !== '')
        .join('; ')}); update the notes`,
    );
  }
  return names.map((name) => [name, notes[name] ?? '']);
}

function enumOf(schema: JsonSchema | undefined): string[] {
  const names = schema?.anyOf?.flatMap((option) => option.enum ?? []) ?? schema?.enum ?? [];
  return names.filter((name): name is string => typeof name === 'string');
}

function patternOf(schema: JsonSchema | undefined): string | undefined {
  return schema?.anyOf?.find((option) => option.pattern !== undefined)?.pattern;
}

/** The conditions section, from the `condition` and `fieldTest` definitions. */
function conditionsSection(document: SchemaDocument): string {
  const condition = definition(document, 'condition');
  const fieldTest = definition(document, 'fieldTest');
  const forms = condition.anyOf ?? [];
  const combinators = forms.filter((form) => form.properties?.size === 1 && form.additionalProperties === false);
  const fieldForm = forms.find((form) => form.additionalProperties !== undefined && form.additionalProperties !== false);
  const operatorForm = fieldTest.anyOf?.find((form) => form.type?.includes('object') === true);
  const valueForm = fieldTest.anyOf?.find((form) => form.type?.includes('object') !== true);
  if (fieldForm === undefined || operatorForm === undefined || valueForm === undefined || combinators.length === 0) {
    throw new Error('config docs: the condition definitions changed shape; update conditionsSection in scripts/config-docs.ts');
  }
  const fields = notesFor('field', enumOf(fieldForm.propertyNames), CONDITION_FIELD_NOTES);
  const operators = notesFor('operator', enumOf(operatorForm.propertyNames), CONDITION_OPERATOR_NOTES);
  const attributePattern = patternOf(fieldForm.propertyNames);
  const pluginPattern = patternOf(operatorForm.propertyNames);
  const combinatorRows = combinators.map((form) => {
    const [name = '', inner] = [...(form.properties ?? [])][0] ?? [];
    return `| ${code(name)} | ${inner === undefined ? '' : typeOf(inner)} | ${inner === undefined ? '' : allowedOf(inner)} |`;
  });
  return [
    '## Conditions (`when`)',
    '',
    condition.description ?? '',
    '',
    'Conditions nest with these keys; every other key is a field test.',
    '',
    '| Key | Holds | Allowed values |',
    '|---|---|---|',
    ...combinatorRows,
    '',
    '### Fields',
    '',
    cell(fieldForm.description ?? ''),
    `A field test names exactly one field (${range(fieldForm.minProperties, fieldForm.maxProperties, 'key')}).`,
    '',
    '| Field | What it tests |',
    '|---|---|',
    ...fields.map(([name, note]) => `| ${code(name)} | ${note} |`),
    ...(attributePattern === undefined ? [] : [`| ${code('attributes.<code>')} | A custom attribute of the request's category; the name matches ${code(attributePattern)}. |`]),
    '',
    '### Field tests',
    '',
    cell(fieldTest.description ?? ''),
    `A bare value (${typeOf(valueForm)}) is the same as \`{ eq: value }\`.`,
    '',
    '| Operator | Passes when |',
    '|---|---|',
    ...operators.map(([name, note]) => `| ${code(name)} | ${note} |`),
    ...(pluginPattern === undefined ? [] : [`| ${code('<plugin-id>.<name>')} | A plugin's operator (the name matches ${code(pluginPattern)}); see [the routing cookbook](routing-cookbook.md). |`]),
    '',
  ].join('\n');
}

/** What the reference is rendered from. */
export interface ConfigurationDocInput {
  document: SchemaDocument;
  /** The hand-written Markdown: `{{sections}}` marks where the generated part goes. */
  template: string;
  /** Where the schema lives, named in the notice at the top. */
  schemaPath: string;
}

/** The marker in the template the generated sections replace. */
export const SECTIONS_MARKER = '{{sections}}';

/**
 * The text of docs/configuration.md.
 *
 * @example
 * const text = renderConfigurationDoc({ document, template: '# Reference\n\n{{sections}}\n', schemaPath: 'kechuang.config.schema.json' });
 */
export function renderConfigurationDoc(input: ConfigurationDocInput): string {
  const { document, template, schemaPath } = input;
  if (template.split(SECTIONS_MARKER).length !== 2) throw new Error(`config docs: the template must hold ${SECTIONS_MARKER} exactly once`);
  const properties = document.root.properties;
  if (properties === undefined) throw new Error('config docs: the schema has no top-level properties');
  const required = new Set(document.root.required ?? []);
  const contents = [...properties.keys()].map((name) => `[\`${name}\`](#${name.toLowerCase()})`);
  const sections = [
    `The top-level keys: ${contents.join(' · ')} · [conditions](#conditions-when).`,
    '',
    ...[...properties].map(([name, schema]) => section(name, schema, required.has(name))),
    conditionsSection(document),
  ].join('\n');
  const notice = `<!-- Generated from ${schemaPath} by scripts/generate-config-docs.ts. Do not edit: change the schema's descriptions or scripts/configuration-intro.md, then run npm run generate:config-docs. -->`;
  return `${notice}\n\n${template.replace(SECTIONS_MARKER, () => sections).trimEnd()}\n`;
}
