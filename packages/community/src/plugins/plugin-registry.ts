import type { PluginMeasure } from '../metrics/plugin-measure.js';
import type { PluginAssignmentStrategy, PluginRoutingAction } from '../routing/plugin-routing.js';
import type { OperatorDefinition } from '../routing/types.js';
import type { FieldDefinition, ModelDefinition } from '../storage/types.js';
import type { TimerHandlerRegistry } from '../timers/timer-handlers.js';
import type { PluginWorkflowAdditions } from '../workflow/plugin-workflow.js';
import type { WorkflowDefinition } from '../workflow/workflow-definition.js';
import type { HookRegistry } from './hooks.js';
import type { PluginRoute } from './plugin-routes.js';

/** A plugin as installed: its id and version, in setup order. */
export interface InstalledPlugin {
  /** The plugin's id. */
  id: string;
  /** The plugin's version, as its definition gives it. */
  version: string;
}

/** Everything the installed plugins added, each entry namespaced by its plugin's id. */
export interface InstalledPlugins {
  /** In setup order: dependencies before the plugins that need them. */
  plugins: InstalledPlugin[];
  hooks: HookRegistry;
  operators: OperatorDefinition[];
  actions: PluginRoutingAction[];
  strategies: PluginAssignmentStrategy[];
  workflow: PluginWorkflowAdditions;
  /** The host's workflow with the plugins' states and transitions, validated. */
  workflowDefinition: WorkflowDefinition;
  /** Timer handlers, each kind namespaced by its plugin's id. */
  timerHandlers: TimerHandlerRegistry;
  models: Record<string, ModelDefinition>;
  /** Added fields by core model. */
  fields: Record<string, Record<string, FieldDefinition>>;
  /** Notification events the plugins declared (`<id>.<name>`). */
  notificationEvents: string[];
  measures: PluginMeasure[];
  routes: { plugin: string; route: PluginRoute }[];
  /** Plugin error codes (`<id>:<CODE>`) → HTTP status. */
  errorStatus: Map<string, number>;
  /** Teardown functions, in reverse setup order. */
  teardowns: { plugin: string; fn: () => void | Promise<void> }[];
}

/** What an embedding without plugins has. */
export function noPlugins(hooks: HookRegistry, timerHandlers: TimerHandlerRegistry, workflow: WorkflowDefinition): InstalledPlugins {
  return {
    plugins: [],
    hooks,
    operators: [],
    actions: [],
    strategies: [],
    workflow: { states: [], transitions: [] },
    workflowDefinition: workflow,
    timerHandlers,
    models: {},
    fields: {},
    notificationEvents: [],
    measures: [],
    routes: [],
    errorStatus: new Map(),
    teardowns: [],
  };
}
