import { z } from 'zod';
import {
  assignTargetSchema,
  assistTargetSchema,
  categoryAttributeSchema,
  categorySchema,
  conditionSchema,
  fieldTestSchema,
  labelsSchema,
  officeConfigSchema,
  portfolioSchema,
  routingSchema,
  pluginActionsSchema,
  ruleActionsSchema,
  ruleSchema,
  MAX_PLUGIN_ACTIONS,
  slaPolicyRefSchema,
  teamRefSchema,
} from './config-schema.js';
import { BUILTIN_OPERATORS } from '../routing/conditions/operators.js';
import { ATTRIBUTES_PREFIX, FIELD_NAMES } from '../routing/conditions/fields.js';
import { unionOptions, unwrapSchema } from './schema-introspection.js';

/**
 * The JSON Schema of the office config, generated from the zod schema so editors (e.g. VS Code
 * with the YAML extension) autocomplete and validate `kechuang.config.yaml`. The package ships
 * it as `kechuang.config.schema.json` (regenerate with
 * `node --import tsx scripts/generate-config-schema.ts`; a test fails when it is stale).
 *
 * Draft-07, the draft editors support best; the *input* shape, so keys with defaults are
 * optional. Semantic checks (references, regex safety, ...) are beyond JSON Schema: run
 * `parseOfficeConfig` (or the CLI) for those.
 */

/** Where the published schema lives; also its `$id`. */
export const OFFICE_CONFIG_SCHEMA_ID = 'https://unpkg.com/@kechuang/community/kechuang.config.schema.json';

type Schema = z.core.$ZodType;

const ASSIGN_FORMS = [
  'A member, by id or staff number.',
  "The commissioner holding this portfolio (专员), e.g. economic_development.",
  "The captain of the request's park (园区长).",
  'A member of this team (directory code, e.g. LEGAL), chosen round_robin (assigned least recently), least_loaded (fewest open requests) or by a plugin strategy named <plugin-id>.<name>.',
  'The triage owner: the station head (站长) or a dispatcher.',
] as const;

const ASSIST_FORMS = ['A member, by id or staff number.', 'A team, by its directory code.', "The captain of the request's park."] as const;

/** Descriptions of object properties, per object schema. */
function propertyDescriptions(): Map<Schema, Record<string, string>> {
  const map = new Map<Schema, Record<string, string>>([
    [
      officeConfigSchema,
      {
        version: 'The format version of this file. Always 1.',
        portfolios: 'The portfolios (专员分工) of the office, e.g. economic_development. Who holds each one is directory data, not config.',
        teams: 'Teams rules may assign to or ask for assistance. Their members are directory data.',
        categories: 'The request categories (诉求类别), each with optional custom attributes, like Open311 service definitions.',
        slaPolicies: 'The names of the SLA policies categories and rules may pick.',
        routing: 'How requests find their assignee: ordered rules and a required fallback.',
      },
    ],
    [labelsSchema, { 'zh-CN': 'The name in Chinese.', en: 'The name in English.' }],
    [portfolioSchema, { id: 'The portfolio id: lower-case letters, digits and underscores.', labels: 'The names shown to people.' }],
    [teamRefSchema, { code: "The team's code in the directory, e.g. LEGAL.", labels: 'The names shown to people.' }],
    [
      categorySchema,
      {
        id: 'The category id, e.g. legal. Rules test it as { category: legal }.',
        labels: 'The names shown to people.',
        portfolio: 'The portfolio this category belongs to (a declared portfolio id).',
        sla: 'The SLA policy requests of this category get unless a rule sets another (a declared SLA policy id).',
        attributes: 'Custom attributes a request of this category carries; rules test them as attributes.<code>.',
      },
    ],
    [
      categoryAttributeSchema,
      {
        code: 'The attribute code, e.g. amount.',
        labels: 'The names shown to people.',
        type: 'string, number, boolean, single (one of values) or multi (several of values).',
        required: 'Whether a request of this category must give it. Default false.',
        values: 'The allowed values; required for single and multi, not allowed otherwise.',
      },
    ],
    [slaPolicyRefSchema, { id: 'The SLA policy id, e.g. consultation.', labels: 'The names shown to people.' }],
    [
      routingSchema,
      {
        rules: 'Evaluated in order: the first matching rule that assigns decides the assignee; a rule with continue: true lets later rules add side actions.',
        fallback: 'Required: where a request goes when no rule assigns it, so nothing is ever unrouted.',
      },
    ],
    [routingSchema.shape.fallback, { assign: 'Usually the triage owner: { role: station_head }.' }],
    [
      ruleSchema,
      {
        id: 'The rule id, recorded on every decision it makes, e.g. legal_debts.',
        description: 'What the rule is for, for people reading the config.',
        when: 'The condition: { all: [...] }, { any: [...] }, { not: ... } or one field test such as { category: legal }.',
        then: 'What the rule does when it matches.',
        continue: 'Keep evaluating later rules after this one matched (for side actions). Default false.',
      },
    ],
    [
      ruleActionsSchema,
      {
        assign: 'Who gets the request: { member }, { portfolio }, { captain: true }, { team, strategy } or { role }.',
        assist: 'Assisting units (协办) to add: members, teams or the park captain.',
        priority: 'Set the priority.',
        sla: 'Set the SLA policy (a declared SLA policy id).',
        tags: 'Tags to add to the request.',
        watchers: 'Who follows the request: members by id or staff number, or { captain: true } for the captain of its park.',
        plugins: "Plugin routing actions to run, each by its name <plugin-id>.<name> with its argument, e.g. { duplicates.flag: { days: 30 } }. They run after the rule's own actions, in the order written.",
      },
    ],
  ]);
  return map;
}

/** Descriptions of whole schemas (shown for union forms and the condition definition). */
function schemaDescriptions(): Map<Schema, string> {
  const map = new Map<Schema, string>();
  (unionOptions(assignTargetSchema) ?? []).forEach((option, i) => map.set(option, ASSIGN_FORMS[i] ?? ''));
  (unionOptions(assistTargetSchema) ?? []).forEach((option, i) => map.set(option, ASSIST_FORMS[i] ?? ''));
  map.set(fieldTestSchema, `A value the field must equal, or an object of operators: ${BUILTIN_OPERATORS.join(', ')}, or a plugin operator by its namespaced name (e.g. geo.within).`);
  return map;
}

/**
 * The office config's JSON Schema (draft-07), with `$id`, title and descriptions.
 *
 * @example
 * ```ts
 * const schema = officeConfigJsonSchema();
 * schema.$id; // 'https://unpkg.com/@kechuang/community/kechuang.config.schema.json'
 * ```
 */
export function officeConfigJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<{ id?: string; description?: string }>();
  metadata.add(conditionSchema, {
    id: 'condition',
    description:
      'A routing condition: { all: [...] }, { any: [...] }, { not: ... }, or one field test, e.g. { category: legal }, { park: P01 }, { text: { any: [欠款, 尾款] } }, { enterprise.size: { in: [small, micro] } }, { attributes.amount: { gte: 10000 } }.',
  });
  const properties = propertyDescriptions();
  const wholes = schemaDescriptions();
  metadata.add(fieldTestSchema, { id: 'fieldTest' });
  const fieldTestRecord = unionOptions(fieldTestSchema)?.[1];
  const fieldRef = { $ref: '#/definitions/fieldTest' };
  const generated = z.toJSONSchema(officeConfigSchema, {
    target: 'draft-07',
    io: 'input',
    metadata,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // A `.describe()` in the zod schema (kept in zod's global registry) describes the field too.
      const own = z.globalRegistry.get(zodSchema)?.description;
      if (own !== undefined && jsonSchema.description === undefined) jsonSchema.description = own;
      const described = properties.get(zodSchema);
      const props = jsonSchema.properties;
      if (described !== undefined && props !== undefined) {
        for (const [key, description] of Object.entries(described)) {
          const property = props[key];
          if (property === undefined) throw new Error(`officeConfigJsonSchema: no property "${key}" to describe`);
          // Replace rather than mutate: the converter may share one object between places.
          props[key] = typeof property === 'boolean' ? property : { description, ...property };
        }
      }
      const whole = wholes.get(zodSchema);
      if (whole !== undefined) jsonSchema.description = whole;
      // What the refinements and the routing checks enforce, told to editors: a field test
      // names exactly one known field (autocompleted), an operator object is non-empty.
      const inner = unwrapSchema(zodSchema);
      if (inner instanceof z.ZodRecord && inner.valueType === fieldTestSchema) {
        Object.assign(jsonSchema, {
          description: `One field test: ${FIELD_NAMES.join(', ')} or ${ATTRIBUTES_PREFIX}<code>.`,
          properties: Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldRef])),
          propertyNames: { anyOf: [{ enum: [...FIELD_NAMES] }, { type: 'string', pattern: `^${ATTRIBUTES_PREFIX.replace('.', '\\.')}[a-z][a-z0-9_]*$` }] },
          minProperties: 1,
          maxProperties: 1,
        });
      }
      if (zodSchema === pluginActionsSchema) jsonSchema.maxProperties = MAX_PLUGIN_ACTIONS;
      if (zodSchema === fieldTestRecord) {
        Object.assign(jsonSchema, {
          properties: Object.fromEntries(BUILTIN_OPERATORS.map((name) => [name, {}])),
          propertyNames: { anyOf: [{ enum: [...BUILTIN_OPERATORS] }, { type: 'string', pattern: '^[^.]+\\..+$' }] },
          minProperties: 1,
        });
      }
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: OFFICE_CONFIG_SCHEMA_ID,
    title: 'Kechuang office config (kechuang.config.yaml)',
    description:
      "A street office's routing policy for @kechuang/community: portfolios, teams, request categories, SLA policy names and routing rules. Add `# yaml-language-server: $schema=<path or URL of this file>` at the top of the YAML for editor support.",
    ...rest,
  };
}

/**
 * The text of the shipped `kechuang.config.schema.json`: the schema, two-space indented, with
 * a final newline.
 *
 * @example
 * ```ts
 * writeFileSync('kechuang.config.schema.json', officeConfigJsonSchemaText());
 * ```
 */
export function officeConfigJsonSchemaText(): string {
  return `${JSON.stringify(officeConfigJsonSchema(), null, 2)}\n`;
}
