import { actorRef, resolveActor, type Actor, type ResolvedActor } from '../../auth/actor.js';
import { KechuangError, isKechuangError } from '../../errors/kechuang-error.js';
import { parseInput } from '../../errors/validation.js';
import { createOfficeInput, updateOfficeInput, type Office } from '../../model/office.js';
import { conflict, notFound } from '../../pipeline/load-request.js';
import { asKechuangError, loadActor, type Runtime } from '../../pipeline/runtime.js';
import { recordToRow, rowToRecord } from '../../storage/records.js';
import { z } from 'zod';
import type { DirectoryEvent } from '../../events/core-events.js';
import type { RecordHookRun } from '../../plugins/hooks.js';

/** Deployment-level office administration (no actor: the host decides who may call it). */
export interface OfficesApi {
  /** Creates an office (街道), the tenant everything else belongs to. */
  create(input: z.input<typeof createOfficeInput>): Promise<Office>;
  /** The office with this id, or NOT_FOUND. */
  get(id: string): Promise<Office>;
  /** The office with this code, or null. */
  findByCode(code: string): Promise<Office | null>;
  /**
   * Archives an office: its records stay readable, but no actor can act in it any more.
   */
  archive(input: { id: string; version?: number }): Promise<Office>;
}

/** The signed-in actor's own office. */
export interface OwnOfficeApi {
  /** The session's office. */
  get(): Promise<Office>;
  /** Renames the office or changes its time zone (station head, office staff or system). */
  update(input: Omit<z.input<typeof updateOfficeInput>, 'id'>): Promise<Office>;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkTimeZone(zone: string | undefined): void {
  if (zone !== undefined && !validTimeZone(zone)) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid timeZone: '${zone}' is not an IANA time zone; use e.g. 'Asia/Shanghai'.`, {
      issues: [{ path: ['timeZone'], message: 'unknown IANA time zone', code: 'invalid_time_zone' }],
    });
  }
}

export function officesApi(runtime: Runtime): OfficesApi {
  const find = async (field: string, value: string): Promise<Office | null> => {
    await runtime.ready();
    const row = await runtime.storage.findOne({ model: 'office', where: [{ field, value }] });
    if (!row) return null;
    // The stamps are the runtime's cache keys, not part of the office (see office-state.ts).
    const { configVersion: _config, directoryStamp: _directory, ...office } = row;
    return rowToRecord<Office>(office);
  };
  return {
    async create(raw) {
      let input = parseInput(createOfficeInput, raw, 'office input');
      await runtime.ready();
      const id = runtime.newId();
      // Deployment-level: the host decided who may call it, so the new office's system acts.
      const actor = resolveActor(id, null);
      const run = hooks(runtime, 'create', actor, null);
      if (run) input = await run.before(input, createOfficeInput);
      checkTimeZone(input.timeZone);
      const now = runtime.clock.now();
      const office: Office = { id, officeId: id, code: input.code, name: input.name, timeZone: input.timeZone, version: 1, createdAt: now, updatedAt: now, archivedAt: null };
      try {
        await runtime.storage.transaction(async (tx) => {
          await tx.create({ model: 'office', data: { ...recordToRow(office), configVersion: 0 } });
          await run?.transaction(tx, office);
        });
      } catch (error) {
        if (isKechuangError(error, 'UNIQUE_VIOLATION')) {
          throw new KechuangError('DUPLICATE', `An office with code '${input.code}' already exists. Use another code.`, { model: 'office', fields: ['code'] });
        }
        throw asKechuangError(error, 'create of office');
      }
      return changed(runtime, office, 'created', actor, run);
    },
    async get(id) {
      const office = await find('id', id);
      if (!office) throw notFound('office', id);
      return office;
    },
    findByCode: (code) => find('code', code),
    async archive(raw) {
      const input = parseInput(archiveOfficeInput, raw, 'office archive');
      const current = await find('id', input.id);
      if (!current) throw notFound('office', input.id);
      if (input.version !== undefined && input.version !== current.version) throw conflict('office', current.id, input.version, current.version);
      if (current.archivedAt !== null) return current;
      const actor = resolveActor(current.id, null);
      const run = hooks(runtime, 'archive', actor, current);
      // Archiving takes no input to change; a before hook may only veto it.
      await run?.before(input, archiveOfficeInput);
      const now = runtime.clock.now();
      return save(runtime, current, { archivedAt: now, updatedAt: now }, 'archived', actor, run);
    },
  };
}

// Plugins' hooks of an office command (`office.update` …), when a plugin registered any.
const hooks = (runtime: Runtime, action: 'create' | 'update' | 'archive', actor: ResolvedActor, previous: Office | null) =>
  runtime.hooks.record?.start(runtime, { command: `office.${action}`, actor, model: 'office', previous });

/** Writes the office's next version, guarded by the one loaded, with the hooks' transaction stage. */
async function save(runtime: Runtime, current: Office, changes: Partial<Office>, action: 'updated' | 'archived', actor: ResolvedActor, run?: RecordHookRun): Promise<Office> {
  const next: Office = { ...current, ...changes, version: current.version + 1 };
  const updated = await runtime.storage.transaction(async (tx) => {
    const row = await tx.update({ model: 'office', where: [{ field: 'id', value: current.id }, { field: 'version', value: current.version }], data: recordToRow(next) });
    if (row) await run?.transaction(tx, next);
    return row;
  });
  if (!updated) throw conflict('office', current.id, current.version);
  return changed(runtime, next, action, actor, run);
}

/** After commit: `directory.changed`, then the `after` hooks. */
async function changed(runtime: Runtime, office: Office, action: DirectoryEvent['action'], actor: ResolvedActor, run?: RecordHookRun): Promise<Office> {
  runtime.emit('directory.changed', { model: 'office', action, id: office.id, officeId: office.id, actor: actorRef(actor) });
  await run?.after();
  return office;
}

const archiveOfficeInput = z.strictObject({ id: z.string().min(1), version: z.number().int().positive().optional() });

export function ownOfficeApi(runtime: Runtime, who: Actor): OwnOfficeApi {
  const offices = officesApi(runtime);
  return {
    async get() {
      // The session must really be of this office, as for every other call.
      await loadActor(runtime, who, 'read');
      return offices.get(who.officeId);
    },
    async update(raw) {
      let input = parseInput(updateOfficeInput, { ...raw, id: who.officeId }, 'office update');
      const actor = await loadActor(runtime, who);
      if (!runtime.policy.canManageDirectory(actor, 'office')) {
        throw new KechuangError('FORBIDDEN', 'You may not change the office; ask the station head or office staff.', { model: 'office' });
      }
      const current = await offices.get(who.officeId);
      if (input.version !== undefined && input.version !== current.version) throw conflict('office', current.id, input.version, current.version);
      const run = hooks(runtime, 'update', actor, current);
      if (run) input = await run.before(input, updateOfficeInput);
      // After the hooks, which may have replaced it.
      checkTimeZone(input.timeZone);
      const { name, timeZone } = input;
      return save(runtime, current, { ...(name !== undefined && { name }), ...(timeZone !== undefined && { timeZone }), updatedAt: runtime.clock.now() }, 'updated', actor, run);
    },
  };
}
