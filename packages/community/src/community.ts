import { lazy } from './internal/lazy.js';
import type { Actor } from './auth/actor.js';
import { defaultAuthorizationPolicy, type AuthorizationPolicy } from './auth/authorization-policy.js';
import { officesApi, type OfficesApi } from './commands/directory/office-service.js';
import { KechuangError } from './errors/kechuang-error.js';
import type { CoreEvents } from './events/core-events.js';
import { createEventBus, type EventBus, type ListenerErrorReporter } from './events/event-bus.js';
import type { EventsOfPlugins, FieldMapOfPlugins, Plugin } from './plugins/define-plugin.js';
import { createHookRegistry } from './plugins/hooks.js';
import { noPlugins, type InstalledPlugin } from './plugins/plugin-registry.js';
import { onceReady, type Runtime } from './pipeline/runtime.js';
import { registerRuntime } from './pipeline/runtime-registry.js';
import type { OfficeConfig, OfficeConfigInput } from './config/config-schema.js';
import type { Notifier } from './notify/notifier.js';
import type { MetricsQueryInput } from './metrics/metrics-input.js';
import type { MetricsResult } from './metrics/metrics-types.js';
import type { MonthlyReportInput } from './reports/report-input.js';
import type { MonthlyReport } from './reports/report-types.js';
import { systemClock, type Clock } from './ports/clock.js';
import { uuidv7, type IdGenerator } from './ports/ids.js';
import { createSession, type CommunitySession } from './session.js';
import { buildSchema } from './storage/core-schema.js';
import type { StorageAdapter, StorageSchema } from './storage/types.js';
import { defaultWorkflow } from './workflow/default-workflow.js';
import { defineWorkflow, type WorkflowDefinition } from './workflow/workflow-definition.js';

/** Options of {@link createCommunity}. */
export interface CommunityOptions<P extends readonly Plugin[]> {
  /** Where everything is stored. It must support transactions. */
  storage: StorageAdapter;
  /** Plugins, configured: `plugins: [auditChain({ … })]`; set up dependencies first. @default [] */
  plugins?: P;
  /**
   * How long one plugin hook may run. A hook that takes longer fails its command with
   * PLUGIN_TIMEOUT and nothing is written. @default 5000
   */
  pluginHookTimeoutMs?: number;
  /** Who may see and do what. @default defaultAuthorizationPolicy */
  authorization?: AuthorizationPolicy;
  /** The request lifecycle; validated with `defineWorkflow`. @default defaultWorkflow */
  workflow?: WorkflowDefinition;
  /** Where time comes from. @default systemClock */
  clock?: Clock;
  /** Makes record ids. @default uuidv7 */
  ids?: IdGenerator;
  /**
   * An office config (portfolios, categories, routing rules …) for single-office embedding:
   * at first use in each office it is stored as the office's config, or as a new version when
   * the stored one differs. Multi-office hosts store each office's config with
   * `session.config.update` instead. @default none
   */
  config?: OfficeConfigInput;
  /**
   * Where notifications go: webhook, DingTalk, WeCom, Feishu, e-mail … Outbox rows name a
   * notifier by its `id`, which must be unique; a worker (`createWorker`) delivers them, and
   * rows of a notifier that is not registered wait until it is. @default []
   */
  notifiers?: readonly Notifier[];
  /**
   * Told about failures that must not fail a committed command: throwing event listeners and
   * `after` hooks. @default logs to console.error
   */
  onListenerError?: ListenerErrorReporter;
}

/**
 * The SDK instance a host app creates once. `Events` is the event map of `events` (the core's
 * and the plugins'); `Fields` is what the plugins add to records, by model, so that
 * `as(actor).requests.get(id)` and the like are typed with them. `createCommunity` infers
 * both from its `plugins`; without plugins they add nothing.
 */
export interface Community<Events extends Record<string, unknown> = CoreEvents, Fields = Record<never, never>> {
  /** Deployment-level office administration. */
  offices: OfficesApi;
  /** The SDK as `actor` sees it. */
  as(actor: Actor): CommunitySession<Fields>;
  /**
   * An office's metrics as the system sees them (every request): the same as
   * `community.as({ kind: 'system', officeId }).metrics`, for back-office jobs and the CLI.
   *
   * @example
   * ```ts
   * const year = await community.metrics.query({ officeId, period: { year: 2025 }, groupBy: ['month'] });
   * ```
   */
  metrics: {
    /** The office's figures for a period, grouped as asked; the office is named in the input. */
    query(input: MetricsQueryInput & { officeId: string }): Promise<MetricsResult>;
  };
  /**
   * An office's monthly report as the system sees it: the same as
   * `community.as({ kind: 'system', officeId }).reports`.
   *
   * @example
   * ```ts
   * const { body, filename } = await community.reports.monthly({ officeId, month: '2026-02', format: 'html' });
   * ```
   */
  reports: {
    /** The office's monthly report in the format asked for; the office is named in the input. */
    monthly(input: MonthlyReportInput & { officeId: string }): Promise<MonthlyReport>;
  };
  /** Events published after commit: `request.<command>`, `visit.recorded`, `directory.changed`, and plugin events. */
  events: EventBus<Events>;
  /** The schema handed to the storage adapter (core and plugin models). */
  schema: StorageSchema;
  /** The workflow in force, with the plugins' states and transitions. */
  workflow: WorkflowDefinition;
  /** The installed plugins, in setup order (dependencies first). */
  plugins: readonly InstalledPlugin[];
  /**
   * Runs the plugins' teardowns, in reverse setup order. Call it when the host shuts down;
   * it does not close the storage adapter, which the host owns.
   */
  close(): Promise<void>;
  /**
   * Creates the storage schema and validates `config` now instead of on first use, so that a
   * bad adapter or config fails at start-up.
   */
  ready(): Promise<void>;
}

/**
 * A community whatever its plugins add: what companions such as `@kechuang/server` accept. Its
 * events are typed loosely, since a listener for every event must take the plugins' events too.
 *
 * @example
 * ```ts
 * function mountConsole(community: AnyCommunity) {
 *   community.events.onAny((type) => console.log('changed:', type));
 * }
 * mountConsole(createCommunity({ storage, plugins: [auditChain()] }));
 * ```
 */
export type AnyCommunity = Omit<Community, 'events'> & {
  /** Events published after commit, core and plugin ones alike. */
  events: {
    /** Subscribes to every event; returns a function that unsubscribes. */
    onAny(listener: (type: string, payload: unknown) => void | Promise<void>): () => void;
  };
};

/** Notifiers by id. Outbox rows name their notifier by id, so an id used twice is refused. */
function notifierRegistry(list: readonly Notifier[]): ReadonlyMap<string, Notifier> {
  const byId = new Map<string, Notifier>();
  for (const notifier of list) {
    if (byId.has(notifier.id)) {
      const message = `Two notifiers have the id '${notifier.id}'; give each its own id, since outbox rows name their notifier by it.`;
      throw new KechuangError('VALIDATION_FAILED', message, { issues: [{ path: ['notifiers'], message, code: 'duplicate_notifier' }] });
    }
    byId.set(notifier.id, notifier);
  }
  return byId;
}

const defaultReporter: ListenerErrorReporter = (error, event) => {
  console.error(`[kechuang] a listener or after-hook for '${event}' failed; the command itself was committed.`, error);
};

/**
 * Creates the SDK: storage, plugins, policy and ports wired into one instance.
 *
 * @example
 * ```ts
 * import { createCommunity, memoryStorage } from '@kechuang/community';
 *
 * const community = createCommunity({ storage: memoryStorage() });
 * const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
 * const system = community.as({ kind: 'system', officeId: office.id });
 * const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
 * const request = await system.requests.submit({
 *   communityId: mc.id, channel: 'phone', category: 'policy', title: '咨询高新技术企业认定政策',
 * });
 * ```
 */
export function createCommunity<const P extends readonly Plugin[] = []>(
  options: CommunityOptions<P>,
): Community<CoreEvents & EventsOfPlugins<P>, FieldMapOfPlugins<P>> {
  const { storage } = options;
  if (!storage.capabilities.transactions) {
    throw new KechuangError(
      'UNSUPPORTED_ADAPTER',
      `Storage adapter '${storage.id}' cannot run transactions, and the SDK never writes non-atomically. Use an adapter with transactions (memory, SQLite, PostgreSQL).`,
    );
  }
  const baseWorkflow = defineWorkflow(options.workflow ?? defaultWorkflow);
  const reportError = options.onListenerError ?? defaultReporter;
  const events = createEventBus<CoreEvents & EventsOfPlugins<P>>(reportError);
  const emit = (type: string, payload: unknown): void => events.emit(type as never, payload as never);
  const newId = options.ids ?? uuidv7;
  const timeout = options.pluginHookTimeoutMs ?? 5000;
  if (!Number.isInteger(timeout) || timeout < 1) {
    const message = `pluginHookTimeoutMs must be a whole number of milliseconds above 0, not ${String(timeout)}.`;
    throw new KechuangError('VALIDATION_FAILED', message, { issues: [{ path: ['pluginHookTimeoutMs'], message, code: 'too_small' }] });
  }
  const list = options.plugins ?? [];
  // The plugin host travels with definePlugin, so an embedding without plugins never loads it.
  const plugins =
    list[0]?.install(list, {
      hooks: createHookRegistry(),
      timerHandlers: new Map(),
      workflow: baseWorkflow,
      emit,
      newId,
      runtime: () => runtime,
    }) ?? noPlugins(createHookRegistry(), new Map(), baseWorkflow);
  const workflow = plugins.workflowDefinition;
  const schema = buildSchema(plugins.models, plugins.fields);
  // Config validation and the routing engine load on first use, so an embedding without
  // routing never pays for them.
  let validated: Promise<OfficeConfig> | null = null;
  const validatedDefaultConfig = (): Promise<OfficeConfig> =>
    (validated ??= import('./config/validate-config.js').then(({ assertOfficeConfig }) => assertOfficeConfig(options.config, plugins)));
  const notifiers = notifierRegistry(options.notifiers ?? []);
  const storageReady = onceReady(storage, schema);
  const runtime: Runtime = {
    storage,
    clock: options.clock ?? systemClock,
    newId,
    workflow,
    policy: options.authorization ?? defaultAuthorizationPolicy,
    hooks: plugins.hooks,
    plugins,
    hookTimeoutMs: timeout,
    emit,
    reportError,
    ready: storageReady,
    operators: plugins.operators,
    compiled: new Map(),
    timerHandlers: plugins.timerHandlers,
    notifiers,
    defaultConfig: options.config ?? null,
    validatedDefaultConfig,
  };
  const community: Community<CoreEvents & EventsOfPlugins<P>, FieldMapOfPlugins<P>> = {
    offices: officesApi(runtime),
    as: (actor) => createSession(runtime, actor),
    metrics: {
      query: ({ officeId, ...input }) => createSession(runtime, { kind: 'system', officeId }).metrics.query(input),
    },
    reports: {
      monthly: ({ officeId, ...input }) => createSession(runtime, { kind: 'system', officeId }).reports.monthly(input),
    },
    events: events.bus,
    schema,
    workflow,
    plugins: plugins.plugins,
    async close() {
      for (const { plugin, fn } of plugins.teardowns) {
        try {
          await fn();
        } catch (error) {
          reportError(new KechuangError('PLUGIN_ERROR', `Plugin '${plugin}' failed in its teardown: ${error instanceof Error ? error.message : String(error)}`, { plugin }, { cause: error }), `${plugin}:teardown`);
        }
      }
    },
    async ready() {
      await storageReady();
      if (options.config !== undefined) await validatedDefaultConfig();
    },
  };
  // The core's own timers; their code loads when a worker first fires one.
  const slaTimers = lazy(() => import('./sla/sla-timers.js'));
  runtime.timerHandlers.set('sla.reminder', async (ctx, rt) => (await slaTimers()).fireReminder(ctx, rt));
  runtime.timerHandlers.set('sla.escalation', async (ctx, rt) => (await slaTimers()).fireEscalation(ctx, rt));
  registerRuntime(community, runtime);
  return community;
}
