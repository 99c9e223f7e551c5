import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import { hooksFor, type BeforeHookContext, type CommittedChange, type TransactionHookContext } from '../plugins/hooks.js';
import type { Runtime } from './runtime.js';

function pluginFailure(plugin: string, stage: string, error: unknown): KechuangError {
  if (isKechuangError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new KechuangError('PLUGIN_ERROR', `Plugin '${plugin}' failed in its ${stage} hook: ${reason}`, { plugin, stage }, { cause: error });
}

/** Runs the `before` hooks in order; each may veto (throw) or replace the input. */
export async function runBeforeHooks(runtime: Runtime, ctx: BeforeHookContext): Promise<Record<string, unknown>> {
  let input = ctx.input as Record<string, unknown>;
  for (const { plugin, hook } of hooksFor(runtime.hooks, 'before', ctx.command)) {
    try {
      const result = await hook({ ...ctx, input });
      if (result?.input) input = result.input;
    } catch (error) {
      throw pluginFailure(plugin, 'before', error);
    }
  }
  return input;
}

/** Runs the `transaction` hooks inside the command's transaction; a throw rolls it back. */
export async function runTransactionHooks(runtime: Runtime, ctx: TransactionHookContext): Promise<void> {
  for (const { plugin, hook } of hooksFor(runtime.hooks, 'transaction', ctx.command)) {
    try {
      await hook(ctx);
    } catch (error) {
      throw pluginFailure(plugin, 'transaction', error);
    }
  }
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
      await hook(change);
    } catch (error) {
      runtime.reportError(pluginFailure(plugin, 'after', error), `${plugin}:after:${change.command}`);
    }
  }
}
