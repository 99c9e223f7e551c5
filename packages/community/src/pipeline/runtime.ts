import { resolveActor, type Actor, type ResolvedActor } from '../auth/actor.js';
import type { AuthorizationPolicy } from '../auth/authorization-policy.js';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { Member } from '../model/member.js';
import type { HookRegistry } from '../plugins/hooks.js';
import type { InstalledPlugins } from '../plugins/plugin-registry.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import { rowToRecord } from '../storage/records.js';
import type { StorageAdapter, StorageOperations, StorageSchema } from '../storage/types.js';
import type { WorkflowDefinition } from '../workflow/workflow-definition.js';
import type { OfficeConfig } from '../config/config-schema.js';
import type { OperatorDefinition } from '../routing/types.js';
import type { TimerHandlerRegistry } from '../timers/timer-handlers.js';
import type { Notifier } from '../notify/notifier.js';
import { noteOfficeRow } from './office-state.js';
import { directoryRow } from './directory-cache.js';

/** Everything the services share; built once by `createCommunity`. */
export interface Runtime {
  storage: StorageAdapter;
  clock: Clock;
  newId: IdGenerator;
  workflow: WorkflowDefinition;
  policy: AuthorizationPolicy;
  hooks: HookRegistry;
  /** Everything the plugins added (routing actions and strategies, measures, routes …). */
  plugins: InstalledPlugins;
  /** How long one plugin hook may run before its command is stopped. */
  hookTimeoutMs: number;
  emit(type: string, payload: unknown): void;
  reportError(error: unknown, where: string): void;
  /** Resolves once the adapter has the schema; every operation awaits it first. */
  ready(): Promise<void>;
  /** Custom routing condition operators registered by plugins. */
  operators: readonly OperatorDefinition[];
  /** Timer handlers by kind (core SLA timers and plugin timers). */
  timerHandlers: TimerHandlerRegistry;
  /** The host's notifiers by id (`createCommunity({ notifiers })`); outbox rows name one. */
  notifiers: ReadonlyMap<string, Notifier>;
  /** Compiled routing per office, recompiled only when the office's config version changes. */
  compiled: Map<string, unknown>;
  /** The host's `createCommunity({ config })`, as given, for single-office embedding; null for none. */
  defaultConfig: unknown;
  /** `defaultConfig` validated (once); VALIDATION_FAILED listing every problem when it is invalid. */
  validatedDefaultConfig(): Promise<OfficeConfig>;
}

/** Wraps adapter initialisation so it runs once and its failure is reported every time. */
export function onceReady(storage: StorageAdapter, schema: StorageSchema): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => {
    pending ??= storage.init(schema).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Whether the caller only reads (allowed in an archived office) or changes something. */
export type ActorPurpose = 'read' | 'write';

/**
 * Loads the acting member. A member of another office, an unknown member, or one who has
 * left or been archived cannot act: the host is told so plainly (this is the host's bug or
 * a stale session, not something to hide). An archived office stays readable.
 */
export async function loadActor(runtime: Runtime, actor: Actor, purpose: ActorPurpose = 'write', ops: StorageOperations = runtime.storage): Promise<ResolvedActor> {
  await runtime.ready();
  const office = await ops.findOne({ model: 'office', where: [{ field: 'id', value: actor.officeId }] });
  if (!office) {
    throw new KechuangError('FORBIDDEN', `There is no office '${actor.officeId}'; check the session's officeId.`);
  }
  noteOfficeRow(runtime, office);
  if (purpose === 'write' && office['archivedAt'] !== null) {
    throw new KechuangError('FORBIDDEN', `Office '${office['name'] as string}' is archived and read-only; nothing can be changed or submitted in it.`);
  }
  if (actor.kind === 'system') return resolveActor(actor.officeId, null);
  const row = await directoryRow(runtime, 'member', actor.officeId, actor.memberId, ops);
  if (!row) {
    throw new KechuangError('FORBIDDEN', `Member '${actor.memberId}' is not in this office; check the session's officeId and memberId.`);
  }
  const member = rowToRecord<Member>(row);
  if (member.status === 'left' || member.archivedAt !== null) {
    throw new KechuangError('FORBIDDEN', `Member '${member.name}' has left or is archived and can no longer act. Sign in as someone else.`);
  }
  return resolveActor(actor.officeId, member);
}

/** Maps unexpected adapter failures to STORAGE_ERROR, leaving typed errors as they are. */
export function asKechuangError(error: unknown, what: string): KechuangError {
  if (isKechuangError(error)) return error;
  return new KechuangError('STORAGE_ERROR', `${what} failed in the storage adapter: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
}
