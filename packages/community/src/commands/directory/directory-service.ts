import { z } from 'zod';
import { actorRef, type Actor, type ResolvedActor } from '../../auth/actor.js';
import type { DirectoryModel } from '../../auth/authorization-policy.js';
import type { DirectoryEvent } from '../../events/core-events.js';
import { KechuangError, isKechuangError } from '../../errors/kechuang-error.js';
import { parseInput } from '../../errors/validation.js';
import type { RecordBase } from '../../model/common.js';
import { conflict, notFound } from '../../pipeline/load-request.js';
import { asKechuangError, loadActor, type Runtime } from '../../pipeline/runtime.js';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../queries/cursor.js';
import { recordToRow, rowToRecord } from '../../storage/records.js';
import type { Where } from '../../storage/types.js';
import { stampDirectory } from '../../pipeline/office-state.js';
import type { RecordHookRun } from '../../plugins/hooks.js';
import type { DirectoryLookup, DirectorySpec, ReferenceProblem } from './directory-spec.js';
import { directoryReader } from './directory-reader.js';

/** Options of a directory list. Ordered by code, then id. */
export interface DirectoryListOptions {
  /** Equality filters on the model's filterable fields, e.g. `{ parkId }`. */
  filter?: Record<string, string | null>;
  /**
   * Finds records by name or code, for a search box: every kind of directory record takes it.
   * A record matches when its `name` contains every whitespace-separated word (as typed, upper-
   * or lower-cased; full-width letters and digits count as half-width), or its `code` (the
   * credit code for enterprises) starts with the text, in any case. Blank means no search; at
   * most 100 characters. It narrows the other options (filters, archived, pages) further.
   * @example `{ search: '数像 科技' }`, `{ search: 'abc' }` (finds `ABC科技`), `{ search: '91330110' }`
   */
  search?: string;
  /** Include archived records. @default false */
  includeArchived?: boolean;
  /** Page size, 1–500. @default 50 */
  limit?: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string;
}

/** Create, update, archive and read one kind of directory record. */
export interface DirectoryApi<T, CreateInput, UpdateInput> {
  /** Creates a record; a code already used in the office is DUPLICATE. */
  create(input: CreateInput): Promise<T>;
  /** Updates the given fields; `version`, when given, must be current (else CONFLICT). */
  update(input: UpdateInput): Promise<T>;
  /** Archives a record: it stays readable but takes no new work. */
  archive(input: { id: string; version?: number }): Promise<T>;
  /** The record with this id in the office, or NOT_FOUND. */
  get(id: string): Promise<T>;
  /** The record with this stable code in the office, or null. */
  findByCode(code: string): Promise<T | null>;
  /** A page of the office's records of this kind, ordered by code, then id. */
  list(options?: DirectoryListOptions): Promise<Page<T>>;
}

const archiveInput = z.strictObject({ id: z.string().min(1), version: z.number().int().positive().optional() });

function referenceError(label: string, problems: ReferenceProblem[]): KechuangError {
  const issues = problems.map((p) => ({ path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: p.message, code: 'invalid_reference' }));
  return new KechuangError('VALIDATION_FAILED', `Invalid ${label}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}. Use ids from your office's directory.`, { issues });
}

/** Builds the {@link DirectoryApi} of one model for one actor. */
export function directoryService<T extends RecordBase, C extends z.ZodType, U extends z.ZodType>(
  runtime: Runtime,
  who: Actor,
  spec: DirectorySpec<T, C, U>,
): DirectoryApi<T, z.input<C>, z.input<U>> {
  const { model, label } = spec;
  const scoped = (officeId: string, where: Where): Where => [{ field: 'officeId', value: officeId }, ...where];
  const lookupFor = (officeId: string): DirectoryLookup => async (m: DirectoryModel, id: string) => {
    const row = await runtime.storage.findOne({ model: m, where: scoped(officeId, [{ field: 'id', value: id }]) });
    return row ? rowToRecord<RecordBase & Record<string, unknown>>(row) : null;
  };
  const manager = async (): Promise<ResolvedActor> => {
    const actor = await loadActor(runtime, who);
    if (!runtime.policy.canManageDirectory(actor, model)) {
      throw new KechuangError('FORBIDDEN', `You may not change ${label} records; ask the station head or office staff.`, { model });
    }
    return actor;
  };
  const load = async (actor: ResolvedActor, id: string, narrow: Where = []): Promise<T> => {
    const row = await runtime.storage.findOne({ model, where: scoped(actor.officeId, [{ field: 'id', value: id }, ...narrow]) });
    if (!row) throw notFound(label, id);
    return rowToRecord<T>(row);
  };
  const publish = (actor: ResolvedActor, action: DirectoryEvent['action'], record: T): void => {
    const event: DirectoryEvent = { model, action, id: record.id, officeId: record.officeId, actor: actorRef(actor) };
    try {
      runtime.emit('directory.changed', event);
    } catch (error) {
      runtime.reportError(error, 'directory.changed');
    }
  };
  const duplicate = (code: string) =>
    new KechuangError('DUPLICATE', `A ${label} with code '${code}' already exists in your office. Use another code, or update that ${label}.`, {
      model,
      fields: ['code'],
    });
  // Plugins' hooks of this record command (`member.update` …), when a plugin registered any.
  const hooks = (actor: ResolvedActor, action: 'create' | 'update' | 'archive', previous: T | null) =>
    runtime.hooks.record?.start(runtime, { command: `${model}.${action}`, actor, model, previous });
  const save = async (actor: ResolvedActor, current: T, fields: Partial<T>, action: DirectoryEvent['action'], run?: RecordHookRun): Promise<T> => {
    // Only what changed is written, so fields plugins add (and set themselves) are never put back as loaded.
    const patch = { ...fields, version: current.version + 1, updatedAt: runtime.clock.now() };
    let next;
    try {
      next = await runtime.storage.transaction(async (tx) => {
        const row = await tx.update({ model, where: scoped(actor.officeId, [{ field: 'id', value: current.id }, { field: 'version', value: current.version }]), data: recordToRow(patch) });
        if (!row) return null;
        // Commands cache directory records under the stamp this moves.
        await stampDirectory(runtime, tx, actor.officeId);
        const record = rowToRecord<T>(row);
        await run?.transaction(tx, record);
        return record;
      });
    } catch (error) {
      throw isKechuangError(error, 'UNIQUE_VIOLATION') ? duplicate(current.code) : asKechuangError(error, `update of ${label}`);
    }
    if (!next) throw conflict(label, current.id, current.version);
    publish(actor, action, next);
    await run?.after();
    return next;
  };

  return {
    async create(raw) {
      let input = parseInput(spec.createInput, raw, `${label} input`);
      const actor = await manager();
      const run = hooks(actor, 'create', null);
      if (run) input = await run.before(input, spec.createInput);
      const lookup = lookupFor(actor.officeId);
      const code = spec.codeOf(input);
      const { fields, problems } = await spec.create(input, lookup);
      if (problems.length > 0) throw referenceError(`${label} input`, problems);
      const now = runtime.clock.now();
      const record = { ...fields, id: runtime.newId(), officeId: actor.officeId, code, version: 1, createdAt: now, updatedAt: now, archivedAt: null } as T;
      let created;
      try {
        created = await runtime.storage.transaction(async (tx) => {
          // The stored row: it also holds the fields plugins add, null until a plugin sets them.
          const stored = rowToRecord<T>(await tx.create({ model, data: recordToRow(record) }));
          await stampDirectory(runtime, tx, actor.officeId);
          await run?.transaction(tx, stored);
          return stored;
        });
      } catch (error) {
        throw isKechuangError(error, 'UNIQUE_VIOLATION') ? duplicate(code) : asKechuangError(error, `create of ${label}`);
      }
      publish(actor, 'created', created);
      await run?.after();
      return created;
    },
    async update(raw) {
      let input = parseInput(spec.updateInput, raw, `${label} update`) as z.output<U> & { id: string; version?: number };
      const actor = await manager();
      const current = await load(actor, input.id);
      if (input.version !== undefined && input.version !== current.version) throw conflict(label, current.id, input.version, current.version);
      const run = hooks(actor, 'update', current);
      if (run) input = await run.before(input, spec.updateInput);
      const { fields, problems } = await spec.update(input, current, lookupFor(actor.officeId));
      if (problems.length > 0) throw referenceError(`${label} update`, problems);
      return save(actor, current, fields as Partial<T>, 'updated', run);
    },
    async archive(raw) {
      const input = parseInput(archiveInput, raw, `${label} archive`);
      const actor = await manager();
      const current = await load(actor, input.id);
      if (input.version !== undefined && input.version !== current.version) throw conflict(label, current.id, input.version, current.version);
      if (current.archivedAt !== null) return current;
      const run = hooks(actor, 'archive', current);
      // Archiving takes no input to change; a before hook may only veto it.
      await run?.before(input, archiveInput);
      return save(actor, current, { archivedAt: runtime.clock.now() } as Partial<T>, 'archived', run);
    },
    async get(id) {
      const actor = await loadActor(runtime, who, 'read');
      const reader = await directoryReader(runtime, actor, model);
      return reader.show(await load(actor, id, reader.where));
    },
    async findByCode(code) {
      const actor = await loadActor(runtime, who, 'read');
      const reader = await directoryReader(runtime, actor, model);
      const row = await runtime.storage.findOne({ model, where: scoped(actor.officeId, [{ field: 'code', value: code }, ...reader.where]) });
      return row ? reader.show(rowToRecord<T>(row)) : null;
    },
    async list(options = {}) {
      const actor = await loadActor(runtime, who, 'read');
      const limit = pageSize(options.limit);
      const reader = await directoryReader(runtime, actor, model);
      const where: (Where[number])[] = [...reader.where];
      // Filtering or searching by a withheld field would tell its values one guess at a time.
      const open = (field: string) => {
        if (reader.withheld && field in reader.withheld) throw new KechuangError('FORBIDDEN', `You may not filter or search ${label} lists by '${field}'; leave it out.`, { model, field });
      };
      // Loaded on the first search only: embeddings that never search never load it.
      const search = options.search === undefined ? [] : (await import('./directory-search.js')).searchWhere(options.search);
      if (search.length) ['name', 'code'].forEach(open);
      for (const [field, value] of Object.entries(options.filter ?? {})) {
        if (!spec.filters.includes(field)) {
          throw new KechuangError('VALIDATION_FAILED', `Invalid filter: ${label} lists can filter by ${spec.filters.join(', ') || 'nothing'}, not '${field}'.`, {
            issues: [{ path: ['filter', field], message: 'unknown filter', code: 'unrecognized_keys' }],
          });
        }
        open(field);
        where.push(value === null ? { field, op: 'is_null' } : { field, value });
      }
      where.push(...search);
      if (!options.includeArchived) where.push({ field: 'archivedAt', op: 'is_null' });
      const scope = `${model}:code`;
      const rows = await runtime.storage.findMany({
        model,
        where: scoped(actor.officeId, where),
        orderBy: [{ field: 'code' }, { field: 'id' }],
        ...(options.cursor ? { after: decodeCursor(scope, options.cursor) } : {}),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map((r) => reader.show(rowToRecord<T>(r)));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(scope, [last.code, last.id]) : null };
    },
  };
}
