import type { z } from 'zod';
import type { PluginSetupContext } from './plugin-context.js';
import type { PluginErrorCodes } from './plugin-errors.js';
import { installPlugins } from './plugin-host.js';
import type { FieldValues, PluginEventSchemas, PluginEventTypes, PluginFieldExtensions, PluginSchema, PluginZodSchema } from './plugin-types.js';

/** A plugin's static declaration: what the host's types and start-up checks must see. */
export interface PluginDefinition<
  Id extends string,
  OptionsSchema extends PluginZodSchema | undefined,
  Events extends PluginEventSchemas,
  Schema extends PluginSchema = PluginSchema,
  Errors extends PluginErrorCodes = PluginErrorCodes,
> {
  /** Unique among the plugins of one community, lower-case with dashes, e.g. `audit-chain`. */
  id: Id;
  /** The plugin's own version (semver), shown in errors and `community.plugins`. @default '0.0.0' */
  version?: string;
  /** Ids of plugins this one needs; they are set up first. A missing one or a cycle fails at start. @default [] */
  dependencies?: readonly string[];
  /** Schema of the options the host passes; validated when the community is created. */
  options?: OptionsSchema;
  /** What the plugin stores: new models, and new nullable fields on core models. */
  schema?: Schema;
  /** Events the plugin publishes; their payload types flow into `community.events`. */
  events?: Events;
  /** The plugin's own error codes, each with its HTTP status; thrown as `<id>:<CODE>`. */
  errors?: Errors;
  /** Registers what the plugin adds. Runs once, when the community is created, dependencies first. */
  setup(ctx: PluginSetupContext<OptionsSchema extends PluginZodSchema ? z.output<OptionsSchema> : undefined, PluginEventTypes<Events>, keyof Errors & string>): void;
}

declare const TYPES: unique symbol;

/** What a plugin adds to the host's types. */
export interface PluginTypes {
  /** The plugin's event payloads, by event name. */
  events: Record<string, unknown>;
  /** Added fields by model, as record types. */
  fields: { [model: string]: Record<string, unknown> };
}

/** A configured plugin, ready to pass to `createCommunity({ plugins })`. */
export interface Plugin<Id extends string = string, Types extends PluginTypes = PluginTypes> {
  /** The plugin's id, e.g. `audit-chain`. */
  readonly id: Id;
  /** The unparsed options the host gave. */
  readonly rawOptions: unknown;
  // The definition's generics are erased here; the host needs only its runtime parts (zod's
  // schema classes, whose parse methods it calls).
  /** What `definePlugin` was given. */
  readonly definition: PluginDefinition<Id, z.ZodType | undefined, Record<string, z.ZodType>>;
  /**
   * Installs a list of plugins. It travels with each plugin, so that an embedding without
   * plugins never loads the plugin host.
   *
   * @internal
   */
  readonly install: typeof installPlugins;
  /** Type-level only: what the plugin adds to the host's types. */
  readonly [TYPES]?: Types;
}

// A schema declared without fields, or only typed as the wide PluginSchema, adds nothing the
// host's types can name: it must still fit `PluginTypes`, so that the plugin can be passed.
/** The record types of the fields a plugin schema adds, by model. */
type FieldTypesOf<F extends PluginFieldExtensions | undefined> = F extends PluginFieldExtensions ? { [M in keyof F]: FieldValues<F[M]> } : Record<never, never>;

/** The function `definePlugin` returns: call it with the plugin's options to configure it. */
export type PluginFactory<
  Id extends string,
  OptionsSchema extends PluginZodSchema | undefined,
  Events extends PluginEventSchemas,
  Schema extends PluginSchema = PluginSchema,
> = (
  // Options may be left out when the schema takes undefined or `{}` (every option has a default).
  ...args: OptionsSchema extends PluginZodSchema
    ? undefined extends z.input<OptionsSchema>
      ? [options?: z.input<OptionsSchema>]
      : Record<never, never> extends z.input<OptionsSchema>
        ? [options?: z.input<OptionsSchema>]
        : [options: z.input<OptionsSchema>]
    : []
) => Plugin<
  Id,
  {
    /** The plugin's event payloads, by event name. */
    events: PluginEventTypes<Events>;
    /** The fields the plugin adds, by model. */
    fields: FieldTypesOf<Schema['fields']>;
  }
>;

/**
 * Declares a plugin: its id, version and dependencies, its options schema, what it stores,
 * the events it publishes and its error codes (all static, so the host's types and start-up
 * checks see them), and `setup`, which registers hooks and everything else it adds.
 *
 * @example
 * ```ts
 * const tagger = definePlugin({
 *   id: 'tagger',
 *   version: '1.0.0',
 *   options: z.object({ tag: z.string().default('vip') }),
 *   events: { 'tagger.tagged': z.object({ requestId: z.string() }) },
 *   setup({ options, hooks, emit }) {
 *     hooks.before('submit', ({ input }) => ({ input: { ...input, tags: [options.tag] } }));
 *     hooks.after('submit', ({ request }) => emit('tagger.tagged', { requestId: request.id }));
 *   },
 * });
 * const community = createCommunity({ storage: memoryStorage(), plugins: [tagger({ tag: 'gold' })] });
 * community.events.on('tagger.tagged', ({ requestId }) => console.log(requestId));
 * ```
 */
export function definePlugin<
  const Id extends string,
  OptionsSchema extends PluginZodSchema | undefined = undefined,
  Events extends PluginEventSchemas = Record<never, never>,
  const Schema extends PluginSchema = Record<never, never>,
  const Errors extends PluginErrorCodes = Record<never, never>,
>(definition: PluginDefinition<Id, OptionsSchema, Events, Schema, Errors>): PluginFactory<Id, OptionsSchema, Events, Schema> {
  const factory = (...args: unknown[]) => ({
    id: definition.id,
    rawOptions: args[0],
    definition: definition as unknown as Plugin<Id>['definition'],
    install: installPlugins,
  });
  return factory as unknown as PluginFactory<Id, OptionsSchema, Events, Schema>;
}

type UnionToIntersection<U> = [U] extends [never]
  ? Record<never, never>
  : (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
    ? I
    : never;

type TypesOf<P extends readonly Plugin[]> = P[number] extends infer Q ? (Q extends Plugin<string, infer T> ? T : never) : never;

/** The event map a list of plugins adds. */
export type EventsOfPlugins<P extends readonly Plugin[]> = UnionToIntersection<TypesOf<P>['events']>;

/**
 * The fields a list of plugins adds, by model: `{ request: { auditChainHead: string | null } }`.
 * Computed once per community (one intersection of the plugins' field maps), so that the
 * session's types only index it.
 */
export type FieldMapOfPlugins<P extends readonly Plugin[]> = UnionToIntersection<TypesOf<P>['fields']>;

/** The fields a list of plugins adds to `model`, e.g. `{ auditChainHead: string | null }`. */
export type FieldsOfPlugins<P extends readonly Plugin[], M extends string> = UnionToIntersection<
  TypesOf<P>['fields'] extends infer F ? (F extends { [K in M]: infer R } ? R : never) : never
>;
