import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import { hooksFor, type BeforeHookContext, type CommittedChange, type TransactionHookContext } from '../plugins/hooks.js';
import { completePluginFields } from '../storage/plugin-fields.js';
import { firingCalendar } from '../timers/firing-calendar.js';
import type { Runtime } from './runtime.js';

export type Stage = 'before' | 'transaction' | 'after';

function pluginFailure(plugin: string, stage: Stage, error: unknown): KechuangError {
  if (isKechuangError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new KechuangError('PLUGIN_ERROR', `Plugin '${plugin}' failed in its ${stage} hook: ${reason}`, { plugin, stage }, { cause: error });
}

/**
 * Runs one hook, cut off after the community's hook timeout: a hook that hangs must not hold
 * a command (or, worse, its open transaction) for ever. The cut-off hook's promise is left to
 * settle on its own; its command has already failed and written nothing. A hook that returns
 * without a promise has finished, so it needs no timer.
 */
export async function guarded<T>(runtime: Runtime, plugin: string, stage: Stage, command: string, run: () => T | Promise<T>): Promise<T> {
  let pending: T | Promise<T>;
  try {
    pending = run();
  } catch (error) {
    throw pluginFailure(plugin, stage, error);
  }
  if (!(pending instanceof Promise)) return pending;
  const limit = runtime.hookTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const message = `Plugin '${plugin}' did not finish its ${stage} hook for '${command}' within ${limit} ms, so the command was stopped and nothing was written. Make the hook faster, or raise pluginHookTimeoutMs.`;
      reject(new KechuangError('PLUGIN_TIMEOUT', message, { plugin, stage, command, timeoutMs: limit }));
    }, limit);
  });
  try {
    return await Promise.race([pending, timeout]);
  } catch (error) {
    throw pluginFailure(plugin, stage, error);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the `before` hooks in order; each may veto (throw) or replace the input. */
export async function runBeforeHooks(runtime: Runtime, ctx: Omit<BeforeHookContext, 'read' | 'now'>): Promise<Record<string, unknown>> {
  let input = ctx.input as Record<string, unknown>;
  const hooks = hooksFor(runtime.hooks, 'before', ctx.command);
  if (hooks.length === 0) return input;
  const now = runtime.clock.now();
  for (const { plugin, hook } of hooks) {
    const result = await guarded(runtime, plugin, 'before', ctx.command, () => hook({ ...ctx, input, read: runtime.storage, now }));
    if (result?.input) input = result.input;
  }
  return input;
}

/**
 * Runs the `transaction` hooks inside the command's transaction; a throw rolls it back. Then
 * completes the request with its plugin fields as the hooks left them.
 */
export async function runTransactionHooks(runtime: Runtime, change: Omit<TransactionHookContext, 'calendar'>): Promise<void> {
  const ctx: TransactionHookContext = { ...change, calendar: () => firingCalendar(runtime, change.tx, change.officeId) };
  for (const { plugin, hook } of hooksFor(runtime.hooks, 'transaction', ctx.command)) {
    await guarded(runtime, plugin, 'transaction', ctx.command, () => hook(ctx));
  }
  await completePluginFields(runtime.plugins.fields['request'], ctx.tx, ctx.request);
}

/** Publishes the event and runs the `after` hooks; failures are reported, never thrown. */
export async function publishCommitted(runtime: Runtime, change: CommittedChange, event: string, payload: unknown): Promise<void> {
  try {
    runtime.emit(event, payload);
  } catch (error) {
    runtime.reportError(error, event);
  }
  for (const { plugin, hook } of hooksFor(runtime.hooks, 'after', change.command)) {
    try {
      await guarded(runtime, plugin, 'after', change.command, () => hook(change));
    } catch (error) {
      runtime.reportError(error, `${plugin}:after:${change.command}`);
    }
  }
}
