import { KechuangError } from '../errors/kechuang-error.js';
import { coreModels } from '../storage/core-schema.js';
import type { ModelDefinition } from '../storage/types.js';
import type { OperatorDefinition } from '../routing/types.js';
import type { TimerHandlerRegistry } from '../timers/timer-handlers.js';
import type { Plugin } from './define-plugin.js';
import { createHookRegistry, type HookRegistry } from './hooks.js';
import { lazy } from '../internal/lazy.js';

// Loaded on first use: embeddings without timers never load it.
const timerStore = lazy(() => import('../timers/timer-store.js'));

/** What installing the plugins produced. */
export interface InstalledPlugins {
  hooks: HookRegistry;
  /** Routing condition operators, each namespaced by its plugin's id. */
  operators: OperatorDefinition[];
  /** Timer handlers, each kind namespaced by its plugin's id. */
  timerHandlers: TimerHandlerRegistry;
  models: Record<string, ModelDefinition>;
  ids: string[];
}

/**
 * Validates every plugin's options, checks ids and model names for clashes, and runs each
 * `setup` in order. Every problem is collected first, so the host fixes them in one go.
 */
export function installPlugins(
  plugins: readonly Plugin[],
  emit: (type: string, payload: unknown) => void,
  newIds: { newId: () => string },
): InstalledPlugins {
  const problems: string[] = [];
  const seen = new Set<string>();
  const models: Record<string, ModelDefinition> = {};
  const parsedOptions: unknown[] = [];
  for (const plugin of plugins) {
    const def = plugin.definition;
    if (seen.has(def.id)) problems.push(`plugin id '${def.id}' is used twice`);
    seen.add(def.id);
    for (const [name, model] of Object.entries(def.schema?.models ?? {})) {
      if (name in coreModels || name in models) problems.push(`plugin '${def.id}' declares model '${name}', which already exists`);
      models[name] = model;
    }
    if (def.options) {
      const result = def.options.safeParse(plugin.rawOptions);
      if (result.success) parsedOptions.push(result.data);
      else {
        for (const issue of result.error.issues) {
          problems.push(`plugin '${def.id}' option ${issue.path.join('.') || '(root)'}: ${issue.message}`);
        }
        parsedOptions.push(undefined);
      }
    } else parsedOptions.push(undefined);
  }
  if (problems.length > 0) {
    throw new KechuangError('PLUGIN_ERROR', `Cannot install plugins: ${problems.join('; ')}.`, { problems });
  }

  const hooks = createHookRegistry();
  const operators: OperatorDefinition[] = [];
  const timerHandlers: TimerHandlerRegistry = new Map();
  plugins.forEach((plugin, i) => {
    const def = plugin.definition;
    const declared = def.events ?? {};
    def.setup({
      options: parsedOptions[i] as never,
      hooks: {
        before: (target, hook) => hooks.before.push({ target, plugin: def.id, hook }),
        transaction: (target, hook) => hooks.transaction.push({ target, plugin: def.id, hook }),
        after: (target, hook) => hooks.after.push({ target, plugin: def.id, hook }),
      },
      timers: {
        handle(name, handler) {
          const kind = `${def.id}.${name}`;
          if (timerHandlers.has(kind)) throw new KechuangError('PLUGIN_ERROR', `Timer kind '${kind}' is registered twice.`);
          timerHandlers.set(kind, (ctx) => handler(ctx));
        },
        async schedule(tx, timer) {
          const { officeId, requestId = null, name, ...draft } = timer;
          const { scheduleTimers } = await timerStore();
          return scheduleTimers(newIds, tx, officeId, requestId, [{ ...draft, kind: `${def.id}.${name}`, key: `${def.id}.${name}:${draft.key}` }], draft.createdAt ?? draft.dueAt);
        },
      },
      routing: {
        operator(definition) {
          if (!definition.name.startsWith(`${def.id}.`)) {
            throw new KechuangError('PLUGIN_ERROR', `Plugin '${def.id}' must namespace its operator '${definition.name}' as '${def.id}.<name>'.`);
          }
          if (operators.some((o) => o.name === definition.name)) {
            throw new KechuangError('PLUGIN_ERROR', `Operator '${definition.name}' is registered twice.`);
          }
          operators.push(definition);
        },
      },
      notifications: {
        rule: (rule) => hooks.notifications.rules.push({ plugin: def.id, rule }),
        template(event, locale, template) {
          const { templates } = hooks.notifications;
          templates.set(event, (templates.get(event) ?? new Map()).set(locale, { plugin: def.id, template }));
        },
      },
      emit(type, payload) {
        const schema = declared[type];
        if (!schema) {
          throw new KechuangError('PLUGIN_ERROR', `Plugin '${def.id}' emitted '${type}', which it does not declare in its events.`);
        }
        emit(type, schema.parse(payload));
      },
    });
  });
  return { hooks, operators, timerHandlers, models, ids: [...seen] };
}
