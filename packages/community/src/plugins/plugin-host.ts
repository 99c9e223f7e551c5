import { KechuangError } from '../errors/kechuang-error.js';
import { lazy } from '../internal/lazy.js';
import type { Runtime } from '../pipeline/runtime.js';
import { createSession } from '../session.js';
import { sendPluginNotice } from '../notify/send-plugin-notice.js';
import { officeCalendar } from './office-calendar.js';
import { coreModels } from '../storage/core-schema.js';
import type { TimerHandlerRegistry } from '../timers/timer-handlers.js';
import type { Plugin } from './define-plugin.js';
import type { BeforeHook, HookRegistry, HookTarget, RecordHookRegistry } from './hooks.js';
import { recordTarget } from './record-hook-targets.js';
import { createRecordHooks } from '../pipeline/record-hooks-runner.js';
import type { PluginSetupContext } from './plugin-context.js';
import { pluginError } from './plugin-errors.js';
import { orderPlugins } from './plugin-order.js';
import { noPlugins, type InstalledPlugins } from './plugin-registry.js';
import { extensibleModels } from './plugin-types.js';
import { composeWorkflow } from '../workflow/plugin-workflow.js';
import { measureProblems } from '../metrics/plugin-measure.js';
import type { WorkflowDefinition } from '../workflow/workflow-definition.js';

// Loaded on first use: plugins that schedule no timers never load it. (What the host imports
// statically loads only with definePlugin; a dynamic import here would become a chunk of every
// embedding's bundle, even one without plugins.)
const timerStore = lazy(() => import('../timers/timer-store.js'));

/** What installing needs from the community being created. */
export interface PluginHostPorts {
  hooks: HookRegistry;
  timerHandlers: TimerHandlerRegistry;
  /** The host's workflow, to which plugin states and transitions are added. */
  workflow: WorkflowDefinition;
  emit(type: string, payload: unknown): void;
  newId(): string;
  /** The community's runtime; callable once `createCommunity` has returned. */
  runtime(): Runtime;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// Namespaces of the core's events (`request.submit`, `sla.reminder` …) and record commands
// (`member.update`, `record.*` …): a plugin named so could not be told apart.
const RESERVED_IDS = new Set(['request', 'sla', 'visit', 'directory', 'office', 'config', 'notification', 'core', 'community', 'park', 'building', 'enterprise', 'team', 'member', 'record']);
/** Any hook: the registrars' overloads say which context it takes. */
type AnyHook = (ctx: never) => unknown;
const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (id: string): string => id.replace(/-/g, '_');

/**
 * Orders the plugins by their dependencies, validates every plugin's options and static
 * declarations, and runs each `setup`. Every problem is collected first, so the host fixes
 * them in one go; each names its plugin.
 */
export function installPlugins(plugins: readonly Plugin[], ports: PluginHostPorts): InstalledPlugins {
  const installed = noPlugins(ports.hooks, ports.timerHandlers, ports.workflow);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const plugin of plugins) {
    const id = plugin.definition.id;
    if (seen.has(id)) problems.push(`plugin id '${id}' is used twice`);
    else if (!ID.test(id)) problems.push(`plugin id '${id}' must be lower-case letters and digits joined by dashes, e.g. 'audit-chain'`);
    else if (RESERVED_IDS.has(id)) problems.push(`plugin id '${id}' is reserved for the core's own events and commands; choose another`);
    seen.add(id);
  }
  const { ordered, problems: orderProblems } = problems.length === 0 ? orderPlugins(plugins) : { ordered: [], problems: [] };
  problems.push(...orderProblems);

  const parsedOptions = new Map<Plugin, unknown>();
  const owners = new Map<string, string>();
  /** Records that `plugin` adds `what` called `name`; refuses a name outside its namespace or claimed twice. */
  const claim = (plugin: string, what: string, name: string, prefix = `${plugin}.`): boolean => {
    if (!name.startsWith(prefix) || name.length === prefix.length) {
      problems.push(`plugin '${plugin}' must name its ${what} '${name}' as '${prefix}<name>'`);
      return false;
    }
    const key = `${what}\u0000${name}`;
    const owner = owners.get(key);
    if (owner !== undefined) {
      problems.push(owner === plugin ? `plugin '${plugin}' adds the ${what} '${name}' twice` : `plugins '${owner}' and '${plugin}' both add the ${what} '${name}'`);
      return false;
    }
    owners.set(key, plugin);
    return true;
  };

  // Without an order (a clash or cycle above), the declarations are still checked, as listed.
  for (const plugin of ordered.length > 0 ? ordered : plugins) {
    const def = plugin.definition;
    for (const [name, model] of Object.entries(def.schema?.models ?? {})) {
      if (name in coreModels) problems.push(`plugin '${def.id}' declares model '${name}', which already exists in the core`);
      else if (claim(def.id, 'model', name, `${snake(def.id)}_`)) installed.models[name] = model;
    }
    for (const [model, fields] of Object.entries(def.schema?.fields ?? {})) {
      if (!(extensibleModels as readonly string[]).includes(model)) {
        problems.push(`plugin '${def.id}' adds fields to '${model}'; plugins may add fields to ${extensibleModels.join(', ')}`);
        continue;
      }
      for (const [name, field] of Object.entries(fields ?? {})) {
        if (name in (coreModels[model]?.fields ?? {})) problems.push(`plugin '${def.id}' adds field '${model}.${name}', which already exists in the core`);
        else if (!field.nullable) problems.push(`plugin '${def.id}' adds field '${model}.${name}' as required; make it nullable, since existing rows have no value`);
        else if (claim(def.id, `field of '${model}'`, name, camel(def.id))) (installed.fields[model] ??= {})[name] = field;
      }
    }
    for (const name of Object.keys(def.events ?? {})) claim(def.id, 'event', name);
    for (const [code, { status }] of Object.entries(def.errors ?? {})) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(code)) problems.push(`plugin '${def.id}' error code '${code}' must be UPPER_SNAKE`);
      else if (!Number.isInteger(status) || status < 400 || status > 599) problems.push(`plugin '${def.id}' error code '${code}' needs an HTTP status from 400 to 599`);
      else installed.errorStatus.set(`${def.id}:${code}`, status);
    }
    if (def.options) {
      // A plugin configured without options (`dedupe()`) gets its schema's defaults, as with `{}`.
      let result = def.options.safeParse(plugin.rawOptions);
      if (!result.success && plugin.rawOptions === undefined) result = def.options.safeParse({});
      if (result.success) parsedOptions.set(plugin, result.data);
      else for (const issue of result.error.issues) problems.push(`plugin '${def.id}' option ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
  }
  if (problems.length > 0) fail(problems);

  const records = (): RecordHookRegistry => (installed.hooks.record ??= createRecordHooks());
  /** Whether `target` is a record command's; a misspelt one is a problem of its plugin. */
  const hookTarget = (plugin: string, target: string) => {
    const kind = recordTarget(target);
    if (!kind.record && kind.problem !== null) problems.push(`plugin '${plugin}' hooks ${kind.problem}`);
    return kind;
  };

  for (const plugin of ordered) {
    const def = plugin.definition;
    installed.plugins.push({ id: def.id, version: def.version ?? '0.0.0' });
    const declared = def.events ?? {};
    const ctx: PluginSetupContext<unknown, Record<string, unknown>> = {
      options: parsedOptions.get(plugin),
      // The overloads type each hook by its target; a record hook is called only for its
      // target's commands, hence with the context it was typed for.
      hooks: {
        before(target: string, hook: AnyHook) {
          const kind = hookTarget(def.id, target);
          if (kind.record) records().before.push({ target: kind.target, plugin: def.id, hook: hook as RecordHookRegistry['before'][number]['hook'] });
          else if (target === 'escalate') problems.push(`plugin '${def.id}' hooks before 'escalate', which never runs: nobody asks for an escalation, so there is nothing to veto or replace. Hook its 'transaction' stage, where throwing fails the firing and the worker retries it`);
          else installed.hooks.before.push({ target: target as HookTarget, plugin: def.id, hook: hook as BeforeHook });
        },
        transaction(target: string, hook: AnyHook) {
          const kind = hookTarget(def.id, target);
          if (kind.record) records().transaction.push({ target: kind.target, plugin: def.id, hook: hook as RecordHookRegistry['transaction'][number]['hook'] });
          else installed.hooks.transaction.push({ target: target as HookTarget, plugin: def.id, hook: hook as HookRegistry['transaction'][number]['hook'] });
        },
        after(target: string, hook: AnyHook) {
          const kind = hookTarget(def.id, target);
          if (kind.record) records().after.push({ target: kind.target, plugin: def.id, hook: hook as RecordHookRegistry['after'][number]['hook'] });
          else installed.hooks.after.push({ target: target as HookTarget, plugin: def.id, hook: hook as HookRegistry['after'][number]['hook'] });
        },
      },
      timers: {
        handle(name, handler) {
          const kind = `${def.id}.${name}`;
          if (claim(def.id, 'timer', kind)) installed.timerHandlers.set(kind, (fire) => handler(fire));
        },
        async schedule(tx, timer) {
          const { officeId, requestId = null, name, ...draft } = timer;
          const kind = `${def.id}.${name}`;
          const { scheduleTimers } = await timerStore();
          await scheduleTimers({ newId: ports.newId }, tx, officeId, requestId, [{ ...draft, kind, key: `${kind}:${draft.key}` }], draft.createdAt ?? draft.dueAt);
        },
      },
      routing: {
        operator: (definition) => void (claim(def.id, 'routing operator', definition.name) && installed.operators.push(definition)),
        action: (definition) => void (claim(def.id, 'routing action', definition.name) && installed.actions.push(definition)),
        strategy: (definition) => void (claim(def.id, 'assignment strategy', definition.name) && installed.strategies.push(definition)),
      },
      workflow: {
        state(name, options) {
          const state = `${def.id}.${name}`;
          if (claim(def.id, 'workflow state', state)) installed.workflow.states.push({ plugin: def.id, name: state, terminal: options?.terminal ?? false });
        },
        transition(definition) {
          if (claim(def.id, 'workflow transition', definition.name)) installed.workflow.transitions.push({ plugin: def.id, transition: definition });
        },
      },
      notifications: {
        rule: (rule) => void installed.hooks.notifications.rules.push({ plugin: def.id, rule }),
        template(event, locale, template) {
          const { templates } = installed.hooks.notifications;
          const byLocale = templates.get(event as never) ?? new Map();
          templates.set(event as never, byLocale.set(locale, { plugin: def.id, template }));
        },
        event: (name) => void (claim(def.id, 'notification event', `${def.id}.${name}`) && installed.notificationEvents.push(`${def.id}.${name}`)),
        send: (tx, notice) => sendPluginNotice(ports.runtime(), tx, notice),
      },
      metrics: {
        measure(definition) {
          if (!claim(def.id, 'metrics measure', definition.name)) return;
          const wrong = measureProblems(def.id, definition, { ...coreModels['request']?.fields, ...installed.fields['request'] });
          if (wrong.length > 0) problems.push(...wrong);
          else installed.measures.push(definition);
        },
      },
      http: {
        route(route) {
          if (claim(def.id, 'HTTP route', `${route.method} ${route.path}`, `${route.method} /`)) installed.routes.push({ plugin: def.id, route });
        },
      },
      offices: { calendar: (officeId) => officeCalendar(ports.runtime(), officeId) },
      storage: () => ports.runtime().storage,
      as: (actor) => createSession(ports.runtime(), actor),
      emit(type, payload) {
        const schema = declared[type];
        if (!schema) throw new KechuangError('PLUGIN_ERROR', `Plugin '${def.id}' emitted '${type}', which it does not declare in its events.`);
        ports.emit(type, schema.parse(payload));
      },
      error(code, message, details) {
        const status = installed.errorStatus.get(`${def.id}:${code}`);
        if (status === undefined) return new KechuangError('PLUGIN_ERROR', `Plugin '${def.id}' threw error code '${code}', which it does not declare in its errors.`, { plugin: def.id });
        return pluginError(def.id, code, status, message, details);
      },
      teardown: (fn) => void installed.teardowns.unshift({ plugin: def.id, fn }),
    };
    try {
      def.setup(ctx);
    } catch (error) {
      problems.push(`plugin '${def.id}' failed in setup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) fail(problems);
  installed.workflowDefinition = composeWorkflow(ports.workflow, installed.workflow);
  return installed;
}

function fail(problems: string[]): never {
  throw new KechuangError('PLUGIN_ERROR', `Cannot install plugins: ${problems.join('; ')}.`, { problems });
}
