import type { ResolvedActor } from '../auth/actor.js';
import { lazy } from '../internal/lazy.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import { configInForce } from '../pipeline/office-config.js';
import type { OfficePolicy } from '../pipeline/office-policy.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { Row } from '../storage/types.js';
import { mayNotify } from './may-notify.js';

// Recipient rules, templates and masking load the first time an office has something to tell.
const planner = lazy(() => import('./plan-notifications.js'));

/** A request command (submit included), decided and about to be written. */
export interface DecidedChange {
  command: string;
  actor: ResolvedActor;
  request: ServiceRequest;
  previous: ServiceRequest | null;
  entries: readonly TimelineEntry[];
}

/**
 * The outbox rows a request command writes in its own transaction. An office without a config
 * (`policy` null) has nobody to tell and costs nothing; otherwise the config in force comes
 * from the cache the policy was just read through.
 */
export async function commandOutbox(runtime: Runtime, policy: OfficePolicy | null, change: DecidedChange): Promise<Row[]> {
  if (!policy) return [];
  const stored = await configInForce(runtime, change.request.officeId);
  if (!stored || !mayNotify(runtime, stored.config)) return [];
  const planned = { ...change, stored, timeZone: policy.calendar.timeZone };
  const pluginTransition = runtime.plugins.workflow.transitions.some((t) => t.transition.name === change.command);
  if (!pluginTransition) return (await planner()).commandOutboxRows(runtime, planned);
  // A plugin transition (event `request.<plugin-id>.<name>`) tells nobody unless a rule names
  // it: the defaults and `*` rules were written for the core's commands, whose wording is
  // built in. Its notices are the plugin's business and never stop the transition: a missing
  // template is reported to the host and nothing is written.
  const event = `request.${change.command}`;
  const rules = [...(stored.config.notifications?.rules ?? []), ...runtime.hooks.notifications.rules.map((r) => r.rule)];
  if (!rules.some((rule) => rule.on.some((on) => on === event))) return [];
  try {
    return await (await planner()).commandOutboxRows(runtime, planned);
  } catch (error) {
    runtime.reportError(error, `notifications of ${event}`);
    return [];
  }
}
