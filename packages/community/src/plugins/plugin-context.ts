import type { Actor } from '../auth/actor.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ErrorDetails, KechuangError } from '../errors/kechuang-error.js';
import type { PluginMeasure } from '../metrics/plugin-measure.js';
import type { NotifyRule } from '../config/config-schema.js';
import type { NotificationLocale } from '../notify/notifier.js';
import type { PluginNotificationTemplate } from '../notify/notification-template.js';
import type { PluginNotice } from '../notify/plugin-notice.js';
import type { PluginAssignmentStrategy, PluginRoutingAction } from '../routing/plugin-routing.js';
import type { OperatorDefinition } from '../routing/types.js';
import type { CommunitySession } from '../session.js';
import type { StorageAdapter, StorageOperations } from '../storage/types.js';
import type { TimerHandler } from '../timers/timer-handlers.js';
import type { TransitionDefinition } from '../workflow/workflow-definition.js';
import type {
  AfterHook,
  BeforeHook,
  HookTarget,
  RecordAfterHook,
  RecordBeforeHook,
  RecordHookTarget,
  RecordModelOf,
  RecordTransactionHook,
  SystemCommandName,
  TransactionHook,
} from './hooks.js';
import type { PluginRoute } from './plugin-routes.js';
import type { PluginTimer } from './plugin-timer.js';

/**
 * What `setup` receives: the parsed options and one registrar per thing a plugin may add.
 * Every name a plugin registers is namespaced by its id (`<id>.<name>`); two plugins that
 * claim the same name fail at `createCommunity`.
 */
export interface PluginSetupContext<Options, Events extends Record<string, unknown>, ErrorCode extends string = string> {
  /** The options, parsed with the plugin's `options` schema (defaults applied). */
  options: Options;
  /**
   * Hooks around every command that changes something. Request commands (`submit`, `accept` …,
   * plugin transitions, and `escalate`, the SLA escalation the worker fires; `'*'` for all of
   * them) are told about the request. Record commands
   * (`enterprise.create`, `member.archive`, `office.update`, `config.update`, `visit.record` …;
   * `'record.*'` for all of them) are told about the record, typed by the target's model.
   *
   * @example
   * ```ts
   * setup({ hooks }) {
   *   hooks.before('submit', ({ input }) => ({ input: { ...input, tags: ['vip'] } }));
   *   hooks.before('member.create', ({ input }) => ({ input: { ...input, name: String(input['name']).trim() } }));
   *   hooks.after('record.*', ({ command, model, record }) => {
   *     if (model === 'enterprise') console.log(command, record.code);
   *   });
   * }
   * ```
   */
  // One generic signature per stage rather than overloads: the three stay callable as one
  // (`hooks[stage](target, hook)`), which a union of overloaded methods is not.
  hooks: {
    /**
     * Runs after authorization, before anything is written; may veto (throw) or replace the
     * input. Not for `escalate`, which nobody asks for: hook its `transaction` stage instead.
     */
    before<T extends HookTarget | RecordHookTarget>(target: T, hook: [T] extends [RecordHookTarget] ? RecordBeforeHook<RecordModelOf<T>> : [T] extends [SystemCommandName] ? never : BeforeHook): void;
    /** Runs inside the command's transaction after the core's writes; throwing rolls it all back. */
    transaction<T extends HookTarget | RecordHookTarget>(target: T, hook: [T] extends [RecordHookTarget] ? RecordTransactionHook<RecordModelOf<T>> : TransactionHook<Extract<T, HookTarget>>): void;
    /** Runs after commit; failures are reported to `onListenerError`, never thrown. */
    after<T extends HookTarget | RecordHookTarget>(target: T, hook: [T] extends [RecordHookTarget] ? RecordAfterHook<RecordModelOf<T>> : AfterHook<Extract<T, HookTarget>>): void;
  };
  /** Durable timers, stored in the same rows and fired by the same worker as the SLA timers. */
  timers: {
    /** Handles this plugin's timers named `name` (stored as kind `<plugin-id>.<name>`). */
    handle(name: string, handler: TimerHandler): void;
    /**
     * Schedules one of this plugin's timers through `tx` — typically inside a `transaction`
     * hook, so it commits with the command. Scheduling the same `key` again is a no-op.
     */
    schedule(tx: StorageOperations, timer: PluginTimer): Promise<void>;
  };
  /** Extends routing: condition operators, rule actions and assignment strategies. */
  routing: {
    /** A condition operator, usable in config as `{ field: { '<plugin-id>.<name>': argument } }`. */
    operator(definition: OperatorDefinition): void;
    /** A rule action, usable in config as `then: { plugins: { '<plugin-id>.<name>': argument } }`. */
    action(definition: PluginRoutingAction): void;
    /** An assignment strategy, usable as `assign: { team: 'T', strategy: '<plugin-id>.<name>' }`. */
    strategy(definition: PluginAssignmentStrategy): void;
  };
  /** Extends the workflow with the plugin's own states and transitions. */
  workflow: {
    /** A state, named `<plugin-id>.<name>`. */
    state(name: string, options?: { terminal?: boolean }): void;
    /**
     * A transition, fired with `requests.transition({ name })`. Its name is namespaced
     * (`<plugin-id>.<name>`); `from` and `to` may name core states and this plugin's states.
     */
    transition(definition: TransitionDefinition): void;
  };
  /** Adds notification rules, templates and events, and sends the plugin's notices. */
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
    template(event: string, locale: NotificationLocale, template: PluginNotificationTemplate): void;
    /**
     * Declares a notification event of the plugin, `<plugin-id>.<name>`, which offices' rules
     * and templates may then name like a core event.
     */
    event(name: string): void;
    /** Writes the outbox rows of one of the plugin's events through `tx`; returns how many. */
    send(tx: StorageOperations, notice: PluginNotice): Promise<number>;
  };
  /** Adds figures to metrics results. */
  metrics: {
    /** A measure counted by `metrics.query`, named `<plugin-id>.<name>`. */
    measure(definition: PluginMeasure): void;
  };
  /** Adds HTTP routes that `@kechuang/server` mounts. */
  http: {
    /** A route `@kechuang/server` mounts under `/api/plugins/<plugin-id>`. */
    route(route: PluginRoute): void;
  };
  /** Reads what a plugin needs to know about an office. */
  offices: {
    /**
     * The office's working calendar in force (holidays, make-up workdays, office hours), read
     * outside any transaction. Inside a timer handler use the firing context's `calendar()`,
     * which reads through the firing transaction (SQLite has one connection, which that
     * transaction holds).
     */
    calendar(officeId: string): Promise<WorkingCalendar>;
  };
  /**
   * The community's storage adapter, for reads and writes outside a command's transaction (an
   * HTTP route reading the plugin's models, a row a `before` hook must create before the
   * transaction opens). Never call it inside a `transaction` hook or a timer handler: use their
   * `tx` (on SQLite the open transaction holds the only connection). Every query must name the
   * office (`officeId`): tenancy is the plugin's to keep here. Usable once setup has returned.
   */
  storage(): StorageAdapter;
  /** The SDK as `actor` sees it, for hooks and timers that run further commands. Usable once setup has returned. */
  as(actor: Actor): CommunitySession;
  /** Publishes one of the plugin's declared events on `community.events`. */
  emit<K extends keyof Events & string>(type: K, payload: Events[K]): void;
  /** Makes the error to throw for one of the plugin's declared error codes. */
  error(code: ErrorCode, message: string, details?: ErrorDetails): KechuangError;
  /** Runs when the host calls `community.close()`, in reverse order of setup. */
  teardown(fn: () => void | Promise<void>): void;
}
