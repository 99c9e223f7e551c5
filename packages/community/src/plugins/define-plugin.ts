import type { z } from 'zod';
import type { ModelDefinition } from '../storage/types.js';
import type { OperatorDefinition } from '../routing/types.js';
import type { TimerHandler } from '../timers/timer-handlers.js';
import type { JsonValue, StorageOperations } from '../storage/types.js';

/** A timer a plugin schedules. */
export interface PluginTimer {
  officeId: string;
  /** The request it belongs to; its pending timers are cancelled with the request's. */
  requestId?: string | null;
  /** The handler name given to `timers.handle`. */
  name: string;
  /** Unique per office and plugin: scheduling the same key twice is a no-op. */
  key: string;
  dueAt: Date;
  payload: { [key: string]: JsonValue };
  /** When it was scheduled. @default dueAt */
  createdAt?: Date;
}
import type { AfterHook, BeforeHook, HookTarget, TransactionHook } from './hooks.js';
import type { NotifyRule } from '../config/config-schema.js';
import type { NotificationEvent } from '../notify/notification-events.js';
import type { PluginNotificationTemplate } from '../notify/notification-template.js';
import type { NotificationLocale } from '../notify/notifier.js';

/** Event name → zod schema of its payload. */
export type PluginEventSchemas = Record<string, z.ZodType>;

/** The payload types of declared plugin events. */
export type PluginEventTypes<E extends PluginEventSchemas> = { [K in keyof E]: z.output<E[K]> };

/** What `setup` receives. */
export interface PluginSetupContext<Options, Events extends Record<string, unknown>> {
  /** The options, parsed with the plugin's `options` schema (defaults applied). */
  options: Options;
  hooks: {
    before(target: HookTarget, hook: BeforeHook): void;
    transaction(target: HookTarget, hook: TransactionHook): void;
    after(target: HookTarget, hook: AfterHook): void;
  };
  timers: {
    /** Handles this plugin's timers named `name` (stored as kind `<plugin-id>.<name>`). */
    handle(name: string, handler: TimerHandler): void;
    /**
     * Schedules one of this plugin's timers through `tx` — typically inside a `transaction`
     * hook, so it commits with the command. Scheduling the same `key` again is a no-op.
     */
    schedule(tx: StorageOperations, timer: PluginTimer): Promise<void>;
  };
  routing: {
    /**
     * Adds a routing condition operator, usable in config as `{ field: { '<plugin-id>.<name>': argument } }`.
     * Its name must start with the plugin's id and a dot.
     */
    operator(definition: OperatorDefinition): void;
  };
  notifications: {
    /**
     * Adds a recipient rule, applied in every office on top of the office's own and the
     * defaults, e.g. `{ on: ['request.reply'], to: [{ role: 'office_staff' }] }`.
     */
    rule(rule: NotifyRule): void;
    /**
     * Registers the wording of an event in a locale. An office's template in its config wins
     * over it; it wins over the built-in one.
     */
    template(event: NotificationEvent, locale: NotificationLocale, template: PluginNotificationTemplate): void;
  };
  /** Publishes one of the plugin's declared events on `community.events`. */
  emit<K extends keyof Events & string>(type: K, payload: Events[K]): void;
}

/** A plugin's static declaration. */
export interface PluginDefinition<
  Id extends string,
  OptionsSchema extends z.ZodType | undefined,
  Events extends PluginEventSchemas,
> {
  /** Unique among the plugins of one community, e.g. `audit-chain`. */
  id: Id;
  /** Schema of the options the host passes; validated when the community is created. */
  options?: OptionsSchema;
  /** Models the plugin stores, added to the schema handed to the storage adapter. */
  schema?: { models: Record<string, ModelDefinition> };
  /** Events the plugin publishes; their payload types flow into `community.events`. */
  events?: Events;
  /** Registers hooks. Runs once, when the community is created. */
  setup(ctx: PluginSetupContext<OptionsSchema extends z.ZodType ? z.output<OptionsSchema> : undefined, PluginEventTypes<Events>>): void;
}

declare const EVENTS: unique symbol;

/** A configured plugin, ready to pass to `createCommunity({ plugins })`. */
export interface Plugin<Id extends string = string, Events extends Record<string, unknown> = Record<string, unknown>> {
  readonly id: Id;
  /** The unparsed options the host gave. */
  readonly rawOptions: unknown;
  // The definition's generics are erased here; the host only needs id, schema and events.
  readonly definition: PluginDefinition<Id, z.ZodType | undefined, PluginEventSchemas>;
  /** Type-level only: the plugin's event map. */
  readonly [EVENTS]?: Events;
}

/** The event map a list of plugins adds. */
export type EventsOfPlugins<P extends readonly Plugin[]> = UnionToIntersection<
  P[number] extends infer Q ? (Q extends Plugin<string, infer E> ? E : never) : never
>;
type UnionToIntersection<U> = [U] extends [never]
  ? Record<never, never>
  : (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
    ? I
    : never;

/** The function `definePlugin` returns: call it with the plugin's options to configure it. */
export type PluginFactory<Id extends string, OptionsSchema extends z.ZodType | undefined, Events extends PluginEventSchemas> = (
  ...args: OptionsSchema extends z.ZodType ? (undefined extends z.input<OptionsSchema> ? [options?: z.input<OptionsSchema>] : [options: z.input<OptionsSchema>]) : []
) => Plugin<Id, PluginEventTypes<Events>>;

/**
 * Declares a plugin: an id, its options schema, the models it stores and the events it
 * publishes (all static, so the host's types see them), and `setup`, which registers hooks.
 *
 * @example
 * ```ts
 * const tagger = definePlugin({
 *   id: 'tagger',
 *   options: z.object({ tag: z.string().default('vip') }),
 *   events: { 'tagger.tagged': z.object({ requestId: z.string() }) },
 *   setup({ options, hooks, emit }) {
 *     hooks.after('submit', ({ request }) => emit('tagger.tagged', { requestId: request.id }));
 *   },
 * });
 * const community = createCommunity({ storage: memoryStorage(), plugins: [tagger({ tag: 'gold' })] });
 * community.events.on('tagger.tagged', ({ requestId }) => console.log(requestId));
 * ```
 */
export function definePlugin<
  const Id extends string,
  OptionsSchema extends z.ZodType | undefined = undefined,
  Events extends PluginEventSchemas = Record<never, never>,
>(definition: PluginDefinition<Id, OptionsSchema, Events>): PluginFactory<Id, OptionsSchema, Events> {
  const factory = (...args: unknown[]): Plugin<Id, PluginEventTypes<Events>> => ({
    id: definition.id,
    rawOptions: args[0],
    definition: definition as unknown as Plugin<Id>['definition'],
  });
  return factory as PluginFactory<Id, OptionsSchema, Events>;
}
