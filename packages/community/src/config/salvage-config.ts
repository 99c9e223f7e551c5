import type { z } from 'zod';
import { calendarConfigSchema } from '../calendar/calendar-schema.js';
import {
  categoryAttributeSchema,
  categorySchema,
  portfolioSchema,
  routingSchema,
  ruleActionsSchema,
  ruleSchema,
  slaPolicyRefSchema,
  teamRefSchema,
  type OfficeConfig,
} from './config-schema.js';

/**
 * When the schema rejects a config, the routing checks still deserve a say, so the error can
 * list every problem at once. This builds the largest valid {@link OfficeConfig} the document
 * supports: every rule that is valid on its own (remembering its original index), declared
 * portfolios/teams/categories/SLA policies (a declared item with other problems is kept by its
 * id, so rules naming it are not reported as naming an unknown one), and the fallback if it is
 * valid (else a neutral stand-in, whose own problems the schema has already reported).
 */
export interface SalvagedConfig {
  config: OfficeConfig;
  /** For each rule in `config.routing.rules`, its index in the document. */
  ruleIndex: number[];
  /** Paths (in the salvaged config) that hold stand-ins; problems under them are not real. */
  stubbed: (string | number)[][];
}

type Actions = OfficeConfig['routing']['rules'][number]['then'];

/** The valid actions of a rule's `then`; a stand-in (and `stubbed`) when none is valid. */
function salvageActions(raw: unknown): { actions: Actions; stubbed: boolean } {
  const whole = ruleActionsSchema.safeParse(raw);
  if (whole.success) return { actions: whole.data, stubbed: false };
  const actions: Record<string, unknown> = {};
  if (isObject(raw)) {
    for (const [key, schema] of Object.entries(ruleActionsSchema.shape)) {
      const parsed = schema.safeParse(raw[key]);
      if (parsed.success && parsed.data !== undefined) actions[key] = parsed.data;
    }
  }
  const salvaged = ruleActionsSchema.safeParse(actions);
  if (salvaged.success && Object.keys(actions).length > 0) return { actions: salvaged.data, stubbed: false };
  return { actions: { tags: ['invalid_rule'] }, stubbed: true };
}

const PLACEHOLDER_LABELS = { 'zh-CN': '?', en: '?' } as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function salvageList<T>(items: unknown, schema: z.ZodType<T>, stub: (item: Record<string, unknown>) => T | undefined): T[] {
  const out: T[] = [];
  for (const item of listOf(items)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else if (isObject(item)) {
      const fallback = stub(item);
      if (fallback !== undefined) out.push(fallback);
    }
  }
  return out;
}

function stringField(item: Record<string, unknown>, key: string): string | undefined {
  const value = item[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The largest valid config within `document`, or undefined when it is not even an object.
 *
 * @example
 * ```ts
 * const salvaged = salvageConfig({ routing: { rules: [bad, good], fallback } });
 * salvaged?.ruleIndex; // [1]
 * ```
 */
export function salvageConfig(document: unknown): SalvagedConfig | undefined {
  if (!isObject(document)) return undefined;
  const byId = (item: Record<string, unknown>) => {
    const id = stringField(item, 'id');
    return id === undefined ? undefined : { id, labels: { ...PLACEHOLDER_LABELS } };
  };
  const routing = isObject(document['routing']) ? document['routing'] : {};
  const rules: OfficeConfig['routing']['rules'] = [];
  const ruleIndex: number[] = [];
  const stubbed: (string | number)[][] = [];
  listOf(routing['rules']).forEach((raw, index) => {
    const parsed = ruleSchema.safeParse(raw);
    if (parsed.success) {
      rules.push(parsed.data);
      ruleIndex.push(index);
      return;
    }
    if (!isObject(raw)) return;
    // Keep what is valid of an invalid rule, stand in for the rest, and ignore what the
    // checks say about the stand-ins (the schema has already reported those parts).
    const at = rules.length;
    const id = ruleSchema.shape.id.safeParse(raw['id']);
    const when = ruleSchema.shape.when.safeParse(raw['when']);
    const then = salvageActions(raw['then']);
    if (!id.success) stubbed.push(['routing', 'rules', at, 'id']);
    if (!when.success) stubbed.push(['routing', 'rules', at, 'when']);
    if (then.stubbed) stubbed.push(['routing', 'rules', at, 'then']);
    rules.push({
      id: id.success ? id.data : `invalid_rule_${index}`,
      when: when.success ? when.data : { category: 'invalid_rule' },
      then: then.actions,
      continue: false,
    });
    ruleIndex.push(index);
  });
  const fallback = routingSchema.shape.fallback.safeParse(routing['fallback']);
  if (!fallback.success) stubbed.push(['routing', 'fallback']);
  const config: OfficeConfig = {
    version: 1,
    portfolios: salvageList(document['portfolios'], portfolioSchema, byId),
    teams: salvageList(document['teams'], teamRefSchema, (item) => {
      const code = stringField(item, 'code');
      return code === undefined ? undefined : { code, labels: { ...PLACEHOLDER_LABELS } };
    }),
    categories: salvageList(document['categories'], categorySchema, (item) => {
      const stub = byId(item);
      if (stub === undefined) return undefined;
      // Keep the attributes, so rules testing them are not told they are undeclared; one whose
      // type is unreadable stands in with every type, so no operator is told it does not apply.
      const attributes = listOf(item['attributes']).flatMap((attribute) => {
        const parsed = categoryAttributeSchema.safeParse(attribute);
        if (parsed.success) return [parsed.data];
        const code = isObject(attribute) ? stringField(attribute, 'code') : undefined;
        if (code === undefined || !isObject(attribute)) return [];
        const type = categoryAttributeSchema.shape.type.safeParse(attribute['type']);
        const types = type.success ? [type.data] : categoryAttributeSchema.shape.type.options;
        return types.map((t) => ({ code, labels: { ...PLACEHOLDER_LABELS }, type: t, required: false }));
      });
      return { ...stub, attributes };
    }),
    slaPolicies: salvageList(document['slaPolicies'], slaPolicyRefSchema, (item) => {
      const stub = byId(item);
      return stub === undefined ? undefined : { ...stub, reminders: [], escalation: [], returnWindowWorkingDays: 2, pauseStopsClock: true };
    }),
    calendar: calendarConfigSchema.parse({}),
    routing: {
      rules,
      fallback: fallback.success ? fallback.data : { assign: { role: 'station_head' } },
    },
  };
  return { config, ruleIndex, stubbed };
}

/** Whether `path` lies under one of the `stubbed` paths. */
export function isUnderStub(path: readonly (string | number)[], stubbed: readonly (readonly (string | number)[])[]): boolean {
  return stubbed.some((prefix) => prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment));
}

/** Maps a problem path in the salvaged config back to the document (rule indices differ). */
export function remapSalvagedPath(path: readonly (string | number)[], ruleIndex: readonly number[]): (string | number)[] {
  const [first, second, third, ...rest] = path;
  if (first === 'routing' && second === 'rules' && typeof third === 'number') {
    return ['routing', 'rules', ruleIndex[third] ?? third, ...rest];
  }
  return [...path];
}
