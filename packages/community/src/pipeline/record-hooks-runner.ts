import { z } from 'zod';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import { fromZodError } from '../errors/validation.js';
import {
  hooksFor,
  type RecordChange,
  type RecordCommandStart,
  type RecordHookRegistry,
  type RecordHookRun,
  type RecordModel,
  type RecordModels,
} from '../plugins/hooks.js';
import type { StorageOperations } from '../storage/types.js';
import { guarded } from './hooks-runner.js';
import type { Runtime } from './runtime.js';

/** The target of the record hooks that listen to every record command. */
const ALL = 'record.*';

type AnyRecord = RecordModels[RecordModel];
/**
 * Checks an input a `before` hook returned as the command checks its own, and that it still
 * names the same record: a hook may change what is written, not what it is written to.
 */
function replacedInput(
  plugin: string,
  command: string,
  schema: { parse(value: unknown): unknown },
  value: Record<string, unknown>,
  was: Readonly<Record<string, unknown>>,
  fixed: readonly string[],
): unknown {
  const details = { plugin, stage: 'before', command };
  for (const key of ['id', ...fixed]) {
    if (key in was && value[key] !== was[key]) {
      const message = `Plugin '${plugin}' changed '${key}' in the input of '${command}' in its before hook. A before hook may change what the command writes, not which record it acts on.`;
      throw new KechuangError('PLUGIN_ERROR', message, details);
    }
  }
  try {
    return schema.parse(value);
  } catch (error) {
    const reason = error instanceof z.ZodError ? fromZodError(error, `'${command}' input`).message : isKechuangError(error) || error instanceof Error ? error.message : String(error);
    const message = `Plugin '${plugin}' replaced the input of '${command}' in its before hook with one the command refuses (${reason}). Return an input the command accepts.`;
    throw new KechuangError('PLUGIN_ERROR', message, details, { cause: error });
  }
}

/**
 * Completes a record the command wrote with the fields plugins add, as the `transaction` hooks
 * left them: the command's result and the `after` hooks then show what was committed.
 */
async function completeFields(runtime: Runtime, tx: StorageOperations, model: RecordModel, record: { officeId: string; id?: string }): Promise<void> {
  const fields = runtime.plugins.fields[model];
  if (!fields || record.id === undefined) return;
  const row = await tx.findOne({ model, where: [{ field: 'officeId', value: record.officeId }, { field: 'id', value: record.id }] });
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) values[name] = row?.[name] ?? null;
  Object.assign(record, values);
}

/** Runs one record command's hooks, stage by stage, each under the community's hook timeout. */
function startRecordHooks(runtime: Runtime, registry: RecordHookRegistry, start: RecordCommandStart): RecordHookRun {
  const { command, actor, model, fixed = [] } = start;
  const now = runtime.clock.now();
  // Commands hand their records over as they hold them; a hook sees them typed by its target's model.
  const previous = start.previous as AnyRecord | null;
  let input: Readonly<Record<string, unknown>> = {};
  let record: AnyRecord | null = null;
  const base = () => ({ command, actor, officeId: actor.officeId, model, input, previous, now });
  return {
    async before(given, schema) {
      // Every command's input is a parsed object (the config, a validated document).
      input = given as Readonly<Record<string, unknown>>;
      let current = given;
      for (const { plugin, hook } of hooksFor(registry, 'before', command, ALL)) {
        const result = await guarded(runtime, plugin, 'before', command, () => hook({ ...base(), record: previous, read: runtime.storage }));
        if (!result?.input) continue;
        // The command's own schema, so it gives what the command parsed its input to.
        current = replacedInput(plugin, command, schema, result.input, input, fixed) as typeof given;
        input = current as Readonly<Record<string, unknown>>;
      }
      return current;
    },
    async transaction(tx, written) {
      const change: RecordChange = { ...base(), record: written as AnyRecord };
      record = change.record;
      const hooks = hooksFor(registry, 'transaction', command, ALL);
      for (const { plugin, hook } of hooks) {
        await guarded(runtime, plugin, 'transaction', command, () => hook({ ...change, tx }));
      }
      if (hooks.length > 0) await completeFields(runtime, tx, model, written);
    },
    async after() {
      if (record === null) return;
      const change: RecordChange = { ...base(), record };
      for (const { plugin, hook } of hooksFor(registry, 'after', command, ALL)) {
        try {
          await guarded(runtime, plugin, 'after', command, () => hook(change));
        } catch (error) {
          runtime.reportError(error, `${plugin}:after:${command}`);
        }
      }
    },
  };
}

/**
 * The registry of record hooks, which the plugin host creates when a plugin registers the
 * first one. It carries its own runner, so that the record commands (which load with every
 * embedding) hold only a call to it, and an embedding without plugins none of its code.
 */
export function createRecordHooks(): RecordHookRegistry {
  const registry: RecordHookRegistry = {
    before: [],
    transaction: [],
    after: [],
    byCommand: new Map(),
    start: (runtime, start) => startRecordHooks(runtime, registry, start),
  };
  return registry;
}
