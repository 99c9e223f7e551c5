import type { z } from 'zod';
import type { FieldDefinition, FieldType, JsonValue, ModelDefinition } from '../storage/types.js';

/**
 * A zod schema, as plugins declare options and event payloads: any of zod's schemas (`z.object`,
 * `z.string` …). Named by zod's core shape and the two methods the host calls rather than by
 * `z.ZodType`, whose many methods the compiler would otherwise compare for every schema of
 * every plugin: about twenty times the type instantiations of a plugin's options and events
 * (see bench/type-check).
 *
 * @example
 * ```ts
 * const options: PluginZodSchema = z.object({ tag: z.string().default('vip') });
 * ```
 */
export type PluginZodSchema = z.core.$ZodType & {
  /** Parses `data`, throwing zod's error when it does not fit. */
  parse(data: unknown): unknown;
  /** Parses `data` without throwing. */
  safeParse(data: unknown): unknown;
};

/** Event name → zod schema of its payload. */
export type PluginEventSchemas = Record<string, PluginZodSchema>;

/** The payload types of declared plugin events. */
export type PluginEventTypes<E extends PluginEventSchemas> = { [K in keyof E]: z.output<E[K]> };

/**
 * Core models a plugin may add fields to.
 *
 * @useDeclaredType
 */
export type ExtensibleModel = (typeof extensibleModels)[number];

/** The core models plugins may add fields to (the SDK's own bookkeeping models are not among them). */
export const extensibleModels = ['request', 'enterprise', 'visit', 'member', 'park', 'community', 'team'] as const;

/**
 * New fields on existing models. Each is nullable (rows that predate the plugin have no value)
 * and named with the plugin's id in camelCase first: plugin `audit-chain` adds `auditChainHead`.
 */
export type PluginFieldExtensions = {
  [M in ExtensibleModel]?: Record<
    string,
    FieldDefinition & {
      /** Always true: rows written before the plugin have no value. */
      nullable: true;
    }
  >;
};

/** What a plugin stores: new models, and new fields on core models. */
export interface PluginSchema {
  /** New models, by name, which starts with the plugin's id in snake_case: `audit_chain_entry`. */
  models?: Record<string, ModelDefinition>;
  /** New fields on core models. */
  fields?: PluginFieldExtensions;
}

/** The TypeScript type of a stored field type. */
type ValueOf<T extends FieldType> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'date'
        ? Date
        : JsonValue;

/** The record type of added fields, e.g. `{ auditChainHead: string | null }`. */
export type FieldValues<F> = {
  -readonly [K in keyof F]: F[K] extends {
    /** The field's stored type. */
    type: infer T extends FieldType;
  }
    ? ValueOf<T> | null
    : never;
};

/**
 * A core record as read through a community with plugins: `T` with the fields the plugins add
 * to `M`, e.g. `ServiceRequest & { auditChainHead: string | null }`; just `T` when none does.
 * `Fields` is the plugins' fields by model (`{}` without plugins, else e.g.
 * `{ request: { auditChainHead: string | null } }`), which `createCommunity` infers.
 *
 * @example
 * ```ts
 * type Ours = WithPluginFields<ServiceRequest, { request: { auditChainHead: string | null } }, 'request'>;
 * const head: string | null = ({} as Ours).auditChainHead;
 * ```
 */
export type WithPluginFields<T, Fields, M extends ExtensibleModel> = Fields extends { readonly [K in M]: infer F } ? T & F : T;
