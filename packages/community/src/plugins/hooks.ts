import type { ResolvedActor } from '../auth/actor.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { RequestCommandName } from '../events/core-events.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { StorageOperations } from '../storage/types.js';
import type { Building } from '../model/building.js';
import type { Community } from '../model/community-unit.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Member } from '../model/member.js';
import type { Office } from '../model/office.js';
import type { Park } from '../model/park.js';
import type { Team } from '../model/team.js';
import type { Visit } from '../model/visit.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import type { Runtime } from '../pipeline/runtime.js';
import { createNotificationRegistry, type NotificationRegistry } from '../notify/notification-registry.js';

/**
 * The changes the core makes to a request by itself, as the system, outside any caller's
 * command: `escalate`, an SLA escalation step fired by the worker. Their `transaction` and
 * `after` hooks run (for `'*'` too); `before` hooks do not, since nobody asked for the change
 * and there is no input to veto or replace.
 *
 * @example
 * ```ts
 * const byTheClock: SystemCommandName[] = ['escalate'];
 * ```
 */
export type SystemCommandName = 'escalate';

/**
 * What an `escalate` hook is given as `input`: what the escalation timer carried.
 *
 * @example
 * ```ts
 * const step: EscalateInput = { requestId: 'r1', level: 1, notify: ['station_head'], policy: 'assistance', timerKey: 'r1:1:escalation:1' };
 * ```
 */
export type EscalateInput = {
  /** The request escalated. */
  requestId: string;
  /** The escalation level reached, 1 for the policy's first step. */
  level: number;
  /** The roles whose members joined the request's watchers. */
  notify: string[];
  /** The SLA policy whose step fired; null for a timer scheduled without one. */
  policy: string | null;
  /** The key of the timer that fired, unique per step and request version. */
  timerKey: string;
};

/** What every hook is told. */
export interface HookContextBase {
  /**
   * The command: a core one (`submit`, `accept` …), a plugin transition
   * (`legal-review.approve`), or a change the core made by itself (`escalate`).
   */
  command: RequestCommandName | PluginCommandName | SystemCommandName;
  /** Who runs the command, with their roles loaded. */
  actor: ResolvedActor;
  /** The office the command runs in. */
  officeId: string;
}

/**
 * A `before` hook runs after authorization and before the pure decision. It may veto by
 * throwing (a KechuangError keeps its code; anything else becomes PLUGIN_ERROR), or enrich
 * by returning `{ input }`, which replaces the parsed input.
 */
export interface BeforeHookContext extends HookContextBase {
  /** The command; never a {@link SystemCommandName}, whose `before` hooks do not run. */
  command: RequestCommandName | PluginCommandName;
  /** The parsed input of the command. */
  input: Readonly<Record<string, unknown>>;
  /** The request as loaded; null for `submit`. */
  request: ServiceRequest | null;
  /** Reads the office's records (outside the command's transaction), e.g. to look for duplicates. */
  read: StorageOperations;
  /** The command's time, from the community's clock. */
  now: Date;
}
/** A request command's `before` hook: veto by throwing, or return `{ input }` to replace the input. */
export type BeforeHook = (
  ctx: BeforeHookContext,
) =>
  | void
  | {
      /** Replaces the parsed input as it is; it is not parsed again. */
      input?: Record<string, unknown>;
    }
  | Promise<
      | void
      | {
          /** Replaces the parsed input as it is; it is not parsed again. */
          input?: Record<string, unknown>;
        }
    >;

/** What a command committed (or is about to commit, inside `transaction` hooks). */
export interface CommittedChange extends HookContextBase {
  /** The command's input, as parsed and as the `before` hooks left it. */
  input: Readonly<Record<string, unknown>>;
  /** The request as the command wrote it. */
  request: ServiceRequest;
  /** The request before the command; null for `submit`. */
  previous: ServiceRequest | null;
  /** The timeline entries the command wrote. */
  entries: TimelineEntry[];
}

/**
 * A `transaction` hook runs inside the command's storage transaction, after the core's writes.
 * Write through `tx` only; throwing rolls the whole command back.
 */
export interface TransactionHookContext extends CommittedChange {
  /** The command's transaction: write through it only. */
  tx: StorageOperations;
  /**
   * The working calendar of the request's office (holidays, make-up workdays, office hours),
   * read through `tx`, as the command's transaction sees the office's config. Prefer it to
   * `offices.calendar` here, which reads outside the transaction.
   *
   * @example
   * ```ts
   * hooks.transaction('submit', async ({ tx, officeId, request, calendar }) => {
   *   const dueAt = (await calendar()).addWorkingDays(request.createdAt, 3);
   *   await tx.create({ model: 'my_plugin_call', data: { id: request.id, officeId, dueAt } });
   * });
   * ```
   */
  calendar(): Promise<WorkingCalendar>;
}
/**
 * An escalation the worker committed (or, inside `transaction` hooks, is about to): the
 * request's level rose and the step's members joined its watchers, by the system.
 *
 * @example
 * ```ts
 * const line = ({ input, request }: EscalationChange) => `${request.id} escalated to level ${input.level}`;
 * ```
 */
export interface EscalationChange extends CommittedChange {
  command: 'escalate';
  /** What the escalation timer carried. */
  input: Readonly<EscalateInput>;
  /** The request before the escalation. */
  previous: ServiceRequest;
}

/**
 * An escalation inside the worker's firing transaction. Throwing (or running past the hook
 * timeout) fails the firing: nothing of it is written, and the worker retries the timer with
 * backoff like any failed timer.
 *
 * @example
 * ```ts
 * hooks.transaction('escalate', async ({ tx, officeId, request, input }) => {
 *   await tx.create({ model: 'my_plugin_escalation', data: { id: `${request.id}:${input.level}`, officeId, level: input.level } });
 * });
 * ```
 */
export interface EscalationTransactionContext extends EscalationChange {
  /** The firing's transaction: write through it only. */
  tx: StorageOperations;
  /** The working calendar of the request's office, read through `tx`. */
  calendar(): Promise<WorkingCalendar>;
}

/**
 * A request command's `transaction` hook; throwing rolls the whole command back. Hooked on
 * `'escalate'` it is told an {@link EscalationTransactionContext}.
 */
export type TransactionHook<T extends HookTarget = HookTarget> = (ctx: [T] extends ['escalate'] ? EscalationTransactionContext : TransactionHookContext) => void | Promise<void>;

/**
 * An `after` hook runs once the command has committed; its failures are reported, not thrown.
 * Hooked on `'escalate'` it is told an {@link EscalationChange}.
 */
export type AfterHook<T extends HookTarget = HookTarget> = (ctx: [T] extends ['escalate'] ? EscalationChange : CommittedChange) => void | Promise<void>;

/** A plugin transition's command name, namespaced by its plugin's id. */
export type PluginCommandName = `${string}.${string}`;

/**
 * Which request commands a hook listens to: one command, or `'*'` for all of them (plugin
 * transitions and the core's own `escalate` included). Record commands (`member.update` …)
 * have their own targets, {@link RecordHookTarget}.
 */
export type HookTarget = RequestCommandName | PluginCommandName | SystemCommandName | '*';

/** The registered hooks, in registration order. */
export interface HookRegistry {
  before: { target: HookTarget; plugin: string; hook: BeforeHook }[];
  // Stored untyped by target: the runner calls a hook only for its target's commands.
  transaction: { target: HookTarget; plugin: string; hook: (ctx: TransactionHookContext) => void | Promise<void> }[];
  after: { target: HookTarget; plugin: string; hook: (ctx: CommittedChange) => void | Promise<void> }[];
  /** Notification recipient rules and templates, which shape what `transaction` writes to the outbox. */
  notifications: NotificationRegistry;
  /** `hooksFor` results by kind and command; hooks are only registered during setup. */
  byCommand: Map<string, readonly unknown[]>;
  /**
   * The hooks of record commands, with their runner. Set by the plugin host when a plugin
   * registers the first one, so that the record commands of an embedding without such hooks
   * carry nothing but a check for it.
   */
  record?: RecordHookRegistry;
}

export function createHookRegistry(): HookRegistry {
  return { before: [], transaction: [], after: [], notifications: createNotificationRegistry(), byCommand: new Map() };
}

/** Hooks by stage, as both registries hold them. */
interface HookLists {
  before: readonly { target: string }[];
  transaction: readonly { target: string }[];
  after: readonly { target: string }[];
  byCommand: Map<string, readonly unknown[]>;
}

/**
 * The hooks of `kind` that apply to `command`, in registration order; worked out once per
 * command. `wildcard` is the target meaning all of the registry's commands.
 */
export function hooksFor<R extends HookLists, K extends 'before' | 'transaction' | 'after'>(registry: R, kind: K, command: string, wildcard = '*'): R[K] {
  if (registry[kind].length === 0) return registry[kind];
  const key = `${kind}:${command}`;
  let list = registry.byCommand.get(key);
  if (!list) {
    list = registry[kind].filter((h) => h.target === wildcard || h.target === command);
    registry.byCommand.set(key, list);
  }
  return list as R[K];
}

/**
 * The records that record commands write, by model.
 *
 * @example
 * ```ts
 * const label = (member: RecordModels['member']) => `${member.code} ${member.name}`;
 * ```
 */
export interface RecordModels {
  /** A community (社区). */
  community: Community;
  /** A park (园区). */
  park: Park;
  /** A building (楼宇). */
  building: Building;
  /** An enterprise (企业). */
  enterprise: Enterprise;
  /** A team of providers. */
  team: Team;
  /** A member. */
  member: Member;
  /** An office (街道). */
  office: Office;
  /** A stored version of an office's config. */
  config: StoredConfig;
  /** A visit (走访). */
  visit: Visit;
}

/**
 * A model a record command writes: a directory model, `office`, `config` or `visit`.
 *
 * @example
 * ```ts
 * const chained: RecordModel[] = ['member', 'config'];
 * ```
 */
export type RecordModel = keyof RecordModels;

/**
 * The commands that change something other than a request, named `<model>.<action>`:
 * creating, updating and archiving directory records and offices, storing a new version of
 * an office's config, and recording a visit (whose requests run the `submit` hooks as well).
 *
 * @example
 * ```ts
 * const watched: RecordCommandName[] = ['enterprise.create', 'member.archive', 'config.update', 'visit.record'];
 * ```
 */
export type RecordCommandName =
  | `${'community' | 'park' | 'building' | 'enterprise' | 'team' | 'member' | 'office'}.${'create' | 'update' | 'archive'}`
  | 'config.update'
  | 'visit.record';

/**
 * Which record commands a hook listens to: one, or `'record.*'` for all of them. (`'*'` stays
 * the request commands' wildcard.)
 *
 * @example
 * ```ts
 * hooks.after('record.*', ({ command, record }) => console.log(command, record));
 * ```
 */
export type RecordHookTarget = RecordCommandName | 'record.*';

/**
 * The model a record hook's target writes; every model for `'record.*'`.
 *
 * @example
 * ```ts
 * type Archived = RecordModelOf<'team.archive'>; // 'team'
 * ```
 */
export type RecordModelOf<T extends RecordHookTarget> = T extends `${infer M extends RecordModel}.${string}` ? M : RecordModel;

/**
 * What every record hook is told about its command.
 *
 * @example
 * ```ts
 * const who = (ctx: RecordHookContextBase<'member'>) => `${ctx.command} by ${ctx.actor.member?.name ?? 'system'}`;
 * ```
 */
export interface RecordHookContextBase<M extends RecordModel> {
  /** The command, `<model>.<action>`, e.g. `enterprise.update`. */
  command: RecordCommandName;
  /** Who runs the command, with their roles loaded. */
  actor: ResolvedActor;
  /** The office; for `office.create`, the new office's id. */
  officeId: string;
  /** The model the command writes. */
  model: M;
  /** The parsed input (for `config.update`, the validated config), as the `before` hooks left it. */
  input: Readonly<Record<string, unknown>>;
  /** The record before the command; null for a create and for an office's first config. */
  previous: RecordModels[M] | null;
  /** The command's time, from the community's clock. */
  now: Date;
}

/**
 * A record command's `before` hook runs after authorization and before anything is written; it
 * may veto by throwing or return `{ input }` to replace the input, which is checked again as
 * the command checks its own (and may not name another record). Nothing has changed yet, so
 * `record` is the record as stored, like `previous`: null for a create.
 *
 * @example
 * ```ts
 * hooks.before('enterprise.update', ({ record, input }) => {
 *   if (record?.archivedAt) throw new Error('archived enterprises are not edited');
 *   return { input: { ...input, tags: ['复核'] } };
 * });
 * ```
 */
export interface RecordBeforeContext<M extends RecordModel = RecordModel> extends RecordHookContextBase<M> {
  /** The record as stored, like `previous`: null for a create. */
  record: RecordModels[M] | null;
  /** Reads the office's records, outside any transaction. */
  read: StorageOperations;
}

/**
 * A committed (or, inside `transaction` hooks, written) record command.
 *
 * @example
 * ```ts
 * hooks.after('member.archive', ({ record, previous }) => console.log(record.name, previous?.archivedAt === null));
 * ```
 */
export interface RecordChange<M extends RecordModel = RecordModel> extends RecordHookContextBase<M> {
  /** The record as written, with the fields plugins add as stored. */
  record: RecordModels[M];
}

/**
 * A record command's `transaction` hook: inside its transaction, after its writes. Write
 * through `tx` only; throwing rolls it all back.
 *
 * @example
 * ```ts
 * hooks.transaction('config.update', async ({ tx, officeId, record }) => {
 *   await tx.create({ model: 'my_plugin_log', data: { id: `${officeId}:${record.version}`, officeId, version: record.version } });
 * });
 * ```
 */
export interface RecordTransactionContext<M extends RecordModel = RecordModel> extends RecordChange<M> {
  /** The command's transaction: write through it only. */
  tx: StorageOperations;
}

// Distributive: one model's context, or, for `'record.*'`, the union of every model's, which
// a check of `model` narrows.
/** {@link RecordBeforeContext} of each model in `M`. */
type BeforeOf<M extends RecordModel> = M extends RecordModel ? RecordBeforeContext<M> : never;
/** {@link RecordTransactionContext} of each model in `M`. */
type TransactionOf<M extends RecordModel> = M extends RecordModel ? RecordTransactionContext<M> : never;
/** {@link RecordChange} of each model in `M`. */
type ChangeOf<M extends RecordModel> = M extends RecordModel ? RecordChange<M> : never;

/**
 * A `before` hook of record commands writing `M`.
 *
 * @example
 * ```ts
 * const trim: RecordBeforeHook<'member'> = ({ input }) => ({ input: { ...input, name: String(input['name']).trim() } });
 * ```
 */
export type RecordBeforeHook<M extends RecordModel = RecordModel> = (
  ctx: BeforeOf<M>,
) =>
  | void
  | {
      /** Replaces the parsed input; the command checks it again. */
      input?: Record<string, unknown>;
    }
  | Promise<
      | void
      | {
          /** Replaces the parsed input; the command checks it again. */
          input?: Record<string, unknown>;
        }
    >;
/**
 * A `transaction` hook of record commands writing `M`.
 *
 * @example
 * ```ts
 * const refuse: RecordTransactionHook<'team'> = ({ record }) => {
 *   if (record.archivedAt) throw new Error('the roster service refused');
 * };
 * ```
 */
export type RecordTransactionHook<M extends RecordModel = RecordModel> = (ctx: TransactionOf<M>) => void | Promise<void>;
/**
 * An `after` hook of record commands writing `M`; its failures are reported, not thrown.
 *
 * @example
 * ```ts
 * const log: RecordAfterHook = ({ command, model }) => console.log(command, model);
 * ```
 */
export type RecordAfterHook<M extends RecordModel = RecordModel> = (ctx: ChangeOf<M>) => void | Promise<void>;

/**
 * A record hook as stored. The runner calls it only for commands of its target, so with the
 * context of the model it was registered for; the registry cannot say so in types.
 */
type StoredRecordHook<Ctx, R> = (ctx: Ctx) => R;
type Stored<Ctx, R> = { target: RecordHookTarget; plugin: string; hook: StoredRecordHook<Ctx, R> };

/** The registered record hooks, in registration order, and what runs them. */
export interface RecordHookRegistry {
  before: Stored<RecordBeforeContext, ReturnType<RecordBeforeHook>>[];
  transaction: Stored<RecordTransactionContext, void | Promise<void>>[];
  after: Stored<RecordChange, void | Promise<void>>[];
  byCommand: Map<string, readonly unknown[]>;
  /** Starts the hooks of one record command. */
  start(runtime: Runtime, command: RecordCommandStart): RecordHookRun;
}

/** What a record command tells its hooks when it starts, after authorization. */
export interface RecordCommandStart {
  command: RecordCommandName;
  actor: ResolvedActor;
  model: RecordModel;
  /** The record as stored; null for a create. */
  previous: object | null;
  /** Input fields a `before` hook may not change besides `id` (the record the command acts on). */
  fixed?: readonly string[];
}

/** The hooks of one record command, stage by stage. */
export interface RecordHookRun {
  /**
   * Runs the `before` hooks. An input a hook replaces is checked with `schema` (the command's
   * own); one that fails, or that names another record, is that plugin's PLUGIN_ERROR.
   */
  before<I>(input: I, schema: { parse(value: unknown): unknown }): Promise<I>;
  /**
   * Runs the `transaction` hooks on `record`, as the command wrote it through `tx`, then
   * completes `record` (in place) with the fields plugins add, as the hooks left them.
   */
  transaction(tx: StorageOperations, record: { officeId: string; id?: string }): Promise<void>;
  /** Runs the `after` hooks on the record `transaction` was given; failures are reported. */
  after(): Promise<void>;
}
