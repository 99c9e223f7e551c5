import type { ResolvedActor } from '../auth/actor.js';
import type { RequestCommandName } from '../events/core-events.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { StorageOperations } from '../storage/types.js';
import { createNotificationRegistry, type NotificationRegistry } from '../notify/notification-registry.js';

/** What every hook is told. */
export interface HookContextBase {
  /** The command: a core one (`submit`, `accept` …) or a plugin transition (`legal-review.approve`). */
  command: RequestCommandName | PluginCommandName;
  actor: ResolvedActor;
  officeId: string;
}

/**
 * A `before` hook runs after authorization and before the pure decision. It may veto by
 * throwing (a KechuangError keeps its code; anything else becomes PLUGIN_ERROR), or enrich
 * by returning `{ input }`, which replaces the parsed input.
 */
export interface BeforeHookContext extends HookContextBase {
  /** The parsed input of the command. */
  input: Readonly<Record<string, unknown>>;
  /** The request as loaded; null for `submit`. */
  request: ServiceRequest | null;
  /** Reads the office's records (outside the command's transaction), e.g. to look for duplicates. */
  read: StorageOperations;
  /** The command's time, from the community's clock. */
  now: Date;
}
export type BeforeHook = (
  ctx: BeforeHookContext,
) => void | { input?: Record<string, unknown> } | Promise<void | { input?: Record<string, unknown> }>;

/** What a command committed (or is about to commit, inside `transaction` hooks). */
export interface CommittedChange extends HookContextBase {
  /** The command's input, as parsed and as the `before` hooks left it. */
  input: Readonly<Record<string, unknown>>;
  request: ServiceRequest;
  /** The request before the command; null for `submit`. */
  previous: ServiceRequest | null;
  entries: TimelineEntry[];
}

/**
 * A `transaction` hook runs inside the command's storage transaction, after the core's writes.
 * Write through `tx` only; throwing rolls the whole command back.
 */
export interface TransactionHookContext extends CommittedChange {
  tx: StorageOperations;
}
export type TransactionHook = (ctx: TransactionHookContext) => void | Promise<void>;

/** An `after` hook runs once the command has committed; its failures are reported, not thrown. */
export type AfterHook = (ctx: CommittedChange) => void | Promise<void>;

/** A plugin transition's command name, namespaced by its plugin's id. */
export type PluginCommandName = `${string}.${string}`;

/** Which commands a hook listens to: one command, or `'*'` for all of them. */
export type HookTarget = RequestCommandName | PluginCommandName | '*';

/** The registered hooks, in registration order. */
export interface HookRegistry {
  before: { target: HookTarget; plugin: string; hook: BeforeHook }[];
  transaction: { target: HookTarget; plugin: string; hook: TransactionHook }[];
  after: { target: HookTarget; plugin: string; hook: AfterHook }[];
  /** Notification recipient rules and templates, which shape what `transaction` writes to the outbox. */
  notifications: NotificationRegistry;
  /** `hooksFor` results by kind and command; hooks are only registered during setup. */
  byCommand: Map<string, readonly unknown[]>;
}

export function createHookRegistry(): HookRegistry {
  return { before: [], transaction: [], after: [], notifications: createNotificationRegistry(), byCommand: new Map() };
}

/** The hooks of `kind` that apply to `command`, in registration order; worked out once per command. */
export function hooksFor<K extends 'before' | 'transaction' | 'after'>(registry: HookRegistry, kind: K, command: string): HookRegistry[K] {
  if (registry[kind].length === 0) return registry[kind];
  const key = `${kind}:${command}`;
  let list = registry.byCommand.get(key);
  if (!list) {
    list = registry[kind].filter((h) => h.target === '*' || h.target === command);
    registry.byCommand.set(key, list);
  }
  return list as HookRegistry[K];
}
